import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { setLongTimeout } from './long-timer.js';
import { RedirectRefused, firstHop, nextHop, type Hop } from './redirects.js';

/** A fetch that failed; `message` is the one-line reason, printed after the URL. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
}

/** A fetched body and what the server said about it. */
export interface FetchedBody {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** How a profile is fetched. */
export interface FetchOptions {
  /** The whole fetch (connect, redirects, headers, body) must finish within this many ms. */
  readonly timeoutMs: number;
  /** Bodies longer than this are refused, so a wrong URL cannot fill the memory. */
  readonly maxBytes: number;
  /** Ends the timeout message, `timed out after ...`, in the flag's own terms. */
  readonly timeoutText: string;
}

/** Go's http.Client gives up after 10 redirects; so do we. */
const MAX_REDIRECTS = 10;

/** Error codes from Node's sockets and resolver, in the words a user expects. */
const NET_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the server closed the connection',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be resolved (temporary failure)',
  EPIPE: 'the server closed the connection',
};

/**
 * GETs `url` (http, https, or pprof's https+insecure, which skips certificate checks) and returns
 * the body of a 200 answer. Anything else throws FetchError with a one-line reason: the status line
 * for an HTTP error (with net/http/pprof's own message, as pprof shows it), the network error, or
 * the timeout.
 */
export async function fetchBody(url: string, options: FetchOptions): Promise<FetchedBody> {
  const abort = new AbortController();
  const cancelTimer = setLongTimeout(() => abort.abort(), options.timeoutMs);
  const first = firstHop(url);
  let hop = first;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await get(hop, abort.signal);
      const location = response.headers.location;
      if (response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && location) {
        response.resume();
        if (redirects === MAX_REDIRECTS) throw new FetchError(`stopped after ${MAX_REDIRECTS} redirects`);
        hop = nextHop(hop, location);
        continue;
      }
      if (response.statusCode !== 200) throw new FetchError(await statusReason(response));
      return { bytes: await readBody(response, options.maxBytes), contentType: response.headers['content-type'] ?? '' };
    }
  } catch (err) {
    if (abort.signal.aborted) throw new FetchError(`timed out after ${options.timeoutText}`);
    if (err instanceof FetchError) throw err;
    if (err instanceof RedirectRefused) throw new FetchError(err.message);
    throw new FetchError(networkReason(err as NodeJS.ErrnoException, hop === first));
  } finally {
    cancelTimer();
  }
}

/** One GET, resolved when the status line and headers have arrived. */
function get({ url, insecure }: Hop, signal: AbortSignal): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:')
    return Promise.reject(new FetchError(`unsupported scheme ${JSON.stringify(url.protocol.slice(0, -1))} (use http:// or https://)`));
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // Certificates are checked unless this very hop is one the user asked not to check.
    const req = send(
      url,
      { method: 'GET', signal, headers: { 'User-Agent': 'heapcli', Accept: '*/*' }, rejectUnauthorized: !insecure },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

/** Reads the whole body, refusing one longer than `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FetchError(tooLarge(maxBytes));
  }
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > maxBytes) {
        response.destroy();
        throw new FetchError(tooLarge(maxBytes));
      }
      chunks.push(chunk);
    }
  } catch (err) {
    // A timeout also lands here; fetchBody tells it apart by its signal.
    if (err instanceof FetchError || (err as Error).name === 'AbortError') throw err;
    throw new FetchError(CUT_OFF);
  }
  // A server that dies mid-body ends the stream without an error on some Node versions.
  if (!response.complete) throw new FetchError(CUT_OFF);
  return Buffer.concat(chunks, length);
}

const CUT_OFF = 'the server closed the connection before the end of the body';

function tooLarge(maxBytes: number): string {
  return `the answer is larger than ${maxBytes} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`;
}

/**
 * pprof's wording, `server response: 404 Not Found`, plus the message net/http/pprof sends with its
 * own errors (marked by X-Go-Pprof: "Unknown profile", "profile duration exceeds server's
 * WriteTimeout"), which says more than the status.
 */
async function statusReason(response: IncomingMessage): Promise<string> {
  const status = `server response: ${response.statusCode} ${response.statusMessage ?? ''}`.trimEnd();
  const fromPprof = response.headers['x-go-pprof'] !== undefined && (response.headers['content-type'] ?? '').includes('text/plain');
  if (!fromPprof) {
    response.resume();
    return status;
  }
  const text = (
    await readBody(response, 4096).then(
      (b) => Buffer.from(b).toString('utf8'),
      () => '',
    )
  ).trim();
  // One line on the terminal, whatever the server wrote.
  const message = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
  return message ? `${status} - ${message}` : status;
}

/** A network error in a few words; `typed` is false when it came from a host a redirect led to. */
function networkReason(err: NodeJS.ErrnoException, typed: boolean): string {
  const code = err.code ?? '';
  if (NET_REASONS[code]) return NET_REASONS[code];
  // TLS failures carry OpenSSL-style codes (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED,
  // UNABLE_TO_VERIFY_LEAF_SIGNATURE, ...).
  if (/CERT|SELF_SIGNED|TLS|SSL|VERIFY|SIGNATURE/.test(code)) {
    const hint = typed
      ? 'https+insecure:// skips the certificate check'
      : 'after a redirect, the certificate is checked unless the host is the one typed with https+insecure://';
    return `TLS: ${err.message} (${hint})`;
  }
  return err.message.split('\n')[0];
}
