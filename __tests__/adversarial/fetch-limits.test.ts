/**
 * Fetch settings taken at their word (issue 20): waits past 2^31 ms, a password in the URL, a port
 * out of range.
 */
import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_TIMER_MS, setLongTimeout } from '../../src/inputs/long-timer.js';
import { redactUrl } from '../../src/inputs/url-text.js';
import { runHeapcli } from '../helpers/run-cli.js';
import { serve, startHostile, type Hostile } from './hostile-server.js';
import { spawnHeapcli } from './spawn.js';

const PROFILE = readFileSync('testdata/profiles/leakybuf.heap.pb.gz');
const scratch = mkdtempSync(join(tmpdir(), 'heapcli-fetch-limits-'));
let dirs = 0;
const freshDir = () => join(scratch, `saved-${++dirs}`);

describe('setLongTimeout', () => {
  afterEach(() => jest.useRealTimers());

  it('waits past 2^31 ms, without Node warning about an overflow', () => {
    jest.useFakeTimers();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const fire = jest.fn();
    setLongTimeout(fire, MAX_TIMER_MS * 2 + 5000);
    jest.advanceTimersByTime(MAX_TIMER_MS * 2);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(5000);
    expect(fire).toHaveBeenCalledTimes(1);
    process.removeListener('warning', onWarning);
    expect(warnings).toEqual([]);
  });

  it('can be cancelled, also after its first leg', () => {
    jest.useFakeTimers();
    const fire = jest.fn();
    const cancel = setLongTimeout(fire, MAX_TIMER_MS + 10);
    jest.advanceTimersByTime(MAX_TIMER_MS + 1);
    cancel();
    jest.advanceTimersByTime(1000);
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('redactUrl', () => {
  it.each([
    ['http://user:secret@h:1/x', 'http://user:***@h:1/x'],
    ['https+insecure://u:p%40ss@h/x?y=1', 'https+insecure://u:***@h/x?y=1'],
    ['http://user@h/x', 'http://user@h/x'],
    ['http://h:6060/debug/pprof/heap', 'http://h:6060/debug/pprof/heap'],
    ['http://h/x?next=a:b@c', 'http://h/x?next=a:b@c'],
    ['heap.pb.gz', 'heap.pb.gz'],
  ])('%s → %s', (url, shown) => expect(redactUrl(url)).toBe(shown));
});

describe('live fetches', () => {
  let server: Hostile;
  const authorizations: string[] = [];

  beforeAll(async () => {
    const heap = serve(PROFILE);
    server = await startHostile({
      '/debug/pprof/heap': (req, res) => {
        authorizations.push(req.headers.authorization ?? '');
        // A little late, so a timer that fired at once would have lost the answer.
        setTimeout(() => heap(req, res), 300);
      },
    });
  });
  afterAll(() => server.close());

  it.each([['-timeout=2147480'], ['-seconds=1500000']])(
    '%s: waits as asked, no TimeoutOverflowWarning (before: failed at once)',
    async (flag) => {
      const run = await spawnHeapcli(['-top', flag, `${server.base}/debug/pprof/heap`], { HEAPCLI_TMPDIR: freshDir() });
      expect(run.stderr).not.toMatch(/Warning|timed out/);
      expect(run.status).toBe(0);
    },
  );

  it.each([['-timeout=9999999999999'], ['-seconds=9999999999999']])('%s: refused as longer than any wait', async (flag) => {
    const run = await runHeapcli(['-top', flag, `${server.base}/debug/pprof/heap`]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `heapcli: invalid value "${flag.split('=')[1]}" for flag ${flag.split('=')[0]}: longer than the longest wait (about 292 years)`,
    );
  });

  it('-watch -every 600h -count 3 waits 600 h for the second snapshot (before: all three in 0.3 s)', async () => {
    const asked = authorizations.length;
    const child = spawn(process.execPath, ['bin/heapcli.js', '-watch', server.base, '-every', '600h', '-count', '3'], {
      env: { ...process.env, HEAPCLI_TMPDIR: freshDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Past the first snapshot, give a wrong timer time to fire, then stop the watch.
      if (stderr.includes('snapshot 1/3 saved')) setTimeout(() => child.kill('SIGINT'), 1000);
    });
    const status = await new Promise((done) => child.on('close', done));
    expect(authorizations.length - asked).toBe(1);
    expect(stderr).not.toMatch(/Warning/);
    expect(stderr.split('\n').at(-2)).toBe('heapcli: interrupted: 1 snapshot taken, growth needs 2 or more');
    expect(status).toBe(1);
  });

  it('a user:password@ URL sends the pair but never prints the password', async () => {
    const url = `http://alice:s3cret@127.0.0.1:${server.port}/debug/pprof/heap`;
    const run = await runHeapcli(['-top', url], '', { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(0);
    expect(authorizations.at(-1)).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    expect(run.stderr.split('\n')[0]).toBe(`Fetching profile over HTTP from http://alice:***@127.0.0.1:${server.port}/debug/pprof/heap`);
    const failed = await runHeapcli(['-top', url.replace('/debug/pprof/heap', '/nosuch')], '', { HEAPCLI_TMPDIR: freshDir() });
    expect(failed.stderr).toBe(
      `Fetching profile over HTTP from http://alice:***@127.0.0.1:${server.port}/nosuch\nhttp://alice:***@127.0.0.1:${server.port}/nosuch: server response: 404 Not Found\nfailed to fetch any source profiles\n`,
    );
    const watched = await runHeapcli(['-watch', url.replace('/debug/pprof/heap', '/nosuch'), '-every', '1ms'], '', {
      HEAPCLI_TMPDIR: freshDir(),
    });
    expect(`${watched.stdout}${watched.stderr}`).not.toContain('s3cret');
  });
});

describe('a port out of range is an invalid URL (before: "no such file or directory")', () => {
  it.each([
    ['127.0.0.1:99999', '127.0.0.1:99999: invalid URL: port 99999 is out of range (0 to 65535)'],
    [
      'http://127.0.0.1:99999/debug/pprof/heap',
      'http://127.0.0.1:99999/debug/pprof/heap: invalid URL: port 99999 is out of range (0 to 65535)',
    ],
    ['http://u:pw@[::1:99/x', 'http://u:***@[::1:99/x: invalid URL'],
  ])('%s', async (arg, line) => {
    const run = await runHeapcli(['-top', arg]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${line}\nfailed to fetch any source profiles\n`);
    const watched = await runHeapcli(['-watch', arg]);
    expect(watched.stderr).toBe(`heapcli: ${line}\n`);
  });
});
