/**
 * kcachegrind: the callgrind file goes to a new temporary file, pprofNNN.grind, which the viewer
 * gets; a recording script named kcachegrind on PATH stands in for it and copies what it was
 * given. One-shot waits for it and fails with it; the piped console lets it run and goes on.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runHeapcli } from '../helpers/run-cli.js';
import { golden } from '../helpers/goldens.js';

const PROFILE = resolve('testdata/profiles/leakybuf.heap.pb.gz');
/** pprof's callgrind file for the profile (oneshot-export.txt). */
const CALLGRIND = golden('leakybuf.heap.callgrind', 'out');

let dir: string;
let bin: string;
let temp: string;
/** The environment heapcli runs in: the fake viewer first on PATH, TMPDIR where the test looks. */
let env: NodeJS.ProcessEnv;

/** A kcachegrind that records its arguments and a copy of the file, then exits with `status`. */
function fakeViewer(status = 0): void {
  const script = `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/args"\ncp "$1" "${dir}/seen"\nexit ${status}\n`;
  writeFileSync(join(bin, 'kcachegrind'), script);
  chmodSync(join(bin, 'kcachegrind'), 0o755);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'heapcli-viewer-'));
  bin = join(dir, 'bin');
  temp = join(dir, 'tmp');
  mkdirSync(bin);
  mkdirSync(temp);
  env = { PATH: `${bin}:/usr/bin:/bin`, TMPDIR: temp };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("-kcachegrind opens pprofNNN.grind, holding pprof's callgrind file, and waits for the viewer", async () => {
  fakeViewer();
  const run = await runHeapcli(['-kcachegrind', PROFILE], '', env);
  expect(run).toEqual({ stdout: '', stderr: '', status: 0 });
  expect(readFileSync(join(dir, 'args'), 'utf8')).toBe(`${join(temp, 'pprof001.grind')}\n`);
  expect(readFileSync(join(dir, 'seen'), 'utf8')).toBe(CALLGRIND);
});

it("a viewer that fails fails the one-shot run, with Go's words", async () => {
  fakeViewer(3);
  const run = await runHeapcli(['-kcachegrind', PROFILE], '', env);
  expect(run).toEqual({ stdout: '', stderr: 'exit status 3\n', status: 1 });
});

it("without kcachegrind: pprof's line, then where the file is (kept, unlike pprof)", async () => {
  const run = await runHeapcli(['-kcachegrind', PROFILE], '', env);
  const file = join(temp, 'pprof001.grind');
  expect(run).toEqual({
    stdout: '',
    stderr: `exec: "kcachegrind": executable file not found in $PATH\nheapcli: the report is in ${file}\n`,
    status: 1,
  });
  expect(readFileSync(file, 'utf8')).toBe(CALLGRIND);
});

it('-kcachegrind -output=FILE writes the file and opens nothing, as pprof', async () => {
  fakeViewer();
  const out = join(dir, 'out.grind');
  const run = await runHeapcli(['-kcachegrind', `-output=${out}`, PROFILE], '', env);
  expect(run).toEqual({ stdout: '', stderr: `Generating report in ${out}\n`, status: 0 });
  expect(readFileSync(out, 'utf8')).toBe(CALLGRIND);
  expect(existsSync(join(dir, 'args'))).toBe(false);
  expect(readdirSync(temp)).toEqual([]);
});

it('the piped console (launcher, npm run build): kcachegrind opens the viewer and the console goes on', () => {
  fakeViewer();
  const run = spawnSync(process.execPath, [resolve('bin/heapcli.js'), PROFILE], {
    cwd: dir,
    input: 'kcachegrind\ncallgrind\n',
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('(pprof) (pprof) (pprof) ');
  expect(
    run.stderr.endsWith(
      'Entering interactive mode (type "help" for commands, "o" for options)\nGenerating report in profile001.callgraph.out\n',
    ),
  ).toBe(true);
  expect(readFileSync(join(dir, 'profile001.callgraph.out'), 'utf8')).toBe(CALLGRIND);
  // The console did not wait for the viewer; by now it has run.
  for (let i = 0; i < 50 && !existsSync(join(dir, 'seen')); i++) spawnSync('sleep', ['0.1']);
  expect(readFileSync(join(dir, 'seen'), 'utf8')).toBe(CALLGRIND);
});
