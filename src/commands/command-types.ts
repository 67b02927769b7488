import type { ProfileAnalysis } from '../analysis/analysis.js';
import type { ReportOptions, ResolvedOptions } from '../analysis/options.js';
import type { Profile } from '../profile/model.js';
import type { MissingSpec } from './missing.js';
import type { SourceFiles } from './source/port.js';
import type { ActionOutcome, GraphicsPort } from './graphics.js';
import type { FlameTree } from '../analysis/flame-tree.js';

/** A command's arguments: settings for this command only, a regexp argument, an output file. */
export interface CommandArgs {
  readonly overrides: Partial<ReportOptions>;
  /** The first argument of commands that take one (`list re`), or of `help`. */
  readonly argument: string | null;
  readonly output: string | null;
}

/** What a command runs against. */
export interface CommandContext {
  readonly analysis: ProfileAnalysis;
  /** The options for this command: the session's, the line's arguments, then the row's rules (commandOptions); the sample type resolved. */
  readonly options: ResolvedOptions;
  /** Console (true) or one-shot report (false): defaults and headers differ. */
  readonly interactive: boolean;
  /** Where `list` reads source files. */
  readonly sources: SourceFiles;
  /** The snapshots `growth` ranks, when the session was given a series ([] otherwise). */
  readonly series: readonly Profile[];
  /** How graphs are drawn (Graphviz) and shown (browsers, viewers). */
  readonly graphics: GraphicsPort;
  /** The terminal the answer is drawn on, when the console can show a view (`flame`); absent when it is printed. */
  readonly screen?: { readonly columns: number };
}

/**
 * A report that is a file's bytes rather than text (pprof's `proto`, `callgrind`, `svg`...). Given
 * no file, it goes to stdout off a terminal and to `./profileNNN.<ext>` otherwise, as pprof's do.
 */
export interface BinaryReport {
  /** The file name's ending pprof gives it: `pb.gz` makes `profile001.pb.gz`. */
  readonly ext: string;
  /** The bytes, or a promise of them (a report that renders asynchronously); a rejection is the command's failure. */
  readonly bytes: Uint8Array | Promise<Uint8Array>;
}

/** A command's answer: report text for stdout, messages for stderr, and whether to leave. */
export interface CommandResult {
  readonly out: string;
  /** The report as a file's bytes (then `out` and `rest` are unused). */
  readonly binary?: BinaryReport;
  /** Something the command set going (a browser opening a graph): its outcome is printed when it settles. */
  readonly action?: Promise<ActionOutcome>;
  /** Report text that follows `out`, made as it is read, so a long report (`traces`) is never held whole. Iterate it once. */
  readonly rest?: Iterable<string>;
  readonly err: string;
  readonly quit?: boolean;
  readonly failed?: boolean;
  /** `flame`'s graph, for the terminal console to draw (plain data: it may come from a worker). */
  readonly flame?: FlameTree;
}

/**
 * A command's own option rules, as pprof keeps them in one switch: what it sets whatever the
 * session says, its row count when nodecount is -1, and where its arguments go.
 */
export interface CommandRules {
  /** Options set for this command whatever the session and the line say (list: lines, untrimmed). */
  readonly fixed?: Partial<ReportOptions>;
  /** nodecount when it is -1 (the default), in the console and as a one-shot flag; 0 is all. */
  readonly nodecount?: { readonly console: number; readonly oneShot: number };
  /** The line's focus/ignore arguments filter labels (tags): they become tagfocus/tagignore. */
  readonly argumentsFilterLabels?: true;
}

/** One command of the console and of the one-shot flags: a row of the command table. */
export interface CommandSpec {
  readonly name: string;
  /**
   * `report` commands take pprof's report arguments (count, regexps, -cum, >file); `missing` ones
   * are pprof's that heapcli lacks, and answer with what to use instead (`missing` says what).
   */
  readonly kind: 'report' | 'shell' | 'missing';
  readonly help: string;
  readonly usage: string;
  readonly detail?: string;
  readonly takesArgument?: 'required' | 'optional';
  /** The report's numbers are sums of samples alone: a one-shot run need not merge the profile (normalizeProfile). */
  readonly sumsOnly?: true;
  /** What a report's regexp arguments match, for completion: function names, or label keys (`tags`). */
  readonly completes?: 'functions' | 'label keys';
  readonly rules?: CommandRules;
  readonly missing?: MissingSpec;
  readonly run: (ctx: CommandContext, args: CommandArgs) => CommandResult;
}
