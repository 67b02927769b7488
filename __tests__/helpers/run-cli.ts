import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** A writable stream that collects what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs heapcli in-process with `args` and `input` on stdin. */
export async function runHeapcli(args: readonly string[], input = '', env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const stdin = Readable.from([input]);
  const status = await runCli(args, { stdin, stdout: stdout.stream, stderr: stderr.stream, env });
  return { stdout: stdout.text(), stderr: stderr.text(), status };
}
