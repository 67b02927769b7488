import { parentPort, workerData } from 'node:worker_threads';
import { type LoadPlan, loadPlan } from '../sources/plan.js';
import type { Assignment } from '../commands/parse.js';
import { Interrupted, Session, joinRest } from '../session.js';
import { consoleInfo } from './runner.js';
import { diskSourceFiles } from './source-files.js';

/** What the console's worker thread is started with. */
export interface WorkerStart {
  /** The files or URLs to load, and the bases to subtract. */
  readonly plan: LoadPlan;
  readonly assignments: readonly Assignment[];
  /** One Int32 the main thread sets to 1 to stop the running command. */
  readonly interrupt: SharedArrayBuffer;
}

/** Messages from the worker. */
export type WorkerMessage =
  | { readonly type: 'ready'; readonly info: ReturnType<typeof consoleInfo> }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly result: ReturnType<Session['execute']> };

// The console's session lives here, off the UI thread, so the spinner turns and Ctrl-C is heard
// while a command runs: the command checks the shared flag as it goes.
const start = workerData as WorkerStart;
const flag = new Int32Array(start.interrupt);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  // A URL is fetched here too, so the spinner turns meanwhile; pprof's notices (Fetching ...,
  // Saved profile in ...) are shown above the greeting, where pprof prints them.
  const notices: string[] = [];
  const { profile, series } = await loadPlan(start.plan, (line) => notices.push(line));
  const session = new Session(profile, {
    interactive: true,
    series,
    sources: diskSourceFiles(process.env),
    checkpoint: () => {
      if (Atomics.load(flag, 0) === 1) throw new Interrupted();
    },
  });
  const failure = start.assignments.map((a) => session.configure(a)).find((f) => f !== null);
  if (failure) post({ type: 'failed', message: `heapcli: ${failure}` });
  else {
    const info = consoleInfo(session);
    post({ type: 'ready', info: { ...info, greeting: notices.map((line) => `${line}\n`).join('') + info.greeting } });
    parentPort!.on('message', ({ id, line }: { id: number; line: string }) => {
      Atomics.store(flag, 0, 0);
      post({ type: 'result', id, result: joinRest(session.execute(line)) });
    });
    // While the user types the first command (a line sent meanwhile waits for it): the first
    // `top`, and the other sample types a user flips to with sample_index.
    session.prepareFirstReport(true);
  }
} catch (err) {
  const message = `heapcli: ${(err as Error).message}`;
  post({ type: 'failed', message });
}
