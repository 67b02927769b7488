import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { LoadPlan } from '../inputs/plan.js';
import type { Assignment } from '../commands/parse.js';
import type { ConsoleInfo, ConsoleResult, SessionRunner, ViewScreen } from './runner.js';
import type { WorkerMessage, WorkerRequest, WorkerStart } from './session-worker.js';

/** One batch of a report's rest as it arrives: text, the end, or why it stopped. */
type Batch = { readonly text: string; readonly done: boolean } | { readonly failure: string };

/** A runner whose session lives in a worker thread, so long commands can be interrupted. */
class WorkerRunner implements SessionRunner {
  private nextId = 1;
  /** The command whose answer or rest is awaited (0: none). */
  private active = 0;
  private answer: ((result: ConsoleResult) => void) | null = null;
  /** The batch of a report's rest asked for and not yet come (one at most). */
  private waitingBatch: ((batch: Batch) => void) | null = null;
  private stoppedWhy: string | null = null;

  constructor(
    private readonly worker: Worker,
    private readonly flag: Int32Array,
  ) {
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    // A worker that dies (out of memory, say) answers what it owed: the console says so and ends.
    worker.on('error', (err) => this.stopped(err.message));
    worker.on('exit', (code) => this.stopped(`exit code ${code}`));
  }

  execute(line: string, screen?: ViewScreen): Promise<ConsoleResult> {
    if (this.stoppedWhy !== null) return Promise.resolve(this.failure());
    const id = this.nextId++;
    this.active = id;
    Atomics.store(this.flag, 0, 0);
    return new Promise((resolve) => {
      this.answer = resolve;
      this.send({ type: 'run', id, line, screen });
    });
  }

  interrupt(): void {
    if (this.active !== 0) Atomics.store(this.flag, 0, this.active);
  }

  close(): void {
    void this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'result' && message.id === this.active) {
      const answer = this.answer;
      this.answer = null;
      answer?.({ ...message.result, rest: message.streams ? this.restOf(message.id) : undefined });
    } else if (message.type === 'chunk' && message.id === this.active) {
      this.takeBatch({ text: message.text, done: message.done });
    } else if (message.type === 'chunk-failed' && message.id === this.active) {
      this.takeBatch({ failure: message.message });
    }
  }

  private takeBatch(batch: Batch): void {
    const resolve = this.waitingBatch;
    this.waitingBatch = null;
    resolve?.(batch);
  }

  /**
   * The rest of command `id`'s report, read a batch ahead: the worker makes the next batch while
   * the console prints this one, and no more than two are ever held. Leaving the loop early (Ctrl-C)
   * tells the worker to drop the rest.
   */
  private async *restOf(id: number): AsyncGenerator<string> {
    let finished = false;
    try {
      let coming = this.requestBatch(id);
      for (;;) {
        const batch = await coming;
        if ('failure' in batch) throw new Error(batch.failure);
        if (batch.done) {
          finished = true;
          if (batch.text) yield batch.text;
          return;
        }
        coming = this.requestBatch(id);
        yield batch.text;
      }
    } finally {
      if (!finished && this.stoppedWhy === null) this.send({ type: 'drop', id });
      if (this.active === id) {
        // A batch still on its way belongs to no one now.
        this.active = 0;
        this.waitingBatch = null;
      }
    }
  }

  private requestBatch(id: number): Promise<Batch> {
    if (this.stoppedWhy !== null) return Promise.resolve({ failure: this.stoppedWhy });
    return new Promise((resolve) => {
      this.waitingBatch = resolve;
      this.send({ type: 'more', id });
    });
  }

  private send(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  private stopped(why: string): void {
    if (this.stoppedWhy !== null) return;
    this.stoppedWhy = `the session stopped: ${why}`;
    this.answer?.(this.failure());
    this.answer = null;
    this.takeBatch({ failure: this.stoppedWhy });
  }

  private failure(): ConsoleResult {
    return { out: '', err: `heapcli: ${this.stoppedWhy}\n`, quit: true, failed: true };
  }
}

/**
 * Loads the plan's profiles (files or URLs) in a worker thread and resolves once the session is ready;
 * rejects with the one-line message (`heapcli: FILE: reason`, `heapcli: URL: reason`) when the
 * profile cannot be loaded. `signal` stops the worker at once (Ctrl-C while a big profile loads or
 * a slow server sends one). `resourceLimits` bounds the worker's heaps (tests: a worker that runs
 * out of memory must end the console with one line).
 */
export function startWorkerSession(
  plan: LoadPlan,
  assignments: readonly Assignment[],
  signal?: AbortSignal,
  resourceLimits?: ResourceLimits,
): Promise<{ runner: SessionRunner; info: ConsoleInfo }> {
  const interrupt = new SharedArrayBuffer(4);
  const start: WorkerStart = { plan, assignments, interrupt };
  const worker = new Worker(new URL('./session-worker.js', import.meta.url), { workerData: start, resourceLimits });
  return new Promise((resolve, reject) => {
    const abandon = () => {
      void worker.terminate();
      reject(new Error('heapcli: interrupted'));
    };
    signal?.addEventListener('abort', abandon, { once: true });
    worker.once('message', (message: WorkerMessage) => {
      signal?.removeEventListener('abort', abandon);
      if (message.type === 'ready') resolve({ runner: new WorkerRunner(worker, new Int32Array(interrupt)), info: message.info });
      else {
        void worker.terminate();
        reject(new Error(message.type === 'failed' ? message.message : 'heapcli: the session did not start'));
      }
    });
    worker.once('error', (err) => reject(new Error(`heapcli: ${err.message}`)));
  });
}
