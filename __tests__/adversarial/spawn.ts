/** Runs the real executable (bin/heapcli.js, the built bundle) and lists what a run left on disk. */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What a run printed, how it ended, and how long it took. */
export interface SpawnedRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `heapcli args` with `env` added to this process's environment; `input` on stdin. */
export function spawnHeapcli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<SpawnedRun> {
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/heapcli.js', ...args], {
    env: { ...process.env, TZ: 'UTC', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr, ms: Date.now() - started })));
}

/** Every file and folder under `dir`, relative to it, sorted (empty when `dir` is missing). */
export function treeOf(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      found.push(relative(dir, join(at, entry.name)));
      if (entry.isDirectory()) walk(join(at, entry.name));
    }
  };
  walk(dir);
  return found.sort();
}
