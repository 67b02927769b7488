import { type ProfileCompletionData, profileCompletionData } from '../commands/completion-data.js';
import { Interrupted, type ExecResult, type Session } from '../session.js';
import { writeReportFile } from '../host/report-files.js';
import { saveNumbered, writeBinaryFile } from '../host/binary-output.js';
import type { FlameTree } from '../analysis/flame-tree.js';

/** The terminal a line is run for, when the console can show views (`flame`). */
export interface ViewScreen {
  readonly columns: number;
}

/** What the console shows and completes from once a profile is loaded (plain data: a worker posts it). */
export interface ConsoleInfo extends ProfileCompletionData {
  readonly greeting: string;
  readonly functionNames: readonly string[];
}

/** A command's answer as the console gets it: text now, and a long report's rest as it is made. */
export interface ConsoleResult {
  readonly out: string;
  readonly err: string;
  readonly quit: boolean;
  readonly failed?: boolean;
  /** The rest of a long report (`traces`), chunk by chunk; leaving the loop early stops it. */
  readonly rest?: AsyncIterable<string>;
  /** `flame`'s graph, to browse (only for a line run with a screen). */
  readonly flame?: FlameTree;
}

/** Runs console lines against a session, here or in a worker thread. */
export interface SessionRunner {
  /** Runs one line; a `>file` report is written before the answer comes. `screen`: views can be shown. */
  execute(line: string, screen?: ViewScreen): Promise<ConsoleResult>;
  /** Asks the running command, or the report being made, to stop (Ctrl-C). */
  interrupt(): void;
  /** Releases the runner. */
  close(): void;
}

/** The console's view of a loaded session. */
export function consoleInfo(session: Session): ConsoleInfo {
  return {
    ...profileCompletionData(session.analysis.profile),
    greeting: session.greeting(),
    sampleTypes: session.analysis.sampleTypeNames,
    functionNames: session.analysis.functionNames(),
  };
}

/**
 * The greeting of a console on what was loaded: pprof's notices first (fetches, a source that failed),
 * and when several profiles were merged, a line that says so (beyond pprof) before the banner's last line.
 */
export function greetingFor(info: ConsoleInfo, notices: readonly string[], merged: readonly string[]): string {
  const lines = info.greeting.split('\n');
  if (merged.length > 1) lines.splice(lines.length - 2, 0, `Merged ${merged.length} profiles: ${merged.join(' ')}`);
  return notices.map((line) => `${line}\n`).join('') + lines.join('\n');
}

/** A flag that Ctrl-C raises and a session's checkpoint reads: the session then throws Interrupted. */
export class InterruptFlag {
  private raised = false;

  /** Asks the work in progress to stop. */
  raise(): void {
    this.raised = true;
  }

  /** Forgets an earlier request (a new command starts). */
  lower(): void {
    this.raised = false;
  }

  /** The session's checkpoint: throws Interrupted once raised. */
  readonly check = (): void => {
    if (this.raised) throw new Interrupted();
  };
}

/**
 * Writes a `>file` report, or a binary one to `./profileNNN.<ext>` (the console never prints one),
 * waits for a viewer to start (`web`, `kcachegrind`), and returns the answer the console shows: the session's messages, with where the binary report
 * went or the failure to write added to them.
 */
export async function settleFileResult(result: ExecResult): Promise<ExecResult> {
  if (result.binary) {
    const { binary } = result;
    const saved = await saveNumbered(binary);
    return { out: '', err: result.err + saved.err, quit: result.quit, failed: result.failed || saved.failed };
  }
  if (result.action) {
    const outcome = await result.action;
    return { out: result.out, err: result.err + outcome.err, quit: result.quit, failed: result.failed || outcome.failed };
  }
  if (!result.file) return result;
  const { path, text, rest, bytes } = result.file;
  const failure = bytes !== undefined ? await writeBinaryFile(path, bytes) : writeReportFile(path, text, rest);
  return { out: '', err: failure ? `${result.err}${failure}\n` : result.err, quit: result.quit, failed: result.failed || failure !== null };
}

/** Turns a report's rest into chunks a `for await` reads; the session's own checkpoint stops it. */
export async function* chunksOf(rest: Iterable<string>): AsyncGenerator<string> {
  yield* rest;
}

/**
 * A runner on the console's own thread, for small profiles: each command takes milliseconds, and a
 * long report's rest is made between the pieces the console prints, so Ctrl-C still stops it.
 */
export class InProcessRunner implements SessionRunner {
  constructor(
    private readonly session: Session,
    private readonly flag = new InterruptFlag(),
  ) {}

  async execute(line: string, screen?: ViewScreen): Promise<ConsoleResult> {
    this.flag.lower();
    const result = await settleFileResult(this.session.execute(line, screen));
    return {
      out: result.out,
      err: result.err,
      quit: result.quit,
      failed: result.failed,
      rest: result.rest && chunksOf(result.rest),
      flame: result.flame,
    };
  }

  interrupt(): void {
    this.flag.raise();
  }

  close(): void {}
}
