import { ProfileAnalysis } from './analysis/analysis.js';
import { DEFAULT_OPTIONS, type ReportOptions, type ResolvedOptions } from './analysis/options.js';
import { applyAssignment } from './commands/assign.js';
import { parseCommand, parseLine, type Assignment, type ParsedLine } from './commands/parse.js';
import type { BinaryReport, CommandResult } from './commands/command-types.js';
import { commandOptions } from './commands/command-options.js';
import { NO_SOURCE_FILES, type SourceFiles } from './commands/source/port.js';
import { type ActionOutcome, type GraphicsPort, NO_GRAPHICS } from './commands/graphics.js';
import { consoleGreeting } from './format/greeting.js';
import type { Profile } from './profile/model.js';
import type { FlameTree } from './analysis/flame-tree.js';

/** What one line of input produced: text for stdout and stderr, a file to write, whether to leave. */
export interface ExecResult {
  readonly out: string;
  /** Report text that follows `out`, made as it is read, so a long report (`traces`) is never held whole. Iterate it once. */
  readonly rest?: Iterable<string>;
  readonly err: string;
  readonly quit: boolean;
  /** True when the line failed (bad syntax, bad value, a report that could not run). */
  readonly failed?: boolean;
  /**
   * A report redirected with `>file`: the caller writes it (the session does no I/O), `text` first,
   * then each chunk of `rest` (iterated once, as ExecResult's own).
   */
  readonly file?: {
    readonly path: string;
    readonly text: string;
    readonly rest?: Iterable<string>;
    readonly bytes?: BinaryReport['bytes'];
  };
  /**
   * A binary report (`proto`) with no file named: the caller writes it to stdout when that is not a
   * terminal (one-shot), else to the first free `./profileNNN.<ext>`, saying `Generating report in ...`.
   */
  readonly binary?: BinaryReport;
  /** Something the command set going (a browser opening a graph): the caller prints its outcome when it settles. */
  readonly action?: Promise<ActionOutcome>;
  /** `flame`'s graph, when the line was run for a terminal that can show it (`execute`'s `screen`). */
  readonly flame?: FlameTree;
}

/** How a session runs: as the console (compact headers, `top` = 10 rows) or one-shot. */
export interface SessionSettings {
  readonly interactive: boolean;
  readonly options?: Partial<ReportOptions>;
  /** Called during long commands; throwing `Interrupted` stops the command. */
  readonly checkpoint?: () => void;
  /** Where `list` reads source files (none when not given). */
  readonly sources?: SourceFiles;
  /** Snapshots of one program over time, for `growth` (none when not given). */
  readonly series?: readonly Profile[];
  /** How graphs are drawn and shown (none when not given). */
  readonly graphics?: GraphicsPort;
}

/** A session's settings and the option flags to apply at once (`-sample_index=...`), in order. */
export interface SessionStart extends SessionSettings {
  readonly assignments?: readonly Assignment[];
}

/** A session opened, or the first option flag it refused (pprof's message; the session is dropped). */
export type Opened = { readonly session: Session; readonly failure: null } | { readonly session: null; readonly failure: string };

/** Thrown by a checkpoint to stop a running command; the session answers `interrupted`. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** One loaded profile and the options set on it; `execute` answers a command line. */
export class Session {
  readonly analysis: ProfileAnalysis;
  private settings: ReportOptions;
  /** `settings.sample_index` resolved: set with it, read by every report. */
  private sampleIndex: number;

  constructor(
    profile: Profile,
    private readonly mode: SessionSettings,
  ) {
    this.analysis = new ProfileAnalysis(profile, mode.checkpoint);
    this.settings = { ...DEFAULT_OPTIONS, compact_labels: mode.interactive, ...mode.options };
    this.sampleIndex = this.analysis.sampleIndexOf(this.settings.sample_index);
  }

  /**
   * Every entry point's way in (the one-shot CLI, the consoles, the worker, -growth, -watch): a
   * session on `profile` with the option flags applied in order, or the first one refused.
   */
  static open(profile: Profile, start: SessionStart): Opened {
    const session = new Session(profile, start);
    for (const assignment of start.assignments ?? []) {
      const failure = session.configure(assignment);
      if (failure !== null) return { session: null, failure };
    }
    return { session, failure: null };
  }

  /** The snapshots `growth` ranks ([] unless the session was given a series). */
  get series(): readonly Profile[] {
    return this.mode.series ?? [];
  }

  /** The current options (a copy). */
  get options(): ReportOptions {
    return { ...this.settings };
  }

  /**
   * Runs one console line. Errors never change the options and never throw. `screen`: the line
   * comes from a terminal console that can show views (`flame`) this many columns wide.
   */
  execute(line: string, screen?: { readonly columns: number }): ExecResult {
    return this.run(parseLine(line, this.analysis.sampleTypeNames), screen);
  }

  /** Applies one option setting (a command-line flag); returns pprof's error message, or null. */
  configure(assignment: Assignment): string | null {
    const result = this.assign([assignment]);
    return result.failed ? result.err.trimEnd() : null;
  }

  /** Runs a command given as tokens (the one-shot flags' path), e.g. `['top']`. */
  executeCommand(tokens: string[]): ExecResult {
    return this.run(parseCommand(tokens));
  }

  /**
   * The options with `assignments` applied to a copy (the web UI's query), or pprof's error
   * message; the session's own options stay as they were.
   */
  optionsWith(assignments: readonly Assignment[]): ResolvedOptions | string {
    const [saved, savedIndex] = [this.settings, this.sampleIndex];
    try {
      const result = this.assign(assignments);
      return result.failed ? result.err.trimEnd() : this.resolved({ ...this.settings });
    } finally {
      [this.settings, this.sampleIndex] = [saved, savedIndex];
    }
  }

  /** Runs a command (tokens, as `executeCommand`) with `assignments` applied to a copy of the options. */
  executeWith(assignments: readonly Assignment[], tokens: string[]): ExecResult {
    const [saved, savedIndex] = [this.settings, this.sampleIndex];
    try {
      const result = this.assign(assignments);
      return result.failed ? result : this.executeCommand(tokens);
    } finally {
      [this.settings, this.sampleIndex] = [saved, savedIndex];
    }
  }

  /**
   * Prepares the current options' `top` (its node sums) before the console's first command, and
   * with `otherSampleTypes` those of the other sample types too (ProfileAnalysis.warm). A failure
   * (a bad focus regexp, Ctrl-C) is left for that command to meet and report.
   */
  prepareFirstReport(otherSampleTypes = false): void {
    try {
      this.analysis.warm(this.resolved(this.settings), otherSampleTypes);
    } catch {
      // The command that needs what failed here reports it.
    }
  }

  /** The console greeting: the profile's labels, a hint when the default type is empty, the banner. */
  greeting(): string {
    return consoleGreeting(this.analysis.profile, this.sampleIndex, this.settings.mean);
  }

  private run(parsed: ParsedLine, screen?: { readonly columns: number }): ExecResult {
    switch (parsed.kind) {
      case 'nothing':
        return { out: '', err: '', quit: false };
      case 'error':
        return { out: '', err: `${parsed.message}\n`, quit: false, failed: true };
      case 'assign':
        return this.assign(parsed.assignments);
      case 'command': {
        const { command, args } = parsed;
        const { interactive } = this.mode;
        const options = this.resolved(commandOptions(command.rules, this.settings, args.overrides, interactive));
        // pprof refuses every report when divide_by is 0, before making it.
        if (command.kind === 'report' && options.divide_by === 0)
          return { out: '', err: 'zero divisor specified\n', quit: false, failed: true };
        const context = {
          analysis: this.analysis,
          options,
          interactive,
          sources: this.mode.sources ?? NO_SOURCE_FILES,
          series: this.mode.series ?? [],
          graphics: this.mode.graphics ?? NO_GRAPHICS,
          screen,
        };
        const result = this.guard(() => command.run(context, args));
        // `>file` on the line, else the `output` option, sends a report to a file (pprof's way).
        const output = command.kind === 'report' ? (args.output ?? (options.output || null)) : null;
        // A graph shown in a viewer is no report to write (pprof's web ignores -output too).
        if (output === null || result.failed || result.action) return { ...result, quit: result.quit ?? false };
        const file = result.binary
          ? { path: output, text: '', bytes: result.binary.bytes }
          : { path: output, text: result.out, rest: result.rest };
        return { out: '', err: `${result.err}Generating report in ${output}\n`, quit: false, file };
      }
    }
  }

  private assign(assignments: readonly Assignment[]): ExecResult {
    let err = '';
    for (const a of assignments) {
      try {
        const assigned = applyAssignment(this.settings, a, this.analysis.profile);
        this.settings = assigned.options;
        if (assigned.sampleIndex !== undefined) this.sampleIndex = assigned.sampleIndex;
      } catch (e) {
        err += `${(e as Error).message}\n`;
      }
    }
    return { out: '', err, quit: false, failed: err !== '' };
  }

  /** `options` with the session's resolved sample type. */
  private resolved(options: ReportOptions): ResolvedOptions {
    return { ...options, sampleIndex: this.sampleIndex };
  }

  /** Runs a command, turning any failure into its one-line message. */
  private guard(run: () => CommandResult): CommandResult {
    try {
      return run();
    } catch (e) {
      return { out: '', err: `${(e as Error).message}\n`, failed: true };
    }
  }
}
