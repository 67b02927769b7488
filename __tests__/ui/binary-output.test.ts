/**
 * Binary reports (`proto` here; callgrind and the graphs take the same path): never printed in a
 * console, but saved as pprof saves them, to the first free `./profileNNN.<ext>` with
 * `Generating report in profileNNN.<ext>`; `>file` and `-output` name the file; a one-shot run
 * whose stdout is not a terminal writes the bytes there. Through the session, printResult (the
 * piped console and one-shot), the shipped launcher on a pipe, and the terminal console's worker.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { runCli } from '../../src/cli/main.js';
import { parseProfile } from '../../src/profile/decode.js';
import { Session } from '../../src/session.js';
import { saveNumbered } from '../../src/host/binary-output.js';
import { printResult } from '../../src/ui/print-result.js';
import { settleFileResult } from '../../src/ui/runner.js';
import { writeReportFile } from '../../src/host/report-files.js';

const PROFILE = resolve('testdata/profiles/leakybuf.heap.pb.gz');
const profile = () => parseProfile(readFileSync(PROFILE));

/** What heapcli's one-shot `-raw` prints for a profile file. */
async function rawReport(path: string): Promise<string> {
  const stdout = byteSink();
  expect(await runCli(['-raw', path], { stdin: Readable.from(['']), stdout: stdout.stream, stderr: byteSink().stream, env: {} })).toBe(0);
  return stdout.bytes().toString();
}

/** `raw` of the profile `bytes` hold, written to a file first. */
async function rawOf(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `read-back-${Math.random().toString(36).slice(2)}.pb.gz`);
  writeFileSync(path, bytes);
  return rawReport(path);
}

let expectedRaw: string;
beforeAll(async () => {
  expectedRaw = await rawReport(PROFILE);
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'heapcli-binary-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saveNumbered', () => {
  it('takes profile001, then profile002, and never replaces a file already there', async () => {
    writeFileSync(join(dir, 'profile002.pb.gz'), 'mine');
    const first = await saveNumbered({ ext: 'pb.gz', bytes: new Uint8Array([1, 2]) }, dir);
    const second = await saveNumbered({ ext: 'pb.gz', bytes: Promise.resolve(new Uint8Array([3])) }, dir);
    expect(first).toEqual({ err: `Generating report in ${join(dir, 'profile001.pb.gz')}\n`, failed: false });
    expect(second).toEqual({ err: `Generating report in ${join(dir, 'profile003.pb.gz')}\n`, failed: false });
    expect([...readFileSync(join(dir, 'profile001.pb.gz'))]).toEqual([1, 2]);
    expect(readFileSync(join(dir, 'profile002.pb.gz'), 'utf8')).toBe('mine');
    expect([...readFileSync(join(dir, 'profile003.pb.gz'))]).toEqual([3]);
  });

  it('writes nothing when the bytes could not be made, and says why', async () => {
    const saved = await saveNumbered({ ext: 'svg', bytes: Promise.reject(new Error('failed to execute dot')) }, dir);
    expect(saved).toEqual({ err: 'failed to execute dot\n', failed: true });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the folder when it cannot write there', async () => {
    const saved = await saveNumbered({ ext: 'pb.gz', bytes: new Uint8Array([1]) }, join(dir, 'missing'));
    expect(saved).toEqual({ err: `heapcli: ${join(dir, 'missing')}: no such file or directory\n`, failed: true });
  });
});

describe('the session', () => {
  it('answers proto with bytes and no file, for the caller to place', () => {
    const result = new Session(profile(), { interactive: true }).execute('proto');
    expect(result.out).toBe('');
    expect(result.err).toBe('');
    expect(result.binary?.ext).toBe('pb.gz');
    expect(result.file).toBeUndefined();
  });

  it.each(['proto', 'topproto', 'callgrind', 'top', 'traces'])(
    'refuses %s with divide_by=0 as pprof does (zero divisor specified)',
    (command) => {
      const session = new Session(profile(), { interactive: true });
      session.execute('divide_by=0');
      expect(session.execute(command)).toEqual({ out: '', err: 'zero divisor specified\n', quit: false, failed: true });
    },
  );

  it('sends proto >file to the file, saying so as pprof does; the output option likewise', () => {
    const session = new Session(profile(), { interactive: true });
    const redirected = session.execute('proto >out.pb.gz');
    expect(redirected.err).toBe('Generating report in out.pb.gz\n');
    expect(redirected.file?.path).toBe('out.pb.gz');
    expect(redirected.file?.bytes).toBeInstanceOf(Uint8Array);
    expect(redirected.binary).toBeUndefined();
    session.execute('output=o.pb.gz');
    expect(session.execute('proto').file?.path).toBe('o.pb.gz');
  });
});

/** A stdout that keeps bytes as bytes. */
function byteSink(): { stream: Writable & { isTTY?: boolean }; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

describe('one-shot -proto (in process)', () => {
  it('writes the gzipped profile to stdout when stdout is not a terminal', async () => {
    const stdout = byteSink();
    const stderr = byteSink();
    const status = await runCli(['-proto', PROFILE], { stdin: Readable.from(['']), stdout: stdout.stream, stderr: stderr.stream, env: {} });
    expect(status).toBe(0);
    expect(stderr.bytes().toString()).toBe('');
    expect([...stdout.bytes().subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(await rawOf(stdout.bytes())).toBe(expectedRaw);
  });

  it("writes -output=FILE whole, with pprof's message, and nothing to stdout", async () => {
    const stdout = byteSink();
    const stderr = byteSink();
    const out = join(dir, 'saved.pb.gz');
    const status = await runCli(['-proto', `-output=${out}`, PROFILE], {
      stdin: Readable.from(['']),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: {},
    });
    expect(status).toBe(0);
    expect(stderr.bytes().toString()).toBe(`Generating report in ${out}\n`);
    expect(stdout.bytes().length).toBe(0);
    expect(await rawReport(out)).toBe(expectedRaw);
  });

  it('saves to ./profileNNN when stdout is a terminal (never bytes on a screen)', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const stdout = byteSink();
      stdout.stream.isTTY = true;
      const stderr = byteSink();
      const status = await runCli(['-proto', PROFILE], {
        stdin: Readable.from(['']),
        stdout: stdout.stream,
        stderr: stderr.stream,
        env: {},
      });
      expect(status).toBe(0);
      expect(stdout.bytes().length).toBe(0);
      expect(stderr.bytes().toString()).toBe('Generating report in profile001.pb.gz\n');
      expect(await rawReport(join(dir, 'profile001.pb.gz'))).toBe(expectedRaw);
    } finally {
      process.chdir(cwd);
    }
  });

  it('exits 1 with one line when -output cannot be written', async () => {
    const stderr = byteSink();
    const out = join(dir, 'no', 'such.pb.gz');
    const status = await runCli(['-proto', `-output=${out}`, PROFILE], {
      stdin: Readable.from(['']),
      stdout: byteSink().stream,
      stderr: stderr.stream,
      env: {},
    });
    expect(status).toBe(1);
    expect(stderr.bytes().toString()).toBe(`Generating report in ${out}\nheapcli: ${out}: no such file or directory\n`);
  });
});

describe('printResult and settleFileResult', () => {
  it('a console (binaryToStdout unset) saves to ./profileNNN, never to stdout', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const stdout = byteSink();
      const stderr = byteSink();
      const result = new Session(profile(), { interactive: true }).execute('proto');
      const io = { input: Readable.from([]), stdout: stdout.stream, stderr: stderr.stream, writeFile: writeReportFile };
      expect(await printResult(result, io)).toBe(true);
      const settled = await settleFileResult(new Session(profile(), { interactive: true }).execute('proto'));
      expect(stdout.bytes().length).toBe(0);
      expect(stderr.bytes().toString()).toBe('Generating report in profile001.pb.gz\n');
      expect(settled).toEqual({ out: '', err: 'Generating report in profile002.pb.gz\n', quit: false, failed: false });
      expect(await rawReport(join(dir, 'profile002.pb.gz'))).toBe(expectedRaw);
    } finally {
      process.chdir(cwd);
    }
  });
});

// Through the shipped launcher (npm run build): a piped console and a one-shot run on a pipe.
const LAUNCHER = resolve('bin/heapcli.js');

describe('the launcher', () => {
  it('piped console: proto, proto >file, proto again, as pprof answers them', async () => {
    const run = spawnSync(process.execPath, [LAUNCHER, PROFILE], { cwd: dir, input: 'proto\nproto >x.pb.gz\nproto\n', encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('(pprof) (pprof) (pprof) (pprof) ');
    expect(run.stderr.split('\n').slice(-4)).toEqual([
      'Generating report in profile001.pb.gz',
      'Generating report in x.pb.gz',
      'Generating report in profile002.pb.gz',
      '',
    ]);
    for (const name of ['profile001.pb.gz', 'x.pb.gz', 'profile002.pb.gz']) expect(await rawReport(join(dir, name))).toBe(expectedRaw);
  });

  it('one-shot -proto on a pipe: the bytes on stdout', async () => {
    const bytes = execFileSync(process.execPath, [LAUNCHER, '-proto', PROFILE], { cwd: dir });
    expect(gunzipSync(bytes).length).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(await rawOf(bytes)).toBe(expectedRaw);
  });
});

// The terminal console's session runs in a worker (dist/, npm run build), which writes the file.
const loadWorker = async () => (await import('../../dist/ui/worker-runner.js')) as typeof import('../../src/ui/worker-runner.js');

it("the terminal console's worker saves proto to ./profileNNN and answers where", async () => {
  const { startWorkerSession } = await loadWorker();
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const plan = {
      sources: [PROFILE],
      bases: [],
      diffBase: false,
      normalize: false,
      settings: { seconds: 0, timeout: 0, maxBytes: undefined, saveDir: undefined, home: undefined },
    };
    const { runner } = await startWorkerSession(plan, []);
    expect(await runner.execute('proto')).toEqual({
      out: '',
      err: 'Generating report in profile001.pb.gz\n',
      quit: false,
      failed: false,
      rest: undefined,
    });
    expect(await runner.execute('proto >y.pb.gz')).toEqual({
      out: '',
      err: 'Generating report in y.pb.gz\n',
      quit: false,
      failed: false,
      rest: undefined,
    });
    runner.close();
    expect(existsSync('profile001.pb.gz')).toBe(true);
    expect(await rawReport(join(dir, 'y.pb.gz'))).toBe(expectedRaw);
  } finally {
    process.chdir(cwd);
  }
}, 60_000);
