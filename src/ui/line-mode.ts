import { createInterface } from 'node:readline';
import type { Session } from '../session.js';
import { type ConsoleStreams, printResult } from './print-result.js';

/**
 * The console without a terminal: reads lines from a pipe and answers each as pprof does,
 * writing the `(pprof) ` prompt to stdout before every line, so transcripts read alike.
 */
export async function runLineMode(session: Session, io: ConsoleStreams): Promise<void> {
  io.stderr.write(session.greeting());
  const lines = createInterface({ input: io.input, crlfDelay: Infinity, terminal: false });
  session.prepareFirstReport();
  io.stdout.write('(pprof) ');
  for await (const line of lines) {
    const result = session.execute(line);
    await printResult(result, io);
    if (result.quit) break;
    io.stdout.write('(pprof) ');
  }
  lines.close();
}
