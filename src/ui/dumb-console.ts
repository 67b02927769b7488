import readlineSync from 'readline-sync';
import type { Session } from '../session.js';
import { type ConsoleStreams, printResult } from './print-result.js';

/**
 * The console on a terminal that cannot take Ink's cursor movement (TERM=dumb): a plain
 * synchronous prompt. Nothing else runs meanwhile, so readline-sync's blocking read is right here.
 * Printing is awaited: a streamed report (`traces`) waits for stdout between its chunks.
 */
export async function runDumbConsole(session: Session, io: ConsoleStreams): Promise<void> {
  io.stderr.write(session.greeting());
  session.prepareFirstReport();
  for (;;) {
    const line = readlineSync.question('(pprof) ', { keepWhitespace: true });
    const result = session.execute(line);
    await printResult(result, io);
    if (result.quit) return;
  }
}
