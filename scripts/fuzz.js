#!/usr/bin/env node
// The long fuzz run: the decoder and console fuzz suites (__tests__/fuzz/*.fuzz.test.ts) with many
// more cases than `npm test` runs, from a fresh base seed, for a time budget.
//
//   npm run fuzz                          both suites, 5 minutes each (in parallel), a new base seed
//   npm run fuzz -- decoder               one suite (decoder or console)
//   FUZZ_SECONDS=1800 npm run fuzz        a longer budget; FUZZ_CASES caps the cases (default 200000)
//   FUZZ_BASE_SEED=42 npm run fuzz        the same run again
//   FUZZ_SEED=<seed> npm run fuzz -- decoder     replay one failing case, printing what it does
//
// A case runs synchronously, so a hang cannot be interrupted from inside: each suite writes the
// seed of the case it is on to a file, and when the run outlives its budget by two minutes this
// script stops it and prints that seed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUITES = ['decoder', 'console'];
const suites = process.argv.slice(2).filter((a) => SUITES.includes(a));
const unknown = process.argv.slice(2).filter((a) => !SUITES.includes(a));
if (unknown.length > 0) {
  process.stderr.write(`fuzz: unknown argument ${unknown[0]} (the suites are ${SUITES.join(' and ')})\n`);
  process.exit(2);
}
const chosen = suites.length > 0 ? suites : SUITES;

const seconds = Number(process.env.FUZZ_SECONDS || 300);
const env = {
  ...process.env,
  FUZZ_CASES: process.env.FUZZ_CASES || '200000',
  FUZZ_SECONDS: String(seconds),
  FUZZ_BASE_SEED: process.env.FUZZ_BASE_SEED || String(Math.floor(Math.random() * 2 ** 32)),
};
const progressDir = mkdtempSync(join(tmpdir(), 'heapcli-fuzz-'));
env.FUZZ_PROGRESS = join(progressDir, 'progress');

process.stdout.write(`fuzz: ${chosen.join(' and ')}, up to ${env.FUZZ_CASES} cases or ${seconds} s each, base seed ${env.FUZZ_BASE_SEED}\n`);
const jest = spawn(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', ...chosen.map((s) => `__tests__/fuzz/${s}.fuzz.test.ts`)],
  { env, stdio: 'inherit', detached: true },
);

const watchdog = setTimeout(() => {
  process.stderr.write(`fuzz: still running ${seconds + 120} s after the start: a case hangs\n`);
  for (const suite of chosen) {
    try {
      process.stderr.write(`fuzz: ${readFileSync(`${env.FUZZ_PROGRESS}.${suite}`, 'utf8').trim()} (the case running when stopped)\n`);
    } catch {
      // That suite had not started.
    }
  }
  process.kill(-jest.pid, 'SIGKILL');
}, (seconds + 120) * 1000);

// jest runs in a process group of its own (so the watchdog can stop its workers too): pass Ctrl-C on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.kill(-jest.pid, signal));

jest.on('exit', (code, signal) => {
  clearTimeout(watchdog);
  rmSync(progressDir, { recursive: true, force: true });
  process.exitCode = code ?? (signal ? 1 : 0);
});
