#!/usr/bin/env node
// The long fuzz run: the decoder and console fuzz suites (__tests__/fuzz/*.fuzz.test.ts) with many
// more cases than `npm test` runs, from a fresh base seed, for a time budget.
//
//   npm run fuzz                          both suites side by side, 5 minutes each, a new base seed
//   npm run fuzz -- decoder               one suite (decoder or console)
//   FUZZ_SECONDS=1800 npm run fuzz        a longer budget (FUZZ_CASES=200000 caps the cases too)
//   FUZZ_BASE_SEED=42 npm run fuzz        the same run again
//   FUZZ_SEED=<seed> npm run fuzz -- decoder     replay one failing case, printing what it does
//
// A case runs synchronously, so a hang cannot be interrupted from inside: each suite writes the
// seed of the case it starts to a file, and when a suite has started no case for two minutes this
// script stops the run and prints that seed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUITES = ['decoder', 'console'];
/** A suite that starts no case for this long is stuck in one (a case takes at most seconds). */
const STALL_MS = 120_000;

const args = process.argv.slice(2);
const unknown = args.find((a) => !SUITES.includes(a));
if (unknown !== undefined) {
  process.stderr.write(`fuzz: unknown argument ${unknown} (the suites are ${SUITES.join(' and ')})\n`);
  process.exit(2);
}
const chosen = args.length > 0 ? args : SUITES;

const seconds = Number(process.env.FUZZ_SECONDS || 300);
const env = {
  ...process.env,
  FUZZ_CASES: process.env.FUZZ_CASES || '100000000',
  FUZZ_SECONDS: String(seconds),
  FUZZ_BASE_SEED: process.env.FUZZ_BASE_SEED || String(Math.floor(Math.random() * 2 ** 32)),
};
const progressDir = mkdtempSync(join(tmpdir(), 'heapcli-fuzz-'));
env.FUZZ_PROGRESS = join(progressDir, 'progress');

process.stdout.write(
  `fuzz: ${chosen.join(' and ')}, ${seconds} s each (at most ${env.FUZZ_CASES} cases), base seed ${env.FUZZ_BASE_SEED}\n`,
);
const jest = spawn(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings',
    'node_modules/jest/bin/jest.js',
    // One worker per suite, so they run side by side (jest's default on two cores is one worker).
    `--maxWorkers=${chosen.length}`,
    ...chosen.map((s) => `__tests__/fuzz/${s}.fuzz.test.ts`),
  ],
  // A process group of its own, so the watchdog can stop jest's workers too.
  { env, stdio: 'inherit', detached: true },
);

/** A suite's progress line, and how long ago it was written; null before the suite starts. */
function progressOf(suite) {
  const path = `${env.FUZZ_PROGRESS}.${suite}`;
  try {
    return { line: readFileSync(path, 'utf8').trim(), age: Date.now() - statSync(path).mtimeMs };
  } catch {
    return null;
  }
}

const watchdog = setInterval(() => {
  for (const suite of chosen) {
    const progress = progressOf(suite);
    if (progress === null || progress.line === 'done' || progress.age < STALL_MS) continue;
    process.stderr.write(`fuzz: ${suite} has started no case for ${Math.round(progress.age / 1000)} s; it hangs on ${progress.line}\n`);
    process.kill(-jest.pid, 'SIGKILL');
    process.exitCode = 1;
    clearInterval(watchdog);
    return;
  }
}, 5000);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.kill(-jest.pid, signal));

jest.on('exit', (code, signal) => {
  clearInterval(watchdog);
  rmSync(progressDir, { recursive: true, force: true });
  process.exitCode ||= code ?? (signal ? 1 : 0);
});
