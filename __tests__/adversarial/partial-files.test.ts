/**
 * Every file heapcli writes is whole or absent (issues 19 and 20): a full disk, a failed write, a
 * missing or read-only folder or Ctrl-C leave no partial file and no temporary one; a failure is
 * one line and exit 1 in one-shot mode, and the console goes on.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { History, HISTORY_LIMIT } from '../../src/ui/history.js';
import { writeReportFile } from '../../src/host/report-files.js';
import { FileWriteError, writeFileWhole, writeNewFile, type WriteBytes } from '../../src/host/whole-file.js';
import { heapMessage, mulberry32 } from '../helpers/profile-fixtures.js';
import { runHeapcli } from '../helpers/run-cli.js';
import { serve, startHostile, type Hostile } from './hostile-server.js';
import { mountSmallDisk, type SmallDisk } from './small-disk.js';
import { treeOf } from './spawn.js';

const scratch = mkdtempSync(join(tmpdir(), 'heapcli-partial-'));
let dirs = 0;
const freshDir = () => {
  const dir = join(scratch, `d${++dirs}`);
  mkdirSync(dir);
  return dir;
};

/** A write that takes `budget` bytes, then fails as a full disk does. */
function fullAfter(budget: number): WriteBytes {
  let left = budget;
  return (fd, bytes, offset) => {
    if (left <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const n = Math.min(left, bytes.length - offset);
    left -= n;
    return n;
  };
}

const chunk = (text: string) => Buffer.from(text);

describe('writes that fail part-way (a fault-injecting write)', () => {
  it('writeFileWhole: one error naming the file, the old file intact, no temporary left', () => {
    const dir = freshDir();
    const path = join(dir, 'report.txt');
    writeFileSync(path, 'the good old report\n');
    expect(() => writeFileWhole(path, [chunk('a'.repeat(5000)), chunk('b'.repeat(5000))], fullAfter(6000))).toThrow(
      new FileWriteError(path, 'no space left on device'),
    );
    expect(readFileSync(path, 'utf8')).toBe('the good old report\n');
    expect(treeOf(dir)).toEqual(['report.txt']);
  });

  it('writeNewFile: no file under the new name, no temporary left', () => {
    const dir = freshDir();
    expect(() => writeNewFile(dir, ['copy.001.pb.gz'], Buffer.alloc(10_000), fullAfter(4096))).toThrow(FileWriteError);
    expect(treeOf(dir)).toEqual([]);
  });

  it('writeReportFile: a failed write, and a report stopped by Ctrl-C, leave nothing', () => {
    const dir = freshDir();
    const path = join(dir, 'out.txt');
    expect(writeReportFile(path, 'x'.repeat(100_000), [], fullAfter(65_536))).toBe(`heapcli: ${path}: no space left on device`);
    const stopped = function* () {
      yield 'more\n';
      throw new Error('interrupted');
    };
    expect(writeReportFile(path, 'head\n', stopped())).toBe('interrupted');
    expect(treeOf(dir)).toEqual([]);
  });

  it('writes a device in place (-output=/dev/null works, and /dev/null stays a device)', () => {
    expect(writeReportFile('/dev/null', 'report\n')).toBeNull();
    expect(existsSync('/dev/null')).toBe(true);
    expect(readFileSync('/dev/null', 'utf8')).toBe('');
  });
});

describe('-output and >file that cannot be written: one line, exit 1 (before: exit 0)', () => {
  const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';

  it('a missing folder', async () => {
    const run = await runHeapcli(['-top', '-output=/nonexistent/x', PROFILE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('Generating report in /nonexistent/x\nheapcli: /nonexistent/x: no such file or directory\n');
  });

  it('-growth -output to a missing folder', async () => {
    const run = await runHeapcli([
      '-growth',
      '-output=/nonexistent/g',
      'testdata/profiles/growing/growing-01.pb.gz',
      'testdata/profiles/growing/growing-02.pb.gz',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').at(-2)).toBe('heapcli: /nonexistent/g: no such file or directory');
  });

  it('the console says so and goes on', async () => {
    const dir = freshDir();
    const run = await runHeapcli([PROFILE], `top >/nonexistent/x\ntop3 >${join(dir, 'ok.txt')}\nquit\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('heapcli: /nonexistent/x: no such file or directory\n');
    expect(readFileSync(join(dir, 'ok.txt'), 'utf8')).toMatch(/^Showing nodes/);
  });
});

/** A profile whose gzipped form is about 100 kB: names of random hex do not compress. */
function bigProfile(): Uint8Array {
  const next = mulberry32(19);
  const name = () => Array.from({ length: 48 }, () => Math.floor(next() * 16).toString(16)).join('');
  const samples = Array.from({ length: 1500 }, () => ({ stack: [`main.${name()}`, 'main.main'], values: [1, 2, 3, 4] }));
  return encodeProfile(heapMessage({ samples }));
}

describe('a full disk (a 64 KiB tmpfs)', () => {
  let disk: SmallDisk;
  let server: Hostile;

  beforeAll(async () => {
    disk = mountSmallDisk(join(scratch, 'full'), 64);
    if (disk.dir === null) console.warn(`__tests__/adversarial/partial-files.test.ts: full-disk cases skipped: ${disk.why}`);
    server = await startHostile({ '/debug/pprof/heap': serve(bigProfile()) });
  });
  afterAll(async () => {
    if (disk.dir !== null) disk.unmount();
    await server.close();
  });
  const onDisk = (test: (dir: string) => Promise<void> | void) => async () => {
    if (disk.dir !== null) await test(disk.dir);
  };

  it(
    'the saved copy: "Could not save profile", the report goes on, nothing left (before: a truncated copy)',
    onDisk(async (dir) => {
      const run = await runHeapcli(['-top', '-nodecount=1', `${server.base}/debug/pprof/heap`], '', { HEAPCLI_TMPDIR: dir });
      expect(run.status).toBe(0);
      expect(run.stderr.split('\n')[1]).toBe(`Could not save profile: ${dir}: no space left on device`);
      expect(run.stdout).toMatch(/^File: app\n/);
      expect(treeOf(dir)).toEqual([]);
    }),
  );

  it(
    '-output: exit 1, one line, an older file of that name kept whole',
    onDisk(async (dir) => {
      const path = join(dir, 'raw.txt');
      writeFileSync(path, 'older report\n');
      const profile = join(scratch, 'big.pb.gz');
      writeFileSync(profile, bigProfile());
      const run = await runHeapcli(['-raw', `-output=${path}`, profile]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`Generating report in ${path}\nheapcli: ${path}: no space left on device\n`);
      expect(readFileSync(path, 'utf8')).toBe('older report\n');
      expect(treeOf(dir)).toEqual(['raw.txt']);
    }),
  );

  it(
    'the history: a line that does not fit costs that line only; the console goes on',
    onDisk((dir) => {
      const file = join(dir, 'history');
      writeFileSync(join(dir, 'filler'), Buffer.alloc(60 * 1024));
      const history = History.load(file);
      for (let i = 0; i < 200; i++) history.add(`top ${'x'.repeat(100)} ${i}`);
      expect(history.lines).toHaveLength(200);
      const kept = readFileSync(file, 'utf8').split('\n');
      expect(kept.at(-1)).toBe('');
      for (const line of kept.slice(0, -2)) expect(line).toMatch(/^top x{100} \d+$/);
    }),
  );
});

describe('a read-only folder (a read-only tmpfs)', () => {
  let disk: SmallDisk;
  beforeAll(() => {
    disk = mountSmallDisk(join(scratch, 'ro'), 64, true);
    if (disk.dir === null) console.warn(`__tests__/adversarial/partial-files.test.ts: read-only cases skipped: ${disk.why}`);
  });
  afterAll(() => {
    if (disk.dir !== null) disk.unmount();
  });

  it("-output: exit 1 with one line; the console's >file: one line, and it goes on", async () => {
    if (disk.dir === null) return;
    const path = join(disk.dir, 'top.txt');
    const run = await runHeapcli(['-top', `-output=${path}`, 'testdata/profiles/leakybuf.heap.pb.gz']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`Generating report in ${path}\nheapcli: ${path}: read-only file system\n`);
    const console = await runHeapcli(['testdata/profiles/leakybuf.heap.pb.gz'], `top >${path}\ntop1\nquit\n`);
    expect(console.status).toBe(0);
    expect(console.stderr).toContain(`heapcli: ${path}: read-only file system\n`);
    expect(console.stdout).toContain('Showing top 1 nodes');
    expect(treeOf(disk.dir)).toEqual([]);
  });
});

describe('the history at its cap, two consoles at once', () => {
  it("loses neither console's lines (before: each rewrote the file from its own memory)", () => {
    const file = join(freshDir(), 'history');
    writeFileSync(file, Array.from({ length: HISTORY_LIMIT }, (_, i) => `old ${i}`).join('\n') + '\n');
    const a = History.load(file);
    const b = History.load(file);
    const added: string[] = [];
    for (let i = 0; i < 30; i++) {
      a.add(`a ${i}`);
      b.add(`b ${i}`);
      added.push(`a ${i}`, `b ${i}`);
    }
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
    expect(lines).toHaveLength(HISTORY_LIMIT);
    expect(lines.slice(-added.length)).toEqual(added);
    expect(treeOf(join(file, '..'))).toEqual(['history']);
  });
});
