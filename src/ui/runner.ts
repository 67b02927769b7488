import type { ExecResult, Session } from '../session.js';

/** What the console shows and completes from once a profile is loaded. */
export interface ConsoleInfo {
  readonly greeting: string;
  readonly sampleTypes: readonly string[];
  readonly functionNames: readonly string[];
}

/** Runs console lines against a session, here or in a worker thread. */
export interface SessionRunner {
  /** Runs one line. */
  execute(line: string): Promise<ExecResult>;
  /** Asks a running command to stop (Ctrl-C); its answer is then `interrupted`. */
  interrupt(): void;
  /** Releases the runner. */
  close(): void;
}

/** The console's view of a loaded session. */
export function consoleInfo(session: Session): ConsoleInfo {
  return {
    greeting: session.greeting(),
    sampleTypes: session.analysis.sampleTypeNames,
    functionNames: session.analysis.functionNames(),
  };
}

/** A runner on this thread: commands cannot be interrupted, which tests and small profiles do not need. */
export class InProcessRunner implements SessionRunner {
  constructor(private readonly session: Session) {}

  execute(line: string): Promise<ExecResult> {
    return Promise.resolve(this.session.execute(line));
  }

  interrupt(): void {}

  close(): void {}
}
