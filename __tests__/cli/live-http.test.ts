/**
 * Live sources against a small Node HTTP server on 127.0.0.1 (an ephemeral port), so these run
 * everywhere, Go or not. The server answers with a committed profile, an HTTP error, a pprof-style
 * error, an HTML page, an empty body, a redirect, a cut-off body, or nothing at all (for the
 * timeout). live-go.test.ts does the same against a real net/http/pprof server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runHeapcli } from '../helpers/run-cli.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
const served = readFileSync(PROFILE);
const SAVED_NAME = 'pprof.leakybuf.alloc_objects.alloc_space.inuse_objects.inuse_space.001.pb.gz';

let server: Server;
let base = '';
let refusedPort = 0;
const requests: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'heapcli-live-http-'));
let dirs = 0;
/** A fresh HEAPCLI_TMPDIR per test, so saved names start at 001. */
const freshDir = () => join(scratch, `saved-${++dirs}`);

function answer(req: IncomingMessage, res: ServerResponse): void {
  requests.push(req.url ?? '');
  const path = (req.url ?? '').split('?')[0];
  switch (path) {
    case '/debug/pprof/heap':
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(served);
      return;
    case '/raw':
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(gunzipSync(served));
      return;
    case '/moved':
      res.writeHead(302, { Location: '/debug/pprof/heap' }).end();
      return;
    case '/broken':
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('something broke\n');
      return;
    case '/debug/pprof/nosuch':
      // What net/http/pprof's serveError sends.
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Go-Pprof': '1' }).end('Unknown profile\n');
      return;
    case '/page':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>not a profile</title>\n');
      return;
    case '/empty':
      res.writeHead(200).end();
      return;
    case '/cut':
      res.writeHead(200, { 'Content-Length': String(served.length) });
      res.write(served.subarray(0, 100), () => res.destroy());
      return;
    case '/slow':
      return; // never answers; the socket is closed when the server is
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  refusedPort = (probe.address() as AddressInfo).port;
  await new Promise((done) => probe.close(done));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(scratch, { recursive: true, force: true });
});

/** heapcli in-process (the server shares this event loop, so no spawnSync). */
const heapcli = (args: string[], env: NodeJS.ProcessEnv = {}) => runHeapcli(args, '', { TZ: 'UTC', ...env });

describe('fetching a profile over HTTP', () => {
  it('-top on the URL equals -top on the saved copy and on the file served, byte for byte', async () => {
    const dir = freshDir();
    const url = `${base}/debug/pprof/heap`;
    const live = await heapcli(['-top', url], { HEAPCLI_TMPDIR: dir });
    const saved = join(dir, SAVED_NAME);
    expect(live.status).toBe(0);
    expect(live.stderr).toBe(`Fetching profile over HTTP from ${url}\nSaved profile in ${saved}\n`);
    expect(readFileSync(saved)).toEqual(served);
    const fromCopy = await heapcli(['-top', saved]);
    const fromFile = await heapcli(['-top', PROFILE]);
    expect(live.stdout).toBe(fromCopy.stdout);
    expect(live.stdout).toBe(fromFile.stdout);
    expect(live.stdout).toMatch(/^File: leakybuf\nType: inuse_space\n/);
  });

  it('numbers each copy with the next free NNN', async () => {
    const dir = freshDir();
    for (const n of ['001', '002', '003']) {
      const run = await heapcli(['-raw', `${base}/debug/pprof/heap`], { HEAPCLI_TMPDIR: dir });
      expect(run.stderr).toContain(`Saved profile in ${join(dir, SAVED_NAME.replace('001', n))}\n`);
    }
    expect(readdirSync(dir).sort()).toEqual(['001', '002', '003'].map((n) => SAVED_NAME.replace('001', n)));
  });

  it('creates HEAPCLI_TMPDIR when missing, and defaults to ~/pprof without it', async () => {
    const nested = join(freshDir(), 'a', 'b');
    expect((await heapcli(['-raw', `${base}/debug/pprof/heap`], { HEAPCLI_TMPDIR: nested })).status).toBe(0);
    expect(existsSync(join(nested, SAVED_NAME))).toBe(true);
    const home = freshDir();
    const run = await heapcli(['-raw', `${base}/debug/pprof/heap`], { HOME: home });
    expect(run.stderr).toContain(`Saved profile in ${join(home, 'pprof', SAVED_NAME)}\n`);
  });

  it('reads host:port shorthand as http://host:port/debug/pprof/heap', async () => {
    const run = await heapcli(['-top', base.replace('http://', '')], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(`Fetching profile over HTTP from ${base}/debug/pprof/heap`);
    expect(requests[requests.length - 1]).toBe('/debug/pprof/heap');
  });

  it('-seconds=1 asks the server for seconds=1 and says to wait', async () => {
    const run = await heapcli(['-top', '-seconds=1', `${base}/debug/pprof/heap?gc=1`], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(0);
    expect(requests[requests.length - 1]).toBe('/debug/pprof/heap?gc=1&seconds=1');
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      `Fetching profile over HTTP from ${base}/debug/pprof/heap?gc=1&seconds=1`,
      'Please wait... (1s)',
    ]);
  });

  it('follows a redirect', async () => {
    const run = await heapcli(['-top', `${base}/moved`], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe((await heapcli(['-top', PROFILE])).stdout);
  });

  it('saves an uncompressed profile gzipped, still under a .pb.gz name', async () => {
    const dir = freshDir();
    const run = await heapcli(['-top', `${base}/raw`], { HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(0);
    const copy = readFileSync(join(dir, SAVED_NAME));
    expect([copy[0], copy[1]]).toEqual([0x1f, 0x8b]);
    expect((await heapcli(['-top', join(dir, SAVED_NAME)])).stdout).toBe(run.stdout);
  });

  it('works the same through the real executable', async () => {
    const dir = freshDir();
    const run = await spawnHeapcli(['-top', '-nodecount=3', `${base}/debug/pprof/heap`], { HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`Fetching profile over HTTP from ${base}/debug/pprof/heap\nSaved profile in ${join(dir, SAVED_NAME)}\n`);
    expect(run.stdout).toBe((await heapcli(['-top', '-nodecount=3', PROFILE])).stdout);
  });
});

describe("a fetch that fails: a line naming the URL, then pprof's `failed to fetch any source profiles`, exit 1, nothing saved", () => {
  const cases: [string, () => string, string | RegExp][] = [
    ['connection refused', () => `http://127.0.0.1:${refusedPort}/debug/pprof/heap`, 'connection refused'],
    ['an HTTP error status', () => `${base}/broken`, 'server response: 500 Internal Server Error'],
    ['net/http/pprof reporting an error', () => `${base}/debug/pprof/nosuch`, 'server response: 404 Not Found - Unknown profile'],
    ['an HTML page', () => `${base}/page`, /^not a pprof profile: neither gzip nor profile\.proto \(.*\); the server sent text\/html$/],
    ['an empty body', () => `${base}/empty`, 'the server sent an empty body, not a profile'],
    ['a body cut off', () => `${base}/cut`, 'the server closed the connection before the end of the body'],
  ];
  it.each(cases)('%s', async (_what, url, reason) => {
    const dir = freshDir();
    const run = await heapcli(['-top', url()], { HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`Fetching profile over HTTP from ${url()}`);
    expect(lines[2]).toBe('failed to fetch any source profiles');
    const prefix = `${url()}: `;
    expect(lines[1].startsWith(prefix)).toBe(true);
    if (typeof reason === 'string') expect(lines[1].slice(prefix.length)).toBe(reason);
    else expect(lines[1].slice(prefix.length)).toMatch(reason);
    expect(existsSync(dir)).toBe(false);
  });

  it('a server that does not answer: timed out after -timeout + 5 s (pprof grace)', async () => {
    const started = Date.now();
    const run = await heapcli(['-top', '-timeout=1', `${base}/slow`], { HEAPCLI_TMPDIR: freshDir() });
    const elapsed = Date.now() - started;
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `Fetching profile over HTTP from ${base}/slow\n${base}/slow: timed out after 6s (-timeout 1s + 5s grace, as in pprof)\nfailed to fetch any source profiles\n`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(5900);
    expect(elapsed).toBeLessThan(9000);
  });

  it('the console does not open either (piped stdin)', async () => {
    const run = await runHeapcli([`${base}/broken`], 'top\nquit\n', { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Fetching profile over HTTP from ${base}/broken\n${base}/broken: server response: 500 Internal Server Error\nfailed to fetch any source profiles\n`,
    );
  });
});

// A self-signed certificate needs openssl to be made; without it these two are skipped.
const hasOpenssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasOpenssl)
  console.warn('__tests__/cli/live-http.test.ts: HTTPS tests skipped, openssl is not installed (it makes their certificate)');

(hasOpenssl ? describe : describe.skip)('https', () => {
  let secure: ReturnType<typeof createHttpsServer>;
  let host = '';

  beforeAll(async () => {
    const key = join(scratch, 'key.pem');
    const cert = join(scratch, 'cert.pem');
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', key, '-out', cert],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
    secure = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, answer);
    await new Promise<void>((done) => secure.listen(0, '127.0.0.1', done));
    host = `127.0.0.1:${(secure.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    secure.closeAllConnections();
    await new Promise((done) => secure.close(done));
  });

  it('refuses a certificate it cannot verify, saying how to skip the check', async () => {
    const url = `https://${host}/debug/pprof/heap`;
    const run = await heapcli(['-top', url], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `Fetching profile over HTTP from ${url}\n${url}: TLS: self-signed certificate (https+insecure:// skips the certificate check)\nfailed to fetch any source profiles\n`,
    );
  });

  it('https+insecure:// fetches without checking it, as in pprof', async () => {
    const run = await heapcli(['-top', `https+insecure://${host}/debug/pprof/heap`], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe((await heapcli(['-top', PROFILE])).stdout);
  });
});

describe('the terminal console loads a URL in its worker thread', () => {
  // The worker runs compiled code, so this goes through dist/ (npm run build).
  const load = async () => (await import('../../dist/ui/worker-runner.js')) as typeof import('../../src/ui/worker-runner.js');
  const settings = (saveDir: string) => ({ seconds: 0, timeout: 0, maxBytes: undefined, saveDir, home: undefined });
  const plan = (source: string, saveDir: string) => ({
    sources: [source],
    bases: [],
    diffBase: false,
    normalize: false,
    settings: settings(saveDir),
  });

  it('greets with the fetch notices above pprof greeting, then runs commands', async () => {
    const { startWorkerSession } = await load();
    const dir = freshDir();
    const url = `${base}/debug/pprof/heap`;
    const { runner, info } = await startWorkerSession(plan(url, dir), []);
    try {
      expect(info.greeting).toMatch(
        new RegExp(`^Fetching profile over HTTP from ${url}\nSaved profile in ${join(dir, SAVED_NAME)}\nFile: leakybuf\n`),
      );
      const top = await runner.execute('top3');
      expect(top.failed).toBeFalsy();
      expect(top.out).toContain('main.growBuf');
    } finally {
      runner.close();
    }
  });

  it("fails to start with the message a one-shot run prints (pprof's)", async () => {
    const { startWorkerSession } = await load();
    await expect(startWorkerSession(plan(`${base}/broken`, freshDir()), [])).rejects.toThrow(
      `${base}/broken: server response: 500 Internal Server Error\nfailed to fetch any source profiles`,
    );
  });
});

/** The real bin/heapcli.js, run without blocking this process's event loop (the server is here). */
function spawnHeapcli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/heapcli.js', ...args], {
    env: { ...process.env, TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}
