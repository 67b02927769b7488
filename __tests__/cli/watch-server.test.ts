/**
 * What -watch asks the server for, and what it does when the server changes mid-watch. A Node HTTP
 * server on 127.0.0.1 stands in for net/http/pprof: it records every URL it receives and answers
 * with the next snapshot of testdata/profiles/growing/, or, on paths that say so, with another
 * program's profile from the k-th request on.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchedUrl } from '../../src/cli/watch.js';
import { runHeapcli } from '../helpers/run-cli.js';

const GROWING = Array.from({ length: 8 }, (_, i) => readFileSync(`testdata/profiles/growing/growing-0${i + 1}.pb.gz`));
/** `/<kind><k>/...`: from the k-th request on, serve this instead (another program; another kind of profile). */
const SWAPS: Record<string, Buffer> = {
  other: readFileSync('testdata/profiles/leakybuf.heap.pb.gz'),
  alien: readFileSync('testdata/profiles/nodeleak.heap.pb.gz'),
};

let server: Server;
let port = 0;
/** Every request's path and query, as the server received them. */
const received: string[] = [];
const seen = new Map<string, number>();
const scratch = mkdtempSync(join(tmpdir(), 'heapcli-watch-server-'));
let dirs = 0;

function answer(req: IncomingMessage, res: ServerResponse): void {
  received.push(req.url ?? '');
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const n = (seen.get(path) ?? 0) + 1;
  seen.set(path, n);
  const swap = /^\/(other|alien)(\d+)\//.exec(path);
  const body = swap !== null && n >= Number(swap[2]) ? SWAPS[swap[1]] : GROWING[(n - 1) % GROWING.length];
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(scratch, { recursive: true, force: true });
});

/** `heapcli -watch <url> -every=10ms -count=<count> <flags>`, in-process, saving copies in a fresh folder. */
async function watch(url: string, count = 2, flags: string[] = []) {
  const dir = join(scratch, `saved-${++dirs}`);
  const from = received.length;
  const run = await runHeapcli(['-watch', url, '-every=10ms', `-count=${count}`, ...flags], '', { TZ: 'UTC', HEAPCLI_TMPDIR: dir });
  return { ...run, dir, requests: received.slice(from) };
}

describe("-watch asks for a GC'd heap (?gc=1) unless the URL has a query", () => {
  it('adds ?gc=1 to host:port, and shows the URL it fetches', async () => {
    const run = await watch(`127.0.0.1:${port}`);
    const url = `http://127.0.0.1:${port}/debug/pprof/heap?gc=1`;
    expect(run.status).toBe(0);
    expect(run.requests).toEqual(['/debug/pprof/heap?gc=1', '/debug/pprof/heap?gc=1']);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      `Watching ${url}: 2 snapshots, 10ms apart (Ctrl-C stops early and reports)`,
      `Fetching profile over HTTP from ${url}`,
    ]);
  });

  it('adds ?gc=1 to a full URL without a query', async () => {
    const run = await watch(`http://127.0.0.1:${port}/debug/pprof/heap`);
    expect(run.requests).toEqual(['/debug/pprof/heap?gc=1', '/debug/pprof/heap?gc=1']);
  });

  it.each(['?gc=0', '?debug=1', '?seconds=5', '?gc=1'])('leaves a URL with its own query (%s) as given', async (query) => {
    const run = await watch(`http://127.0.0.1:${port}/q/heap${query}`);
    expect(run.requests).toEqual([`/q/heap${query}`, `/q/heap${query}`]);
    expect(run.stderr).toContain(`Fetching profile over HTTP from http://127.0.0.1:${port}/q/heap${query}\n`);
  });

  it('is decided on the resolved URL', () => {
    expect(watchedUrl('http://h:1/debug/pprof/heap')).toBe('http://h:1/debug/pprof/heap?gc=1');
    expect(watchedUrl('http://h:1/debug/pprof/heap?debug=1')).toBe('http://h:1/debug/pprof/heap?debug=1');
    expect(watchedUrl('https://h/x/heap')).toBe('https://h/x/heap?gc=1');
  });
});

describe('a server that changes mid-watch', () => {
  it('to another kind of profile: the series ends there, one line names the snapshot and why, growth over the rest, exit 1', async () => {
    const run = await watch(`http://127.0.0.1:${port}/alien3/heap`, 5);
    expect(run.status).toBe(1);
    expect(run.requests).toHaveLength(3);
    expect(run.stderr.split('\n').at(-2)).toBe(
      'heapcli: snapshot 3/5: cannot be ranked with snapshot 1: sample types [inuse_objects/count inuse_space/bytes] instead of [alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes]; growth over the 2 taken follows',
    );
    expect(run.stdout).toMatch(/^File: growing\nType: inuse_space\nSnapshots: 2 over /);
  });

  it('to another program: one warning line with the report, as -growth on the copies gives, exit 0', async () => {
    const run = await watch(`http://127.0.0.1:${port}/other3/heap`, 4);
    expect(run.status).toBe(0);
    expect(run.requests).toHaveLength(4);
    // Saved copies are numbered per program name, as pprof numbers them.
    const copy = (n: number, program: string) =>
      join(run.dir, `pprof.${program}.alloc_objects.alloc_space.inuse_objects.inuse_space.00${n}.pb.gz`);
    const warning = `heapcli: warning: ${copy(1, 'leakybuf')} is from program leakybuf, ${copy(1, 'growing')} from growing (1 more snapshot differs too); ranked as one series all the same`;
    expect(run.stderr.split('\n').at(-2)).toBe(warning);
    const fromCopies = await runHeapcli(['-growth', copy(1, 'growing'), copy(2, 'growing'), copy(1, 'leakybuf'), copy(2, 'leakybuf')], '', {
      TZ: 'UTC',
    });
    expect([fromCopies.status, fromCopies.stderr, fromCopies.stdout]).toEqual([0, `${warning}\n`, run.stdout]);
  });
});
