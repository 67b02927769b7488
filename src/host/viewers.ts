/**
 * Showing a file in a program, as pprof's web, eog, evince and gv do: the file is saved in the
 * temporary folder, then each candidate program is started in turn until one starts.
 */
import { spawn } from 'node:child_process';
import { openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionOutcome, Viewers } from '../commands/graphics.js';

/** Saves `bytes` as `heapcliNNN.<suffix>` in the temporary folder and opens it with the first of `viewers` that starts. */
export async function viewFile(
  bytes: Promise<Uint8Array>,
  suffix: string,
  viewers: Viewers,
  wait: boolean,
  env: NodeJS.ProcessEnv,
): Promise<ActionOutcome> {
  let data: Uint8Array;
  try {
    data = await bytes;
  } catch (e) {
    return { err: `${(e as Error).message}\n`, failed: true };
  }
  let path: string;
  try {
    path = saveTemporary(data, suffix, env);
  } catch (e) {
    return { err: `heapcli: ${(e as Error).message}\n`, failed: true };
  }
  const programs = viewers === 'browsers' ? browsers(env) : viewers;
  for (const program of programs) {
    const [command, ...args] = program.split(' ').filter((part) => part !== '');
    if (command === undefined) continue;
    const started = await start(command, [...args, path], env, wait);
    if (started) return { err: '', failed: false };
  }
  // No browser (an SSH session): the file is there to copy or open by hand.
  if (viewers === 'browsers') return { err: `no web browser to open it with (set $BROWSER); the file is ${path}\n`, failed: false };
  return { err: `could not start ${programs.join(', ')}; the file is ${path}\n`, failed: true };
}

/** The browsers pprof tries, in its order: $BROWSER, then the system's opener or the usual browsers. */
export function browsers(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  const list = env.BROWSER ? [env.BROWSER] : [];
  if (platform === 'darwin') return [...list, '/usr/bin/open'];
  if (platform === 'win32') return [...list, 'cmd /c start'];
  list.push('chrome', 'google-chrome', 'chromium', 'firefox', 'sensible-browser');
  // xdg-open only works in a desktop session.
  if (env.DISPLAY) list.push('xdg-open');
  return list;
}

/** The first free `heapcliNNN.<suffix>` in the temporary folder, with `data` in it; its path. */
function saveTemporary(data: Uint8Array, suffix: string, env: NodeJS.ProcessEnv): string {
  const dir = env.TMPDIR || tmpdir();
  for (let index = 1; index < 10000; index++) {
    const path = join(dir, `heapcli${String(index).padStart(3, '0')}.${suffix}`);
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    return path;
  }
  throw new Error(`could not create a file of the form ${join(dir, `heapcli001.${suffix}`)}`);
}

/** Starts `command`; resolves true once it runs (after it ends, with `wait`), false when it cannot start. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, wait: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: 'ignore', detached: !wait });
    child.on('error', () => resolve(false));
    child.on('spawn', () => {
      if (!wait) {
        child.unref();
        resolve(true);
      } else child.on('exit', () => resolve(true));
    });
  });
}
