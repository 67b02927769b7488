/**
 * A local server that behaves as an attacker's or a broken one would: redirects to other schemes
 * and hosts, bodies that never end or trickle, lengths that lie. HTTP or HTTPS (with a
 * certificate made by `makeCertificates`), on 127.0.0.1 and an ephemeral port.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** What a route does with a request. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A running server: its base URL (`http://127.0.0.1:PORT`) and how to stop it. */
export interface Hostile {
  readonly base: string;
  readonly port: number;
  /** Every path asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** A key and certificate for 127.0.0.1, and the CA that signed it (trusted through NODE_EXTRA_CA_CERTS). */
export interface Certificates {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly caFile: string;
}

/** Starts a server answering `routes` by path (404 otherwise); TLS when `tls` is given. */
export async function startHostile(routes: Record<string, Handler>, tls?: Certificates): Promise<Hostile> {
  const requests: string[] = [];
  const answer: Handler = (req, res) => {
    requests.push(req.url ?? '');
    const route = routes[(req.url ?? '').split('?')[0]];
    if (route) route(req, res);
    else res.writeHead(404).end();
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, answer) : createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Answers 302 to `location`. */
export const redirectTo =
  (location: () => string): Handler =>
  (_req, res) => {
    res.writeHead(302, { Location: location() }).end();
  };

/** Answers 200 with `body`. */
export const serve =
  (body: Uint8Array): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
  };

/** A 200 whose body never ends: 64 KiB every `everyMs` until the client leaves. */
export const endless =
  (everyMs = 1): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 0x0a);
    const timer = setInterval(() => res.write(chunk), everyMs);
    res.on('close', () => clearInterval(timer));
  };

/** A 200 that sends `body` one byte every `everyMs`. */
export const trickle =
  (body: Uint8Array, everyMs: number): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) });
    let at = 0;
    const timer = setInterval(() => {
      if (at < body.length) res.write(body.subarray(at, ++at));
      else res.end();
    }, everyMs);
    res.on('close', () => clearInterval(timer));
  };

/** A 200 that declares `declared` bytes, sends `body`, and closes the connection. */
export const lyingLength =
  (body: Uint8Array, declared: number): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(declared) });
    res.write(body, () => res.destroy());
  };

/** Whether openssl can be run (it makes the certificates); the tests that need it say so when it cannot. */
export const hasOpenssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;

/** A CA and a certificate it signed for 127.0.0.1, made with openssl in `dir`. */
export function makeCertificates(dir: string): Certificates {
  const run = (args: string[]) => {
    const made = spawnSync('openssl', args, { encoding: 'utf8', cwd: dir });
    if (made.status !== 0) throw new Error(`openssl ${args[0]} failed: ${made.stderr}`);
  };
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=heapcli test CA',
    '-days',
    '1',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
  ]);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'key.pem', '-out', 'req.csr']);
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  run([
    'x509',
    '-req',
    '-in',
    'req.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    'ext.cnf',
    '-out',
    'cert.pem',
  ]);
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')), caFile: join(dir, 'ca.pem') };
}
