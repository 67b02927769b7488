import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sourceRange } from '../../src/analysis/reports/source-lines.js';
import { MISSING, type SourceFiles } from '../../src/commands/source/port.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { mergeProfiles } from '../../src/profile/merge.js';
import { parseProfile } from '../../src/profile/decode.js';
import { Session } from '../../src/session.js';
import { diskSourceFiles } from '../../src/host/source-files.js';
import { heapMessage } from '../helpers/profile-fixtures.js';

// What these tests expect is what `go tool pprof` printed for the same profiles and flags; the
// profiles are made here (built, or a test profile with its paths moved) so no golden depends on
// where the repository or Go is installed.

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'heapcli-list-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Source files held in memory, as a SourceFiles port. */
function memorySources(files: Record<string, string>, cwd = '/work', env: SourceFiles['env'] = {}): SourceFiles {
  return { read: (path) => (path in files ? { bytes: new TextEncoder().encode(files[path]) } : MISSING), cwd, env };
}

/** leakybuf.heap with some of its paths replaced by others of the same length (so the proto stays valid). */
function movedLeakybuf(replacements: [string, string][]): string {
  let bytes = gunzipSync(readFileSync('testdata/profiles/leakybuf.heap.pb.gz'));
  for (const [from, to] of replacements) {
    expect(to.length).toBe(from.length);
    bytes = Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1');
  }
  const path = join(tmp, `moved-${replacements.length}-${replacements[0][1].length}.pb`);
  writeFileSync(path, bytes);
  return path;
}

describe('list on a profile with start lines (pprof starts there instead of 5 lines above)', () => {
  const f = (line: number) => ({ lines: [{ fn: 'main.f', line, file: '/src/app/f.go', startLine: 10 }] });
  const m = (line: number) => ({ lines: [{ fn: 'main.main', line, file: '/src/app/main.go' }] });
  const profile = mergeProfiles([
    parseProfile(
      encodeProfile(
        heapMessage({
          samples: [
            { stack: [f(14), m(5)], values: [1, 1024, 1, 1024] },
            { stack: [f(30), m(6)], values: [2, 4096, 2, 4096] },
            { stack: [{ lines: [{ fn: 'main.nofile', line: 3, file: '' }] }, m(7)], values: [1, 10, 1, 10] },
          ],
        }),
      ),
    ),
  ]);
  const numbered = Array.from({ length: 32 }, (_, i) => `line ${i + 1}\n`).join('');
  const sources = memorySources({
    '/src/app/f.go': numbered,
    '/src/app/main.go': 'package main\n\nfunc main() {\n\tf()\n\tf()\n\tf()\n\tnofile()\n}\n',
  });

  it('prints from the start line to the end of the file, then functions without a file', () => {
    const session = new Session(profile, { interactive: false, sources });
    const result = session.executeCommand(['list', 'main']);
    const rows = (from: number, to: number, values: Record<number, string>) =>
      Array.from({ length: to - from + 1 }, (_, i) => {
        const n = from + i;
        return `${(values[n] ?? '.').padStart(10)} ${(values[n] ?? '.').padStart(10)} ${String(n).padStart(6)}:line ${n}`;
      });
    expect(session.configure({ name: 'source_path', value: '/src/app', bare: false })).toBeNull();
    expect(session.executeCommand(['list', 'main']).out.split('\n')).toEqual([
      'Total: 5.01kB',
      'ROUTINE ======================== main.f in f.go',
      '       5kB        5kB (flat, cum) 99.81% of Total',
      ...rows(10, 32, { 14: '1kB', 30: '4kB' }),
      'ROUTINE ======================== main.main in main.go',
      '         0     5.01kB (flat, cum)   100% of Total',
      '         .          .      1:package main',
      '         .          .      2:',
      '         .          .      3:func main() {',
      '         .          .      4:\tf()',
      '         .        1kB      5:\tf()',
      '         .        4kB      6:\tf()',
      '         .        10B      7:\tnofile()',
      '         .          .      8:}',
      'No source information for main.nofile',
      '',
    ]);
    // Without source_path, the full names are shown and looked up as they are.
    expect(result.out.split('\n').slice(1, 3)).toEqual([
      'ROUTINE ======================== main.f in /src/app/f.go',
      '       5kB        5kB (flat, cum) 99.81% of Total',
    ]);
  });
});

describe('sourceRange', () => {
  it('runs from 5 lines above the first sampled line to 5 below the last, from line 1 at the earliest', () => {
    expect(
      sourceRange([
        { line: 40, startLine: 0 },
        { line: 20, startLine: 0 },
        { line: 30, startLine: 0 },
      ]),
    ).toEqual({ start: 15, end: 45 });
    expect(sourceRange([{ line: 3, startLine: 0 }])).toEqual({ start: 1, end: 8 });
  });

  it('starts at the start line when the profile has one', () => {
    expect(
      sourceRange([
        { line: 14, startLine: 10 },
        { line: 30, startLine: 10 },
      ]),
    ).toEqual({ start: 10, end: 35 });
  });

  it("keeps pprof's quirk: a node that would move both ends moves only the start", () => {
    expect(
      sourceRange([
        { line: 22, startLine: 20 },
        { line: 40, startLine: 5 },
      ]),
    ).toEqual({ start: 5, end: 27 });
  });
});

describe('list when a source is not where the profile says', () => {
  const moved = () => movedLeakybuf([['/work/main/testdata/programs/leakybuf/main.go', '/nope/main/testdata/programs/leakybuf/main.go']]);
  const header = [
    'Total: 4.86MB',
    'ROUTINE ======================== main.GetLargeData in /nope/main/testdata/programs/leakybuf/main.go',
    '     288kB     4.40MB (flat, cum) 90.51% of Total',
  ];

  it('shows the open error for an absolute path that was not trimmed', () => {
    const session = new Session(loadProfileFile(moved()), { interactive: false, sources: diskSourceFiles({}, tmp) });
    expect(session.executeCommand(['list', 'GetLargeData']).out).toBe(
      [...header, ' Error: open /nope/main/testdata/programs/leakybuf/main.go: no such file or directory', ''].join('\n'),
    );
  });

  it('names the trimmed file and the search path when a relative path is nowhere', () => {
    const session = new Session(loadProfileFile(moved()), {
      interactive: false,
      sources: diskSourceFiles({}, tmp),
      options: { trim_path: '/nope' },
    });
    expect(session.executeCommand(['list', 'GetLargeData']).out).toBe(
      [
        header[0],
        'ROUTINE ======================== main.GetLargeData in main/testdata/programs/leakybuf/main.go',
        header[2],
        ` Error: could not find file main/testdata/programs/leakybuf/main.go on path ${tmp}`,
        '',
      ].join('\n'),
    );
  });

  it("finds it anyway when the working directory is the checkout (pprof's guess from its last element)", () => {
    const checkout = join(tmp, 'main');
    mkdirSync(join(checkout, 'testdata/programs/leakybuf'), { recursive: true });
    writeFileSync(join(checkout, 'testdata/programs/leakybuf/main.go'), readFileSync('testdata/programs/leakybuf/main.go'));
    const session = new Session(loadProfileFile(moved()), { interactive: false, sources: diskSourceFiles({}, checkout) });
    expect(session.executeCommand(['list', 'GetLargeData']).out.split('\n').slice(0, 4)).toEqual([
      ...header,
      '         .          .     35:',
    ]);
  });
});

describe('beyond pprof: list finds standard-library sources in $GOROOT', () => {
  // The profile's GOROOT moved to /nop/lib/go-1.19, which exists nowhere; pprof prints
  // ` Error: open /nop/lib/go-1.19/src/fmt/print.go: no such file or directory`.
  const profile = () => loadProfileFile(movedLeakybuf([['/usr/lib/go-1.19/', '/nop/lib/go-1.19/']]));

  it("reads $GOROOT/src/fmt/print.go for /nop/lib/go-1.19/src/fmt/print.go and keeps pprof's file name", () => {
    const goroot = join(tmp, 'goroot');
    mkdirSync(join(goroot, 'src/fmt'), { recursive: true });
    writeFileSync(join(goroot, 'src/fmt/print.go'), Array.from({ length: 300 }, (_, i) => `// print.go line ${i + 1}\n`).join(''));
    const session = new Session(profile(), { interactive: false, sources: diskSourceFiles({ GOROOT: goroot }, tmp) });
    const lines = session.executeCommand(['list', 'fmt.Sprintf']).out.split('\n');
    expect(lines[1]).toBe('ROUTINE ======================== fmt.Sprintf in /nop/lib/go-1.19/src/fmt/print.go');
    expect(lines[2]).toBe('   93.75kB    94.21kB (flat, cum)  1.89% of Total');
    // The rows pprof prints for the real file (lines 213 to 225, values on 218 and 220).
    const values: Record<number, [string, string]> = { 218: ['.', '472B'], 220: ['93.75kB', '93.75kB'] };
    const rows = Array.from({ length: 13 }, (_, i) => {
      const [flat, cum] = values[213 + i] ?? ['.', '.'];
      return `${flat.padStart(10)} ${cum.padStart(10)} ${String(213 + i).padStart(6)}:// print.go line ${213 + i}`;
    });
    expect(lines.slice(3)).toEqual([...rows, '']);
  });

  it("gives pprof's error when $GOROOT does not have it either", () => {
    const session = new Session(profile(), { interactive: false, sources: diskSourceFiles({ GOROOT: join(tmp, 'empty') }, tmp) });
    expect(session.executeCommand(['list', 'fmt.Sprintf']).out.split('\n')[3]).toBe(
      ' Error: open /nop/lib/go-1.19/src/fmt/print.go: no such file or directory',
    );
  });
});

describe('beyond pprof: with GOROOT unset, list asks the go on PATH', () => {
  // A -trimpath-like move: the profile's GOROOT exists nowhere and $GOROOT is unset.
  const profile = () => loadProfileFile(movedLeakybuf([['/usr/lib/go-1.19/', '/nop/lib/go-1.19/']]));
  /** A GOROOT-shaped folder whose fmt/print.go says where it is. */
  function fakeGoroot(name: string): string {
    const root = join(tmp, name);
    mkdirSync(join(root, 'src/fmt'), { recursive: true });
    mkdirSync(join(root, 'src/runtime'), { recursive: true });
    writeFileSync(join(root, 'src/fmt/print.go'), Array.from({ length: 300 }, (_, i) => `// ${name} line ${i + 1}\n`).join(''));
    return root;
  }
  /** A `go` script in its own bin/ folder that prints `goroot` for `go env GOROOT`, or fails. */
  function fakeGo(dir: string, goroot: string | null): string {
    mkdirSync(join(dir, 'bin'), { recursive: true });
    const body = goroot === null ? 'exit 2' : `[ "$1 $2" = "env GOROOT" ] && echo '${goroot}' && exit 0; exit 2`;
    writeFileSync(join(dir, 'bin/go'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return join(dir, 'bin');
  }
  const line220 = (session: Session) =>
    session
      .executeCommand(['list', 'fmt.Sprintf'])
      .out.split('\n')
      .find((l) => l.includes(' 220:'));

  it('reads the file under what `go env GOROOT` prints', () => {
    const root = fakeGoroot('asked-root');
    const path = `${fakeGo(join(tmp, 'go-asked'), root)}:/usr/bin:/bin`;
    const session = new Session(profile(), { interactive: false, sources: diskSourceFiles({ PATH: path }, tmp) });
    expect(line220(session)).toBe('   93.75kB    93.75kB    220:// asked-root line 220');
  });

  it("falls back to the folder above the go binary's bin/ when go env fails", () => {
    const root = fakeGoroot('installed-root');
    const session = new Session(profile(), {
      interactive: false,
      sources: diskSourceFiles({ PATH: `${fakeGo(root, null)}:/usr/bin:/bin` }, tmp),
    });
    expect(line220(session)).toBe('   93.75kB    93.75kB    220:// installed-root line 220');
  });

  it('$GOROOT, when set, wins over the go on PATH', () => {
    const path = `${fakeGo(join(tmp, 'go-ignored'), fakeGoroot('path-root'))}:/usr/bin:/bin`;
    const session = new Session(profile(), {
      interactive: false,
      sources: diskSourceFiles({ PATH: path, GOROOT: fakeGoroot('env-root') }, tmp),
    });
    expect(line220(session)).toBe('   93.75kB    93.75kB    220:// env-root line 220');
  });

  it("with no go on PATH, pprof's error", () => {
    const session = new Session(profile(), { interactive: false, sources: diskSourceFiles({ PATH: join(tmp, 'nothing-here') }, tmp) });
    expect(session.executeCommand(['list', 'fmt.Sprintf']).out.split('\n')[3]).toBe(
      ' Error: open /nop/lib/go-1.19/src/fmt/print.go: no such file or directory',
    );
  });
});

describe('list in the console', () => {
  const profile = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');
  const session = () =>
    new Session(profile, { interactive: true, sources: diskSourceFiles({}), options: { source_path: 'testdata/programs' } });

  it('writes the report to >file (the caller writes it) and says so on stderr', () => {
    const shown = session().execute('list GetLargeData');
    const written = session().execute('list GetLargeData >out.txt');
    expect(written.file).toEqual({ path: 'out.txt', text: shown.out });
    expect([written.out, written.err]).toEqual(['', 'Generating report in out.txt\n']);
  });

  it('takes focus and ignore regexps after the function regexp, for this command only', () => {
    const s = session();
    const focused = s.execute('list main.main GetLargeData -growBuf');
    expect(focused.out.split('\n').slice(0, 3)).toEqual([
      'Total: 4.86MB',
      'ROUTINE ======================== main.main in leakybuf/main.go',
      '         0   382.21kB (flat, cum)  7.69% of Total',
    ]);
    expect(s.options.focus).toBe('');
  });

  it('fails without changing anything on no match or a bad regexp', () => {
    const s = session();
    expect(s.execute('list nomatch')).toMatchObject({ out: '', err: 'no matches found for regexp: nomatch\n', failed: true });
    expect(s.execute('list [')).toMatchObject({
      out: '',
      err: 'parsing argument regexp [: error parsing regexp: missing closing ]: `[`\n',
      failed: true,
    });
  });
});
