/**
 * The public types of heapcli's library API. They stand alone (no internal module is named), so
 * the declarations the package ships are these and nothing else.
 */

/** A profile to open: a file path or URL (as on the command line), or the profile's bytes. */
export type ProfileInput = string | Uint8Array | ArrayBuffer;

/**
 * Report settings by pprof's option names, as the console's `name=value` takes them:
 * `{ sample_index: 'alloc_space', nodecount: 5, focus: 'main\\.', cum: true }`.
 */
export type ReportSettings = Readonly<Record<string, string | number | boolean>>;

/** How to open profiles. */
export interface OpenOptions {
  /** Profiles subtracted from the ones opened (`-base`). */
  readonly base?: ProfileInput | readonly ProfileInput[];
  /** Profiles to compare against, kept apart for percentages (`-diff_base`). */
  readonly diffBase?: ProfileInput | readonly ProfileInput[];
  /** Scale the base to the profile's total (`-normalize`). */
  readonly normalize?: boolean;
  /** Settings the session starts with, as `heapcli -sample_index=... -focus=...` gives them. */
  readonly settings?: ReportSettings;
  /** Fetch a delta profile over this many seconds (`-seconds`), for URLs. */
  readonly seconds?: number;
  /** Give up on a URL after this many seconds (`-timeout`). */
  readonly timeout?: number;
  /** The largest profile read, in bytes (`HEAPCLI_MAX_PROFILE`); default 2 GiB inflated. */
  readonly maxBytes?: number;
  /** Where `list` looks for source files; default the process's environment and working directory. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Receives what the console prints on stderr: fetch notices, warnings such as an unmatched focus. */
  readonly onMessage?: (line: string) => void;
}

/** One sample type of a profile, e.g. `{ type: 'inuse_space', unit: 'bytes' }`. */
export interface SampleType {
  readonly type: string;
  readonly unit: string;
}

/** Values in a report's table: in the sample type's unit (bytes, count, nanoseconds...), percentages of the total. */
export interface ValueRow {
  readonly name: string;
  readonly flat: number;
  readonly cum: number;
  readonly flatPercent: number;
  /** The running sum of flat down the table, as a percentage of the total. */
  readonly sumPercent: number;
  readonly cumPercent: number;
}

/** A row of `top`: `inline` is `(inline)`, `(partial-inline)` or ''. */
export interface TopRow extends ValueRow {
  readonly inline: string;
}

/** The `top` report as numbers: the same rows `heapcli -top` prints, in the same order. */
export interface TopTable {
  /** The sample type shown (`mean_` prefixed under mean) and its unit. */
  readonly type: string;
  readonly unit: string;
  /** The percentages' denominator. */
  readonly total: number;
  readonly rows: readonly TopRow[];
  /** Nodes dropped for being below nodefraction of the total (`Dropped N nodes`). */
  readonly droppedNodes: number;
  /** Nodes left after dropping, of which `rows` are the first nodecount (`out of M`). */
  readonly nodesAfterDrop: number;
  /** Messages the console prints on stderr (`Focus expression matched no samples`...). */
  readonly warnings: readonly string[];
}

/** A caller or callee of a `peek` entry: the edge's weight and its share of the entry's cum. */
export interface PeekEdge {
  readonly name: string;
  readonly weight: number;
  readonly percent: number;
  readonly inline: boolean;
}

/** One function `peek` matched, with its callers and callees. */
export interface PeekEntry extends ValueRow {
  readonly callers: readonly PeekEdge[];
  readonly callees: readonly PeekEdge[];
}

/** The `peek` report as numbers. */
export interface PeekTable {
  readonly type: string;
  readonly unit: string;
  readonly total: number;
  readonly entries: readonly PeekEntry[];
  readonly warnings: readonly string[];
}

/** One sampled source line of a listed function. */
export interface SourceLine {
  readonly line: number;
  readonly flat: number;
  readonly cum: number;
}

/** One function `list` matched, in one source file (a `ROUTINE` block). */
export interface ListedRoutine {
  readonly name: string;
  /** The file as `list` shows it (trim_path and source_path applied). */
  readonly file: string;
  readonly flat: number;
  readonly cum: number;
  /** The lines that have values, in line order. */
  readonly lines: readonly SourceLine[];
}

/** The `list` report as numbers. */
export interface ListTable {
  readonly type: string;
  readonly unit: string;
  readonly total: number;
  readonly routines: readonly ListedRoutine[];
  readonly warnings: readonly string[];
}

/** What a function's series of values says: see docs/growth.md. */
export type GrowthVerdict = 'leak?' | 'growing' | 'released' | 'churn' | 'flat';

/** One function followed through the snapshots, ranked by how steadily it grew. */
export interface GrowthRow {
  readonly name: string;
  readonly inline: string;
  /** In-use value at each snapshot, in time order (0 where absent). */
  readonly flat: readonly number[];
  readonly cum: readonly number[];
  readonly change: number;
  /** Steps (snapshot to next) that rose, out of `steps`. */
  readonly rising: number;
  readonly steps: number;
  /** Least-squares slope in the unit per second; null when the snapshots carry no times. */
  readonly slopePerSecond: number | null;
  readonly verdict: GrowthVerdict;
  readonly score: number;
}

/** The `growth` report as numbers. */
export interface GrowthTable {
  readonly type: string;
  readonly unit: string;
  readonly snapshots: number;
  /** False when some snapshot has no time: the order is the one given and there are no slopes. */
  readonly timed: boolean;
  readonly rankedBy: 'flat' | 'cum';
  readonly rows: readonly GrowthRow[];
  readonly warnings: readonly string[];
}
