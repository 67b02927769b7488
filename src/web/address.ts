import { hostname } from 'node:os';
import { isIP } from 'node:net';

/** Where -http listens: a host (localhost when none was given) and a port (0: any free one). */
export interface HttpAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Reads -http's `[host]:port` as pprof does (Go's net.SplitHostPort, `[::1]:8080` for IPv6), with
 * pprof's message when it cannot: `could not split http address: address X: missing port in address`.
 */
export function parseHttpAddress(value: string): HttpAddress | { error: string } {
  const split = splitHostPort(value);
  if ('error' in split) return { error: `could not split http address: address ${value}: ${split.error}` };
  const { host, port } = split;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return { error: `listen tcp: address ${value}: invalid port` };
  return { host: host === '' ? 'localhost' : host, port: Number(port) };
}

function splitHostPort(value: string): { host: string; port: string } | { error: string } {
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return { error: "missing ']' in address" };
    if (value[end + 1] !== ':') return { error: 'missing port in address' };
    return { host: value.slice(1, end), port: value.slice(end + 2) };
  }
  const colon = value.lastIndexOf(':');
  if (colon < 0) return { error: 'missing port in address' };
  if (value.indexOf(':') !== colon) return { error: 'too many colons in address' };
  return { host: value.slice(0, colon), port: value.slice(colon + 1) };
}

/** True for names and addresses of this machine's loopback interface only. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** True for the wildcard addresses, which listen on every interface. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** How a host is written in a URL or a Host header (IPv6 in brackets). */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/**
 * Whether a request's Host header names this server, against DNS rebinding (a page of another
 * site whose name was pointed at 127.0.0.1 would send its own name). Loopback names are accepted
 * with the port listened on; a host given with -http is accepted as written; on a wildcard
 * address, IP literals and this machine's name too. Anything else is refused.
 */
export function hostAllowed(header: string | undefined, bound: HttpAddress): boolean {
  if (header === undefined) return false;
  const split = splitHostPort(header.toLowerCase());
  const { host, port } = 'error' in split ? { host: header.toLowerCase(), port: '80' } : split;
  if (Number(port) !== bound.port) return false;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isLoopback(bare) || bare === bound.host.toLowerCase()) return true;
  return isWildcard(bound.host) && (isIP(bare) !== 0 || bare === hostname().toLowerCase());
}
