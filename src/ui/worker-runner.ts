import { Worker } from 'node:worker_threads';
import type { LoadPlan } from '../sources/plan.js';
import type { Assignment } from '../commands/parse.js';
import type { ExecResult } from '../session.js';
import type { ConsoleInfo, SessionRunner } from './runner.js';
import type { WorkerMessage, WorkerStart } from './session-worker.js';

/** A runner whose session lives in a worker thread, so long commands can be interrupted. */
class WorkerRunner implements SessionRunner {
  private nextId = 0;
  private readonly waiting = new Map<number, (result: ExecResult) => void>();

  constructor(
    private readonly worker: Worker,
    private readonly flag: Int32Array,
  ) {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type !== 'result') return;
      this.waiting.get(message.id)?.(message.result);
      this.waiting.delete(message.id);
    });
    // A worker that dies (out of memory, say) answers what it owed, so the console is never stuck.
    const stopped = (why: string) => {
      for (const resolve of this.waiting.values()) resolve({ out: '', err: `heapcli: the session stopped: ${why}\n`, quit: true, failed: true });
      this.waiting.clear();
    };
    worker.on('error', (err) => stopped(err.message));
    worker.on('exit', (code) => stopped(`exit code ${code}`));
  }

  execute(line: string): Promise<ExecResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, line });
    });
  }

  interrupt(): void {
    Atomics.store(this.flag, 0, 1);
  }

  close(): void {
    void this.worker.terminate();
  }
}

/**
 * Loads the plan's profiles (files or URLs) in a worker thread and resolves once the session is ready;
 * rejects with the one-line message (`heapcli: FILE: reason`, `heapcli: URL: reason`) when the
 * profile cannot be loaded.
 */
export function startWorkerSession(plan: LoadPlan, assignments: readonly Assignment[]): Promise<{ runner: SessionRunner; info: ConsoleInfo }> {
  const interrupt = new SharedArrayBuffer(4);
  const start: WorkerStart = { plan, assignments, interrupt };
  const worker = new Worker(new URL('./session-worker.js', import.meta.url), { workerData: start });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: WorkerMessage) => {
      if (message.type === 'ready') resolve({ runner: new WorkerRunner(worker, new Int32Array(interrupt)), info: message.info });
      else {
        void worker.terminate();
        reject(new Error(message.type === 'failed' ? message.message : 'heapcli: the session did not start'));
      }
    });
    worker.once('error', (err) => reject(new Error(`heapcli: ${err.message}`)));
  });
}
