/**
 * Showing a report in another program, as pprof's web, weblist, eog, evince, gv and kcachegrind
 * do: the bytes go to a new temporary file (`pprofNNN.<suffix>`, as pprof names it, created
 * exclusively), and each candidate program is started in turn until one starts. A one-shot run
 * waits for it and fails with its exit status; a console lets it run and goes on. When none
 * starts, pprof's error line comes with where the file is (pprof deletes it; heapcli keeps it).
 */
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { ActionOutcome, Viewers } from '../commands/graphics.js';
import { childProcess } from './lazy-builtins.js';
import { FileWriteError, numberedNames, writeNewFile } from './whole-file.js';

/** Saves `bytes` as `pprofNNN.<suffix>` in the temporary folder and opens it with the first of `viewers` that starts. */
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
  const saved = saveTemporary(data, suffix, env);
  if ('failure' in saved) return { err: saved.failure, failed: true };
  const { path } = saved;
  let failure = '';
  for (const program of viewers === 'browsers' ? browsers(env) : viewers) {
    const [command, ...args] = program.split(' ').filter((part) => part !== '');
    if (command === undefined) continue;
    const started = await start(command, [...args, path], env, wait);
    if ('error' in started) {
      failure = started.error;
      continue;
    }
    if (!wait) return { err: '', failed: false };
    const status = await started.exited;
    return status === 0 ? { err: '', failed: false } : { err: `exit status ${status}\n`, failed: true };
  }
  // No browser (an SSH session): the file is there to copy or open by hand.
  if (viewers === 'browsers') return { err: `no web browser to open it with (set $BROWSER); the file is ${path}\n`, failed: false };
  return { err: `${failure}\nheapcli: the report is in ${path}\n`, failed: true };
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

/** The first free `pprofNNN.<suffix>` in the temporary folder, with `data` in it, or why there is none. */
function saveTemporary(data: Uint8Array, suffix: string, env: NodeJS.ProcessEnv): { path: string } | { failure: string } {
  try {
    const path = writeNewFile(env.TMPDIR || tmpdir(), numberedNames('pprof', suffix), data);
    return path === null ? { failure: `could not create file of the form pprof001.${suffix}\n` } : { path };
  } catch (err) {
    if (err instanceof FileWriteError) return { failure: `heapcli: ${err.message}\n` };
    throw err;
  }
}

/**
 * Starts a viewer: its exit status to come, or why it did not start, in Go's words. A viewer not
 * waited for runs detached, so it outlives the console.
 */
function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  wait: boolean,
): Promise<{ child: ChildProcess; exited: Promise<number> } | { error: string }> {
  const child = childProcess().spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'], detached: !wait });
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return new Promise((resolve) => {
    child.once('spawn', () => {
      if (!wait) child.unref();
      resolve({ child, exited });
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      const reason = err.code === 'ENOENT' ? 'executable file not found in $PATH' : err.message;
      resolve({ error: `exec: ${JSON.stringify(command)}: ${reason}` });
    });
  });
}
