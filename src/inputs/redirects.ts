/**
 * Which redirects a fetch follows. A redirect comes from the server, so it may keep or raise the
 * security the user asked for, never lower it: no https → http, and certificate checks are turned
 * off only by an `https+insecure://` URL the user typed, for the host typed. pprof follows
 * https → http, as Go's http.Client does.
 */
import { redactUrl } from './url-text.js';

/** One request of a fetch: where to, and whether its certificate goes unchecked. */
export interface Hop {
  /** An http: or https: URL (https+insecure is kept as https plus `insecure`). */
  readonly url: URL;
  readonly insecure: boolean;
}

/** A redirect the fetch will not follow; `message` says where it led and why not. */
export class RedirectRefused extends Error {
  override readonly name = 'RedirectRefused';
}

const INSECURE = 'https+insecure:';

/** The first hop of a fetch of `typed`, the URL as the user gave it. */
export function firstHop(typed: string): Hop {
  const url = new URL(typed);
  if (url.protocol !== INSECURE) return { url, insecure: false };
  // Node's https wants the https: scheme; the +insecure part becomes the flag.
  return { url: new URL(`https:${typed.slice(INSECURE.length)}`), insecure: true };
}

/**
 * The hop a redirect to `location` leads to from `from`, or RedirectRefused. An unchecked
 * certificate carries over only to the same host and port: a server the user chose not to verify
 * cannot vouch for another one.
 */
export function nextHop(from: Hop, location: string): Hop {
  let url: URL;
  try {
    url = new URL(location, from.url);
  } catch {
    throw new RedirectRefused(`the server redirected to ${JSON.stringify(location)}, which is not a URL`);
  }
  const to = `the redirect to ${redactUrl(url.href)}`;
  if (url.protocol === INSECURE)
    throw new RedirectRefused(`refused ${to}: only a URL given on the command line can turn certificate checks off`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RedirectRefused(`refused ${to}: only http and https are followed`);
  if (from.url.protocol === 'https:' && url.protocol === 'http:')
    throw new RedirectRefused(`refused ${to}: it would leave TLS (https to http)`);
  return { url, insecure: from.insecure && url.protocol === 'https:' && url.host === from.url.host };
}
