import { parentPort, workerData } from 'node:worker_threads';
import { type LoadPlan, loadFailureText, loadPlan } from '../inputs/plan.js';
import { SourceError } from '../inputs/inputs.js';
import { ProfileError } from '../profile/errors.js';
import type { Assignment } from '../commands/parse.js';
import { Interrupted, Session } from '../session.js';
import { type ViewScreen, consoleInfo, greetingFor, settleFileResult } from './runner.js';
import type { FlameTree } from '../analysis/flame-tree.js';
import { diskSourceFiles } from '../host/source-files.js';
import { systemGraphics } from '../host/graphics.js';

/** What the console's worker thread is started with. */
export interface WorkerStart {
  /** The files or URLs to load, and the bases to subtract. */
  readonly plan: LoadPlan;
  readonly assignments: readonly Assignment[];
  /** One Int32: the id of the command the main thread asks to stop (0: none). */
  readonly interrupt: SharedArrayBuffer;
}

/** Messages to the worker: run a line, send the next batch of a report's rest, or drop that rest. */
export type WorkerRequest =
  | { readonly type: 'run'; readonly id: number; readonly line: string; readonly screen?: ViewScreen }
  | { readonly type: 'more'; readonly id: number }
  | { readonly type: 'drop'; readonly id: number };

/** A command's answer without its rest, which follows in `chunk` messages when `streams` is set. */
export interface WorkerResult {
  readonly out: string;
  readonly err: string;
  readonly quit: boolean;
  readonly failed?: boolean;
  /** `flame`'s graph, pruned to what the screen can show: plain data, copied to the console's thread. */
  readonly flame?: FlameTree;
}

/** Messages from the worker. */
export type WorkerMessage =
  | { readonly type: 'ready'; readonly info: ReturnType<typeof consoleInfo> }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly result: WorkerResult; readonly streams: boolean }
  | { readonly type: 'chunk'; readonly id: number; readonly text: string; readonly done: boolean }
  | { readonly type: 'chunk-failed'; readonly id: number; readonly message: string };

/** How much of a report's rest one message carries, at most about. */
const BATCH_CHARS = 256 * 1024;

// The console's session lives here, off the console's thread, so that the spinner turns and Ctrl-C
// is heard while a command runs: the command checks the shared flag as it goes.
const start = workerData as WorkerStart;
const flag = new Int32Array(start.interrupt);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
/** The command being run or streamed; -1 while warming up, when any request to stop counts. */
let current = -1;
let streaming: { id: number; chunks: Iterator<string> } | null = null;

const checkpoint = () => {
  const asked = Atomics.load(flag, 0);
  if (asked !== 0 && (current === -1 || asked === current)) throw new Interrupted();
};

/** Sends the next batch of the report's rest, or its end, or why it stopped. */
function sendMore(id: number): void {
  if (streaming?.id !== id) return;
  current = id;
  let text = '';
  try {
    for (;;) {
      const next = streaming.chunks.next();
      if (next.done) {
        streaming = null;
        return post({ type: 'chunk', id, text, done: true });
      }
      text += next.value;
      if (text.length >= BATCH_CHARS) return post({ type: 'chunk', id, text, done: false });
    }
  } catch (err) {
    streaming = null;
    post({ type: 'chunk-failed', id, message: (err as Error).message });
  }
}

async function handle(session: Session, request: WorkerRequest): Promise<void> {
  if (request.type === 'more') return sendMore(request.id);
  if (streaming !== null) {
    // A new line or a drop ends the rest still being read.
    streaming.chunks.return?.();
    streaming = null;
  }
  if (request.type === 'drop') return;
  current = request.id;
  const { rest, ...result } = await settleFileResult(session.execute(request.line, request.screen));
  if (rest) streaming = { id: request.id, chunks: rest[Symbol.iterator]() };
  post({
    type: 'result',
    id: request.id,
    result: { out: result.out, err: result.err, quit: result.quit, failed: result.failed, flame: result.flame },
    streams: rest !== undefined,
  });
}

try {
  // A URL is fetched here too, so the spinner turns meanwhile; pprof's notices (Fetching ...,
  // Saved profile in ...) are shown above the greeting, where pprof prints them.
  const notices: string[] = [];
  const { profile, series, merged } = await loadPlan(start.plan, (line) => notices.push(line));
  const { session, failure } = Session.open(profile, {
    interactive: true,
    series,
    sources: diskSourceFiles(process.env),
    graphics: systemGraphics(process.env),
    checkpoint,
    assignments: start.assignments,
  });
  if (failure !== null) post({ type: 'failed', message: `heapcli: ${failure}` });
  else {
    const info = consoleInfo(session);
    post({ type: 'ready', info: { ...info, greeting: greetingFor(info, notices, merged) } });
    parentPort!.on('message', (request: WorkerRequest) => void handle(session, request));
    // While the user types the first command (a line sent meanwhile waits for it): the first
    // `top`, and the other sample types a user flips to with sample_index. Ctrl-C stops it.
    session.prepareFirstReport(true);
  }
} catch (err) {
  // A profile that cannot be read is reported as the one-shot CLI reports it (pprof's words).
  const known = err instanceof SourceError || err instanceof ProfileError;
  post({ type: 'failed', message: known ? loadFailureText(err).trimEnd() : `heapcli: ${(err as Error).message}` });
}
