import { statSync } from 'node:fs';
import { ProfileError, type ProfileErrorKind } from '../profile/errors.js';
import { parseProfile } from '../profile/decode.js';
import { DEFAULT_MAX_INFLATED } from '../profile/gzip-format.js';
import { loadProfileFile } from '../host/profile-file.js';
import { normalizeProfile } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';
import { redactUrl } from './url-text.js';

/** Where a profile comes from: a file, or a URL with the timeout its fetch gets. */
export type Source =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'url'; readonly url: string; readonly seconds: number; readonly timeoutSeconds: number }
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: string };

/**
 * What loading a source needs besides its name: the -seconds and -timeout flags (0 = not given,
 * as in pprof), the size limit, and where fetched copies go. Plain data, so the console's worker
 * thread can be given it.
 */
export interface SourceSettings {
  readonly seconds: number;
  readonly timeout: number;
  readonly maxBytes: number | undefined;
  /** $HEAPCLI_TMPDIR, if set. */
  readonly saveDir: string | undefined;
  /** $HOME, for the default folder of saved copies. */
  readonly home: string | undefined;
  /** False when the one report to run only sums samples: the profile need not be merged (normalizeProfile). */
  readonly mergeOnLoad?: boolean;
  /** False: a fetched profile is not saved (the library API writes nothing unasked). */
  readonly saveCopies?: boolean;
}

/**
 * A source that could not be loaded; the message is `<file or URL>: <reason>`, one line. `kind` is
 * the ProfileError's when the bytes came but were no profile; `base` says it was a -base profile.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly subject: string,
    readonly reason: string,
    readonly kind: ProfileErrorKind | null = null,
    readonly base = false,
  ) {
    super(`${subject}: ${reason}`);
  }

  /** The same failure, of a -base or -diff_base profile. */
  asBase(): SourceError {
    return new SourceError(this.subject, this.reason, this.kind, true);
  }
}

/**
 * heapcli is a heap tool, so a bare `host:port` means the heap profile. (Go's pprof picks
 * /debug/pprof/profile, the CPU profile, which is no use here.)
 */
export const DEFAULT_PROFILE_PATH = '/debug/pprof/heap';

/** pprof's default timeout without -seconds. */
const DEFAULT_TIMEOUT_SECONDS = 60;

/**
 * pprof waits 5 s past -timeout (its HTTP client's limit is timeout + 5s), so `-seconds=30
 * -timeout=30` works, and a big heap's delta profile (two snapshots and a merge on the server) does
 * not miss the default 1.5 × seconds by a hair. heapcli allows the same.
 */
const TIMEOUT_GRACE_SECONDS = 5;

/**
 * Decides as pprof does: a path that exists is a file; otherwise a URL if it reads as one
 * (`scheme://host/...`, or the `host:port[/path]` shorthand, which gets `http://`); anything else
 * is a file, so a mistyped name still says "no such file or directory".
 */
export function resolveSource(arg: string, flags: { readonly seconds: number; readonly timeout: number }, exists = pathExists): Source {
  if (exists(arg)) return { kind: 'file', path: arg };
  const url = parseUrl(arg);
  if (url === null) return { kind: 'file', path: arg };
  if (typeof url === 'string') return { kind: 'invalid', text: redactUrl(arg), reason: url };
  if (url.pathname === '' || url.pathname === '/') url.pathname = DEFAULT_PROFILE_PATH;
  let seconds = 0;
  if (flags.seconds > 0) {
    seconds = flags.seconds;
    url.searchParams.set('seconds', String(flags.seconds));
  } else {
    // A URL that already asks for a delta profile needs as long a timeout as the flag would.
    const fromUrl = url.searchParams.get('seconds');
    if (fromUrl !== null && /^[+-]?\d+$/.test(fromUrl) && Number(fromUrl) > 0) seconds = Number(fromUrl);
  }
  // pprof re-encodes the query with its keys sorted; the URL printed and fetched read the same.
  url.searchParams.sort();
  const timeoutSeconds = flags.timeout > 0 ? flags.timeout : seconds > 0 ? seconds * 1.5 : DEFAULT_TIMEOUT_SECONDS;
  return { kind: 'url', url: url.href, seconds: flags.seconds > 0 ? flags.seconds : 0, timeoutSeconds };
}

function pathExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Go's url.Parse, then a retry with http:// for `host:port/...`, which Go reads as a scheme or an
 * error. Null for a file name; a string says why what reads as a URL is not a valid one.
 */
function parseUrl(arg: string): URL | string | null {
  const firstSegment = arg.split('/')[0];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) && !/^file:/i.test(arg)) {
    const url = tryUrl(arg);
    if (url === null) return invalidUrlReason(arg.replace(/^[^:]*:\/\//, '').split(/[/?#]/)[0]);
    return url.host !== '' ? url : null;
  }
  if (!firstSegment.includes(':') || /^file:/i.test(arg)) return null;
  const url = tryUrl(`http://${arg}`);
  if (url === null && /:\d+$/.test(firstSegment)) return invalidUrlReason(firstSegment);
  return url !== null && url.host !== '' ? url : null;
}

/** Why an authority (`user@host:port`) makes an invalid URL: its port if that is it, else in general. */
function invalidUrlReason(authority: string): string {
  const port = /:(\d+)$/.exec(authority)?.[1];
  if (port !== undefined && Number(port) > 65535) return `invalid URL: port ${port} is out of range (0 to 65535)`;
  return 'invalid URL';
}

function tryUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Loads a file or fetches a URL into a profile, normalised as pprof normalises every profile it
 * loads. For a URL it reports, through `notify`, what pprof prints on stderr (`Fetching profile
 * over HTTP from URL`, `Please wait... (30s)`, `Saved profile in PATH`). Throws SourceError.
 */
export async function loadSource(arg: string, settings: SourceSettings, notify: (line: string) => void): Promise<Profile> {
  const source = resolveSource(arg, settings);
  if (source.kind === 'invalid') throw new SourceError(source.text, source.reason);
  if (source.kind === 'file') {
    try {
      return loadProfileFile(source.path, settings.maxBytes, settings.mergeOnLoad);
    } catch (err) {
      if (err instanceof ProfileError) throw new SourceError(source.path, err.message, err.kind);
      throw err;
    }
  }
  const shown = redactUrl(source.url);
  notify(`Fetching profile over HTTP from ${shown}`);
  if (source.seconds > 0) notify(`Please wait... (${goDuration(source.seconds)})`);
  const maxBytes = settings.maxBytes ?? DEFAULT_MAX_INFLATED;
  const limit = source.timeoutSeconds + TIMEOUT_GRACE_SECONDS;
  const timeoutText = `${goDuration(limit)} (-timeout ${goDuration(source.timeoutSeconds)} + ${TIMEOUT_GRACE_SECONDS}s grace, as in pprof)`;
  // The HTTP code loads only for a URL: a report on a file never pays for node:http and node:https.
  const [{ FetchError, fetchBody }, { saveProfileCopy }] = await Promise.all([import('./fetch.js'), import('./saved-copy.js')]);
  let body;
  try {
    body = await fetchBody(source.url, { timeoutMs: limit * 1000, maxBytes, timeoutText });
  } catch (err) {
    if (err instanceof FetchError) throw new SourceError(shown, err.message);
    throw err;
  }
  if (body.bytes.length === 0) throw new SourceError(shown, 'the server sent an empty body, not a profile');
  let profile: Profile;
  try {
    profile = normalizeProfile(parseProfile(body.bytes, { maxInflatedBytes: settings.maxBytes }), settings.mergeOnLoad);
  } catch (err) {
    if (!(err instanceof ProfileError)) throw err;
    // The content type tells a wrong path (an HTML page) from a damaged profile.
    const mediaType = body.contentType.split(';')[0].trim();
    const sent = err.kind === 'not-a-profile' && mediaType ? `; the server sent ${mediaType}` : '';
    throw new SourceError(shown, `${err.message}${sent}`, err.kind);
  }
  if (settings.saveCopies !== false) for (const line of saveProfileCopy(body.bytes, profile, settings)) notify(line);
  return profile;
}

/** A whole or fractional number of seconds as Go prints a time.Duration: `30s`, `1.5s`, `1m30s`. */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = Number((seconds % 60).toFixed(9));
  const s = `${rest}s`;
  if (hours > 0) return `${hours}h${minutes}m${s}`;
  if (minutes > 0) return `${minutes}m${s}`;
  return s;
}
