import type { ExecResult } from '../session.js';

/** Somewhere text is written: a stream, or a one-shot report's writer. */
export interface TextOut {
  write(text: string): unknown;
}

/** Where the console writes: stdout for reports and the prompt, stderr for the rest. */
export interface ConsoleStreams {
  readonly input: NodeJS.ReadableStream;
  readonly stdout: TextOut;
  readonly stderr: TextOut;
  /** Writes a `>file` report; returns an error message or null. */
  readonly writeFile: (path: string, text: string) => string | null;
}

/** Prints a command's answer, writing a redirected report to its file. */
export function printResult(result: ExecResult, io: ConsoleStreams): void {
  if (result.err) io.stderr.write(result.err);
  if (result.out) io.stdout.write(result.out);
  if (result.file) {
    const failure = io.writeFile(result.file.path, result.file.text);
    if (failure) io.stderr.write(`${failure}\n`);
  }
}
