/**
 * heapcli -watch against a Node HTTP server on 127.0.0.1 (an ephemeral port) that answers each
 * request with the next snapshot of testdata/profiles/growing/, as a leaking server would. The
 * report must equal `heapcli -growth` on the saved copies. The Ctrl-C tests spawn the real
 * executable and send it SIGINT.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/flags.js';
import { usageText } from '../../src/cli/usage.js';
import { parseGoDuration } from '../../src/cli/watch-flags.js';
import { runHeapcli } from '../helpers/run-cli.js';

const SERIES = Array.from({ length: 8 }, (_, i) => `testdata/profiles/growing/growing-0${i + 1}.pb.gz`);
const served = SERIES.map((path) => readFileSync(path));
const SAVED = (n: number) => `pprof.growing.alloc_objects.alloc_space.inuse_objects.inuse_space.00${n}.pb.gz`;

let server: Server;
let base = '';
/** Requests seen per watched path, so each test has its own series. */
const seen = new Map<string, number>();
/** Every request's path and query, as the server received them. */
const received: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'heapcli-watch-'));
let dirs = 0;
const freshDir = () => join(scratch, `saved-${++dirs}`);
let paths = 0;
/** A URL of its own: its n-th request gets growing-0n; `?fail=k` makes the k-th a 500, `?slow=k` delays the k-th by 800 ms. */
const seriesUrl = (query = '') => `${base}/w${++paths}/heap${query}`;

function answer(req: IncomingMessage, res: ServerResponse): void {
  received.push(req.url ?? '');
  const url = new URL(req.url ?? '/', 'http://x');
  const n = (seen.get(url.pathname) ?? 0) + 1;
  seen.set(url.pathname, n);
  if (Number(url.searchParams.get('fail')) === n) {
    res.writeHead(500).end();
    return;
  }
  const send = () => res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(served[(n - 1) % served.length]);
  if (Number(url.searchParams.get('slow')) === n) setTimeout(send, 800);
  else send();
}

const requestsTo = (url: string) => seen.get(new URL(url).pathname) ?? 0;

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(scratch, { recursive: true, force: true });
});

/** heapcli in-process (the server shares this event loop). */
const heapcli = (args: string[], env: NodeJS.ProcessEnv = {}) => runHeapcli(args, '', { TZ: 'UTC', ...env });

describe('-watch URL -every D -count N', () => {
  it('fetches N times, saves each copy, and reports growth exactly as -growth on the copies', async () => {
    const dir = freshDir();
    const given = seriesUrl();
    const url = `${given}?gc=1`;
    const started = Date.now();
    const run = await heapcli(['-watch', given, '-every', '50ms', '-count', '4'], { HEAPCLI_TMPDIR: dir });
    const elapsed = Date.now() - started;
    expect(run.status).toBe(0);
    const copies = [1, 2, 3, 4].map((n) => join(dir, SAVED(n)));
    const perSnapshot = copies.flatMap((copy, i) => [
      `Fetching profile over HTTP from ${url}`,
      `Saved profile in ${copy}`,
      `snapshot ${i + 1}/4 saved in ${copy}`,
    ]);
    expect(run.stderr.split('\n')).toEqual([
      `Watching ${url}: 4 snapshots, 50ms apart (Ctrl-C stops early and reports)`,
      ...perSnapshot,
      '',
    ]);
    expect(readdirSync(dir).sort()).toEqual(copies.map((c) => c.slice(dir.length + 1)));
    copies.forEach((copy, i) => expect(readFileSync(copy)).toEqual(served[i]));
    expect(requestsTo(url)).toBe(4);
    // Three pauses of 50 ms between four fetches.
    expect(elapsed).toBeGreaterThanOrEqual(150);
    const fromCopies = await heapcli(['-growth', ...copies]);
    expect(fromCopies.status).toBe(0);
    expect(run.stdout).toBe(fromCopies.stdout);
    expect(run.stdout).toBe((await heapcli(['-growth', ...SERIES.slice(0, 4)])).stdout);
    expect(run.stdout).toMatch(/^File: growing\nType: inuse_space\nSnapshots: 4 over /);
    expect(run.stdout).toMatch(/ leak\? +main\.leakStep\n/);
  });

  it('applies the option flags to the report as -growth does', async () => {
    const dir = freshDir();
    const options = ['-nodecount=3', '-cum', '-sample_index=inuse_objects'];
    const run = await heapcli(['-watch', seriesUrl(), '-every=10ms', '-count=3', ...options], { HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(0);
    const copies = [1, 2, 3].map((n) => join(dir, SAVED(n)));
    expect(run.stdout).toBe((await heapcli(['-growth', ...options, ...copies])).stdout);
    expect(run.stdout).toContain('Type: inuse_objects\n');
  });

  it('checks the options on the first snapshot rather than after the whole series', async () => {
    const url = seriesUrl();
    const run = await heapcli(['-watch', url, '-every=10ms', '-count=5', '-sample_index=nosuch'], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(requestsTo(url)).toBe(1);
    expect(run.stderr.split('\n').at(-2)).toMatch(/^heapcli: .*nosuch/);
  });
});

describe('a fetch that fails ends the series', () => {
  it('after two snapshots: one error line, growth over those two, exit 1', async () => {
    const dir = freshDir();
    const url = seriesUrl('?fail=3');
    const run = await heapcli(['-watch', url, '-every=10ms', '-count=5'], { HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(1);
    expect(requestsTo(url)).toBe(3);
    expect(run.stderr.split('\n').at(-2)).toBe(
      `heapcli: snapshot 3/5: ${url}: server response: 500 Internal Server Error; growth over the 2 taken follows`,
    );
    const copies = [1, 2].map((n) => join(dir, SAVED(n)));
    expect(run.stdout).toBe((await heapcli(['-growth', ...copies])).stdout);
  });

  it('after one snapshot: the error line says growth needs two, no report', async () => {
    const url = seriesUrl('?fail=2');
    const run = await heapcli(['-watch', url, '-every=10ms', '-count=5'], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').at(-2)).toBe(
      `heapcli: snapshot 2/5: ${url}: server response: 500 Internal Server Error; 1 snapshot taken, growth needs 2 or more`,
    );
  });

  it('at the first fetch', async () => {
    const url = seriesUrl('?fail=1');
    const run = await heapcli(['-watch', url, '-count=2'], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(1)).toEqual([
      `Fetching profile over HTTP from ${url}`,
      `heapcli: snapshot 1/2: ${url}: server response: 500 Internal Server Error; 0 snapshots taken, growth needs 2 or more`,
      '',
    ]);
  });
});

describe('usage mistakes: one line and the hint, exit 2, nothing fetched', () => {
  const hint = "\nRun 'heapcli -h' for usage.\n";
  it.each([
    [['-watch', 'h:1', '-every', '30'], 'invalid value "30" for flag -every: missing unit (a Go duration: 500ms, 30s, 1m30s)'],
    [['-watch', 'h:1', '-every', 'soon'], 'invalid value "soon" for flag -every: not a duration (a Go duration: 500ms, 30s, 1m30s)'],
    [
      ['-watch', 'h:1', '-every', '0s'],
      'invalid value "0s" for flag -every: the time between snapshots must be more than 0 (a Go duration: 500ms, 30s, 1m30s)',
    ],
    [['-watch', 'h:1', '-count', '1'], 'invalid value "1" for flag -count: growth needs 2 snapshots or more'],
    [['-watch', 'h:1', '-count', 'ten'], 'invalid value "ten" for flag -count: parse error'],
    [['-every', '1s', 'x.pb.gz'], '-every goes with -watch URL'],
    [['-count', '3', 'x.pb.gz'], '-count goes with -watch URL'],
    [['-watch', 'h:1', 'x.pb.gz'], '-watch collects its own snapshots from its URL; got a profile as well: x.pb.gz'],
    [['-watch', 'h:1', '-base', 'x.pb.gz'], '-watch ranks snapshots by growth; it takes no -base or -diff_base'],
    [['-watch', 'h:1', '-top'], '-watch prints the growth report; it takes no -top'],
    [['-watch', 'h:1', '-seconds', '5'], '-watch takes whole heap snapshots; it takes no -seconds'],
    [
      ['-watch', 'testdata/profiles/leakybuf.heap.pb.gz'],
      '-watch needs a URL (http://host:port/debug/pprof/heap, or host:port), got "testdata/profiles/leakybuf.heap.pb.gz"',
    ],
  ])('%j', async (args, message) => {
    const run = await heapcli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`heapcli: ${message}${hint}`);
  });

  it('-growth with -watch is allowed (it is the report -watch prints)', () => {
    expect(parseArgs(['-growth', '-watch', 'h:1']).watch).toEqual({ url: 'h:1', everyMs: 30000, everyText: '30s', count: 10 });
  });
});

describe('the flags', () => {
  it('come from the CLI-only flag table, with defaults, and are listed in -h', () => {
    expect(parseArgs(['-watch=h:1', '--every', '1m30s', '-count=4']).watch).toEqual({
      url: 'h:1',
      everyMs: 90000,
      everyText: '1m30s',
      count: 4,
    });
    expect(parseArgs(['-watch', 'h:1']).watch).toMatchObject({ everyMs: 30000, count: 10 });
    expect(parseArgs(['x.pb.gz']).watch).toBeNull();
    const help = usageText();
    expect(help).toContain('\n  -watch=<url>            fetch the URL -count times, -every apart, save each, report growth\n');
    expect(help).toContain('\n  -every=<duration>       time between -watch snapshots: 500ms, 30s, 1m (default 30s)\n');
    expect(help).toContain('\n  -count=<int>            how many snapshots -watch takes, 2 or more (default 10)\n');
  });

  it.each([
    ['500ms', 500],
    ['30s', 30000],
    ['1m30s', 90000],
    ['1.5s', 1500],
    ['.5s', 500],
    ['1.s', 1000],
    ['2h', 7200000],
    ['1500us', 1.5],
    ['0', 0],
    ['-1s', -1000],
  ])('reads the Go duration %s', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each([
    ['', 'not a duration'],
    ['30', 'missing unit'],
    ['1s5', 'missing unit'],
    ['.s', 'not a duration'],
    ['3d', 'unknown unit "d"'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseGoDuration(text)).toEqual({ problem });
  });
});

describe('Ctrl-C (SIGINT) to the real executable', () => {
  it('during the wait after the 2nd snapshot: reports growth over the two at once, exit 0', async () => {
    const dir = freshDir();
    const child = await interruptAfter(['-watch', seriesUrl(), '-every=3s', '-count=10'], dir, 'snapshot 2/10 saved in ');
    expect(child.status).toBe(0);
    // The 3 s pause before the third snapshot was cut short.
    expect(child.msAfterSignal).toBeLessThan(2000);
    expect(child.stderr.split('\n').slice(-3)).toEqual([
      `snapshot 2/10 saved in ${join(dir, SAVED(2))}`,
      'Interrupted after 2 of 10 snapshots: growth over those',
      '',
    ]);
    expect(readdirSync(dir).sort()).toEqual([SAVED(1), SAVED(2)]);
    expect(child.stdout).toBe((await heapcli(['-growth', join(dir, SAVED(1)), join(dir, SAVED(2))])).stdout);
  });

  it('during a fetch: the fetch finishes and counts, then the report', async () => {
    const dir = freshDir();
    const url = seriesUrl('?slow=2');
    // The second "Fetching" line: the server holds that answer for 800 ms.
    const child = await interruptAfter(['-watch', url, '-every=100ms', '-count=10'], dir, 'Fetching profile over HTTP', 2);
    expect(child.status).toBe(0);
    expect(child.stderr).toContain(
      `\nStopping after this fetch (Ctrl-C again quits at once)\nSaved profile in ${join(dir, SAVED(2))}\nsnapshot 2/10 saved in ${join(dir, SAVED(2))}\n`,
    );
    expect(child.stderr.split('\n').at(-2)).toBe('Interrupted after 2 of 10 snapshots: growth over those');
    expect(requestsTo(url)).toBe(2);
  });

  it('after one snapshot: a clear error, exit 1', async () => {
    const child = await interruptAfter(['-watch', seriesUrl(), '-every=10s', '-count=10'], freshDir(), 'snapshot 1/10 saved in ');
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.split('\n').at(-2)).toBe('heapcli: interrupted: 1 snapshot taken, growth needs 2 or more');
  });
});

/**
 * Spawns bin/heapcli.js (without blocking this event loop, which serves the profiles) and sends it
 * SIGINT once `marker` has appeared `times` times on its stderr.
 */
function interruptAfter(
  args: string[],
  saveDir: string,
  marker: string,
  times = 1,
): Promise<{ status: number | null; stdout: string; stderr: string; msAfterSignal: number }> {
  const child = spawn(process.execPath, ['bin/heapcli.js', ...args], {
    env: { ...process.env, TZ: 'UTC', HEAPCLI_TMPDIR: saveDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let signalled = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (signalled === 0 && stderr.split(marker).length - 1 >= times) {
      signalled = Date.now();
      child.kill('SIGINT');
    }
  });
  // Never left running if the marker does not come (the test then fails on its output).
  const guard = setTimeout(() => child.kill('SIGKILL'), 20000);
  return new Promise((done) =>
    child.on('close', (status) => {
      clearTimeout(guard);
      done({ status, stdout, stderr, msAfterSignal: Date.now() - signalled });
    }),
  );
}
