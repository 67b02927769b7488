/**
 * What `list` reads: regular files only, each once per report, within a size cap; anything else
 * at a source path (a device, a FIFO, a directory) is said in one line instead of read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceFiles } from '../../src/commands/source/port.js';
import { Session } from '../../src/session.js';
import { diskSourceFiles, readSourceFile } from '../../src/host/source-files.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'heapcli-list-sources-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A profile whose functions main.f1, main.f2, ... sit at the given files and lines. */
function profileAt(places: readonly { file: string; line: number }[]) {
  return decodeSpec({
    samples: places.map(({ file, line }, i) => ({
      stack: [{ lines: [{ fn: `main.f${i + 1}`, line, file }] }],
      values: [1, 100 * (i + 1), 1, 100 * (i + 1)],
    })),
  });
}

/** `list .` on the profile, with the files of `sources`. */
function list(places: readonly { file: string; line: number }[], sources: SourceFiles): string {
  const result = new Session(profileAt(places), { interactive: false, sources }).executeCommand(['list', '.']);
  expect(result.err).toBe('');
  return result.out;
}

/** The ` Error:` lines of a listing. */
const errors = (out: string) => out.split('\n').filter((l) => l.startsWith(' Error:'));

describe('what is at a source path, said instead of read', () => {
  it('a device (/dev/zero never ends): refused at once', () => {
    const started = Date.now();
    expect(errors(list([{ file: '/dev/zero', line: 3 }], diskSourceFiles({}, tmp)))).toEqual([
      ' Error: /dev/zero: a character device, not a regular file',
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a FIFO: refused without waiting for a writer', () => {
    const fifo = join(tmp, 'fifo.go');
    execFileSync('mkfifo', [fifo]);
    expect(errors(list([{ file: fifo, line: 3 }], diskSourceFiles({}, tmp)))).toEqual([
      ` Error: ${fifo}: a named pipe, not a regular file`,
    ]);
  });

  it('a directory is a directory, not "no such file"', () => {
    const dir = join(tmp, 'pkg.go');
    mkdirSync(dir);
    expect(errors(list([{ file: dir, line: 3 }], diskSourceFiles({}, tmp)))).toEqual([` Error: read ${dir}: is a directory`]);
  });

  it('a relative path is searched past a directory, which is named when nothing else is found', () => {
    mkdirSync(join(tmp, 'a/b/rel.go'), { recursive: true });
    expect(errors(list([{ file: 'rel.go', line: 1 }], diskSourceFiles({}, join(tmp, 'a/b'))))).toEqual([
      ` Error: read ${join(tmp, 'a/b/rel.go')}: is a directory`,
    ]);
    writeFileSync(join(tmp, 'a/rel.go'), 'package rel\n');
    expect(
      list(
        [
          { file: 'b/rel.go', line: 1 },
          { file: 'rel.go', line: 1 },
        ],
        diskSourceFiles({}, join(tmp, 'a/b')),
      ),
    ).toContain('      1:package rel\n');
  });

  it('a file over the cap', () => {
    const big = join(tmp, 'big.go');
    writeFileSync(big, 'x\n'.repeat(600));
    expect(readSourceFile(big, 1200)).toEqual({ bytes: expect.any(Uint8Array) });
    expect(readSourceFile(big, 1199)).toEqual({ problem: `${big}: 1200 bytes, more than the 1199 list reads` });
    expect(errors(list([{ file: big, line: 3 }], diskSourceFiles({}, tmp, 1000)))).toEqual([
      ` Error: ${big}: 1200 bytes, more than the 1000 list reads`,
    ]);
  });

  it("a missing absolute path keeps pprof's open error", () => {
    expect(errors(list([{ file: '/nonexistent-heapcli/none.go', line: 3 }], diskSourceFiles({}, tmp)))).toEqual([
      ' Error: open /nonexistent-heapcli/none.go: no such file or directory',
    ]);
  });
});

describe('each file is read once per report', () => {
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');

  /** The disk port, counting reads per path. */
  function counting(cwd: string): { sources: SourceFiles; reads: Map<string, number> } {
    const disk = diskSourceFiles({}, cwd);
    const reads = new Map<string, number>();
    return { sources: { ...disk, read: (p) => (reads.set(p, (reads.get(p) ?? 0) + 1), disk.read(p)) }, reads };
  }

  it('five functions in one file, named by three spellings of its path', () => {
    const dir = join(tmp, 'once');
    mkdirSync(dir);
    const file = join(dir, 'shared.go');
    writeFileSync(file, numbered(100));
    const { sources, reads } = counting(dir);
    const out = list(
      [
        { file, line: 10 },
        { file, line: 30 },
        { file: 'shared.go', line: 50 },
        { file: `${dir}/./shared.go`, line: 70 },
        { file, line: 90 },
      ],
      sources,
    );
    expect(out.match(/^ROUTINE/gm)).toHaveLength(5);
    expect(out).toContain('     90:line 90\n');
    expect(reads.get(file)).toBe(1);
    // The next report reads it again: a file may change between commands.
    const session = new Session(profileAt([{ file, line: 10 }]), { interactive: false, sources });
    session.executeCommand(['list', '.']);
    session.executeCommand(['list', '.']);
    expect(reads.get(file)).toBe(3);
  });

  it('lines are found only as far as they are asked for, and in any order', () => {
    const file = join(tmp, 'long.go');
    // 200,000 lines, then one too long for pprof's scanner: nothing after it exists.
    writeFileSync(file, `${numbered(200_000)}${'y'.repeat(70_000)}\nafter\n`);
    const out = list(
      [
        { file, line: 199_998 },
        { file, line: 7 },
        { file, line: 130 },
      ],
      diskSourceFiles({}, tmp),
    );
    expect(out).toContain('      7:line 7\n');
    expect(out).toContain('    135:line 135\n');
    expect(out).toContain(' 200000:line 200000\n');
    expect(out).not.toContain('yyy');
    expect(out).not.toContain('after');
  });
});
