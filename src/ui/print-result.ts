import { EventEmitter, once } from 'node:events';
import type { ExecResult } from '../session.js';
import { binaryBytes, saveNumbered, writeBinaryFile } from '../host/binary-output.js';

/** Somewhere text is written: a stream, or a one-shot report's writer. */
export interface TextOut {
  /**
   * Writes `text`. A promise, or `false` from a stream (its buffer is full: wait for 'drain'), asks
   * the writer of a long report to wait before the next chunk, so the report is never queued whole.
   */
  write(text: string | Uint8Array): unknown;
}

/** Where the console writes: stdout for reports and the prompt, stderr for the rest. */
export interface ConsoleStreams {
  readonly input: NodeJS.ReadableStream;
  readonly stdout: TextOut;
  readonly stderr: TextOut;
  /** Writes a `>file` report, `text` then each chunk of `rest`; returns an error message or null. */
  readonly writeFile: (path: string, text: string, rest?: Iterable<string>) => string | null;
  /**
   * Whether a binary report with no file named goes to stdout (a one-shot run whose stdout is not
   * a terminal); otherwise, and always in a console, it goes to `./profileNNN.<ext>` as pprof's does.
   */
  readonly binaryToStdout?: boolean;
}

/** Writes `text` to `out`, then waits if `out` asks for it (see TextOut.write). */
export async function writeWaiting(out: TextOut, text: string | Uint8Array): Promise<void> {
  const answer = out.write(text);
  if (answer instanceof Promise) await answer;
  // events.once rejects on 'error', so a stream that fails while full does not leave us waiting.
  else if (answer === false && out instanceof EventEmitter) await once(out, 'drain');
}

/**
 * Prints a command's answer, a streamed report chunk by chunk, and writes a redirected report to
 * its file. Resolves to false when making the streamed text or writing the file failed (the
 * message goes to stderr), so a one-shot run exits 1 as pprof does; a console goes on.
 */
export async function printResult(result: ExecResult, io: ConsoleStreams): Promise<boolean> {
  if (result.err) io.stderr.write(result.err);
  if (result.out) await writeWaiting(io.stdout, result.out);
  const failure = result.rest ? await writeChunks(result.rest, io.stdout) : null;
  if (failure) {
    io.stderr.write(`${failure.message}\n`);
    return false;
  }
  if (result.binary) return printBinary(result.binary, io);
  if (result.action) {
    const outcome = await result.action;
    if (outcome.err) io.stderr.write(outcome.err);
    return !outcome.failed;
  }
  if (result.file) {
    const { path, text, rest, bytes } = result.file;
    const problem = bytes !== undefined ? await writeBinaryFile(path, bytes) : io.writeFile(path, text, rest);
    if (problem) {
      io.stderr.write(`${problem}\n`);
      return false;
    }
  }
  return true;
}

/** Writes a binary report that names no file: to stdout when allowed, else to `./profileNNN.<ext>`. */
async function printBinary(binary: NonNullable<ExecResult['binary']>, io: ConsoleStreams): Promise<boolean> {
  if (!io.binaryToStdout) {
    const saved = await saveNumbered(binary);
    io.stderr.write(saved.err);
    return !saved.failed;
  }
  const bytes = await binaryBytes(binary.bytes);
  if ('failure' in bytes) {
    io.stderr.write(`${bytes.failure}\n`);
    return false;
  }
  await writeWaiting(io.stdout, bytes);
  return true;
}

/** Writes each chunk of `rest` as it is made; returns the error that stopped making them, if any. */
async function writeChunks(rest: Iterable<string>, out: TextOut): Promise<Error | null> {
  const chunks = rest[Symbol.iterator]();
  for (;;) {
    let step: IteratorResult<string>;
    try {
      step = chunks.next();
    } catch (err) {
      return err as Error;
    }
    if (step.done) return null;
    await writeWaiting(out, step.value);
  }
}
