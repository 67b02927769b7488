/**
 * Reports that open in another program (`kcachegrind`; the graphs' `web`, `eog`, ... can take the
 * same path): the bytes go to a new temporary file (`pprofNNN.<ext>` in the temporary folder, as
 * pprof names it), and the first viewer command that starts gets its path. A one-shot run waits
 * for the viewer and fails with it; a console lets it run and goes on. When no viewer starts,
 * pprof's error line comes with where the file is, which pprof deletes (heapcli keeps it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { BinaryReport } from '../commands/table.js';
import { FileWriteError, writeNewFile } from './whole-file.js';
import { binaryBytes, type BinaryOutcome } from './binary-output.js';

/** pprof tries the numbers 001 to 9999 before it gives up on a name. */
const MAX_INDEX = 9999;

/** How the viewer is run: waited for (one-shot) or left running (console); where the file goes. */
export interface ViewerSettings {
  readonly wait: boolean;
  /** The temporary folder (default: os.tmpdir()). */
  readonly dir?: string;
  /** The viewer's environment, where its command is looked up (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Writes the report to a temporary file and opens it with the first of `viewers` that starts. */
export async function openInViewer(binary: BinaryReport, viewers: readonly string[], settings: ViewerSettings): Promise<BinaryOutcome> {
  const data = await binaryBytes(binary.bytes);
  if ('failure' in data) return { err: `${data.failure}\n`, failed: true };
  let path: string | null;
  try {
    path = writeNewFile(settings.dir ?? tmpdir(), tempNames(binary.ext), data);
  } catch (err) {
    if (err instanceof FileWriteError) return { err: `heapcli: ${err.message}\n`, failed: true };
    throw err;
  }
  if (path === null) return { err: `could not create file of the form pprof001.${binary.ext}\n`, failed: true };
  let failure = '';
  for (const viewer of viewers) {
    const [command, ...args] = viewer.split(' ');
    if (!command) continue;
    const started = await start(command, [...args, path], settings.env);
    if ('error' in started) {
      failure = started.error;
      continue;
    }
    if (!settings.wait) {
      started.child.unref();
      return { err: '', failed: false };
    }
    const status = await started.exited;
    return status === 0 ? { err: '', failed: false } : { err: `exit status ${status}\n`, failed: true };
  }
  return { err: `${failure}\nheapcli: the report is in ${path}\n`, failed: true };
}

/** A started viewer (its exit status to come), or why it did not start, in Go's words. */
async function start(
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; exited: Promise<number> } | { error: string }> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: env ?? process.env, detached: false });
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return new Promise((resolve) => {
    child.once('spawn', () => resolve({ child, exited }));
    child.once('error', (err: NodeJS.ErrnoException) => {
      const reason = err.code === 'ENOENT' ? 'executable file not found in $PATH' : err.message;
      resolve({ error: `exec: ${JSON.stringify(command)}: ${reason}` });
    });
  });
}

/** `pprof001.<ext>` to `pprof9999.<ext>`, in order. */
function* tempNames(ext: string): Generator<string> {
  for (let index = 1; index <= MAX_INDEX; index++) yield `pprof${String(index).padStart(3, '0')}.${ext}`;
}
