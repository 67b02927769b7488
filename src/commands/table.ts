import type { ProfileAnalysis } from '../analysis/analysis.js';
import type { ReportOptions } from '../analysis/options.js';
import type { CommandArgs } from './parse.js';
import { helpText, optionsListing } from './help.js';
import { GROWTH_DETAIL, runGrowth } from './report-growth.js';
import { runList } from './report-list.js';
import { runPeek, runTree } from './report-peek.js';
import { runComments, runTags, runTraces } from './report-traces.js';
import { MISSING, missingNote, type MissingSpec } from './missing.js';
import { runRaw, runTop } from './reports.js';
import { runDot } from './report-graph.js';
import { imageCommand, runDisasm, runSvg, runWeb, runWeblist, viewerCommand } from './report-views.js';
import { EXPORT_DETAIL as EXPORT, FILE_REPORT_USAGE as FILE_USAGE, runCallgrind, runKcachegrind, runProto, runTopProto } from './report-export.js';
import type { SourceFiles } from './source/port.js';
import type { ActionOutcome, GraphicsPort } from './graphics.js';
import type { Profile } from '../profile/model.js';
import type { FlameTree } from '../analysis/flame-tree.js';
import { FLAME_DETAIL, runFlame } from './report-flame.js';

/** What a command runs against. */
export interface CommandContext {
  readonly analysis: ProfileAnalysis;
  /** The options for this command (the session's, with the command line's overrides). */
  readonly options: ReportOptions;
  /** The session's options before this line's overrides (`tags` routes its arguments around them). */
  readonly sessionOptions: ReportOptions;
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
  /**
   * Commands that open the report (pprof's visualizers: `kcachegrind`), tried in order, each split
   * on spaces and given the file's path last. Given no file, the report then goes to a temporary
   * file opened with the first that starts, rather than to stdout or `./profileNNN.<ext>`.
   */
  readonly viewers?: readonly string[];
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

/** One command of the console and of the one-shot flags. */
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
  readonly missing?: MissingSpec;
  readonly run: (ctx: CommandContext, args: CommandArgs) => CommandResult;
}

const REPORT_USAGE = '[n] [focus_regex]* [-ignore_regex]* [-cum] [>file]';
const REPORT_DETAIL = [
  'n: number of entries to show (default 10 in the console, all as a one-shot flag)',
  'focus_regex: show only samples going through a function matching it',
  '-ignore_regex: leave out samples going through a function matching it',
  '-cum: sort by cumulative weight',
  '>file: write the report to file',
].join('\n');

/** A command drawing the call graph: top's arguments, and functions to complete. */
const graph = (name: string, help: string, run: CommandSpec['run']): CommandSpec => ({ name, kind: 'report', help, usage: REPORT_USAGE, completes: 'functions', run });

/** The call graph's outputs, as pprof names and describes them. */
const GRAPH_COMMANDS: CommandSpec[] = [
  graph('dot', 'Outputs a graph in DOT format', runDot),
  graph('svg', 'Outputs a graph in SVG format', runSvg),
  graph('png', 'Outputs a graph image in PNG format', imageCommand('png')),
  graph('gif', 'Outputs a graph image in GIF format', imageCommand('gif')),
  graph('pdf', 'Outputs a graph in PDF format', imageCommand('pdf')),
  graph('ps', 'Outputs a graph in PS format', imageCommand('ps')),
  graph('web', 'Visualize graph through web browser', runWeb),
  graph('eog', 'Visualize graph through eog', viewerCommand('svg', 'eog')),
  graph('evince', 'Visualize graph through evince', viewerCommand('pdf', 'evince')),
  graph('gv', 'Visualize graph through gv', viewerCommand('ps', 'gv --noantialias')),
  {
    name: 'weblist', kind: 'report', help: 'Display annotated source in a web browser (source only: no disassembly)',
    usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]', takesArgument: 'required', completes: 'functions', run: runWeblist,
  },
  {
    name: 'disasm', kind: 'report', help: 'Output assembly listings annotated with samples (needs the binary: not in heapcli)',
    usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]', takesArgument: 'required', completes: 'functions', run: runDisasm,
  },
];

const commandList: CommandSpec[] = [
  { name: 'top', kind: 'report', help: 'Outputs top entries in text form', usage: REPORT_USAGE, detail: REPORT_DETAIL, sumsOnly: true, completes: 'functions', run: runTop },
  { name: 'text', kind: 'report', help: 'Outputs top entries in text form', usage: REPORT_USAGE, detail: REPORT_DETAIL, sumsOnly: true, completes: 'functions', run: runTop },
  {
    name: 'list', kind: 'report', help: 'Output annotated source for functions matching regexp', usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]',
    takesArgument: 'required', sumsOnly: true, completes: 'functions', run: runList,
  },
  {
    name: 'peek', kind: 'report', help: 'Output callers/callees of functions matching regexp', usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]',
    takesArgument: 'required', sumsOnly: true, completes: 'functions', run: runPeek,
  },
  { name: 'tree', kind: 'report', help: 'Outputs a text rendering of call graph', usage: REPORT_USAGE, sumsOnly: true, completes: 'functions', run: runTree },
  { name: 'traces', kind: 'report', help: 'Outputs all profile samples in text form', usage: '[focus_regex]* [-ignore_regex]* [>file]', completes: 'functions', run: runTraces },
  { name: 'tags', kind: 'report', help: 'Outputs all tags in the profile', usage: '[tag_regex]* [-ignore_regex]* [>file]', completes: 'label keys', run: runTags },
  { name: 'comments', kind: 'report', help: 'Output all profile comments', usage: '[>file]', run: runComments },
  {
    name: 'raw', kind: 'report', help: 'Outputs a text representation of the raw profile', usage: '[focus_regex]* [-ignore_regex]* [>file]',
    completes: 'functions', run: runRaw,
  },
  ...GRAPH_COMMANDS,
  { name: 'proto', kind: 'report', help: 'Outputs the profile in compressed protobuf format', usage: FILE_USAGE, detail: EXPORT.proto, completes: 'functions', run: runProto },
  { name: 'topproto', kind: 'report', help: 'Outputs top entries in compressed protobuf format', usage: REPORT_USAGE, detail: EXPORT.topproto, completes: 'functions', run: runTopProto },
  { name: 'callgrind', kind: 'report', help: 'Outputs a graph in callgrind format', usage: FILE_USAGE, detail: EXPORT.callgrind, completes: 'functions', run: runCallgrind },
  { name: 'kcachegrind', kind: 'report', help: 'Visualize report in KCachegrind', usage: FILE_USAGE, detail: EXPORT.kcachegrind, completes: 'functions', run: runKcachegrind },
  { name: 'growth', kind: 'report', help: 'Ranks functions by how steadily they grow over a series of snapshots', usage: REPORT_USAGE, detail: GROWTH_DETAIL, completes: 'functions', run: runGrowth },
  {
    name: 'flame', kind: 'report', help: 'Draws a flame graph to browse in the terminal (heapcli\'s own)', usage: '[focus_regex]* [-ignore_regex]*',
    detail: FLAME_DETAIL, completes: 'functions', run: runFlame,
  },
  {
    name: 'help', kind: 'shell', help: 'Shows help on a command or option', usage: '[command|option]', takesArgument: 'optional',
    run: (_ctx, args) => helpText(args.argument, COMMANDS),
  },
  { name: 'o', kind: 'shell', help: 'Shows the current options', usage: '', run: (ctx) => ({ out: '', err: optionsListing(ctx) }) },
  { name: 'options', kind: 'shell', help: 'Shows the current options', usage: '', run: (ctx) => ({ out: '', err: optionsListing(ctx) }) },
  { name: 'quit', kind: 'shell', help: 'Leaves heapcli', usage: '', run: leave },
  { name: 'exit', kind: 'shell', help: 'Leaves heapcli', usage: '', run: leave },
  { name: 'q', kind: 'shell', help: 'Leaves heapcli', usage: '', run: leave },
  ...MISSING.filter((m) => !m.flagOnly).map(missingCommand),
];

/** A pprof command heapcli lacks: whatever its arguments, one line on what to use instead. */
function missingCommand(spec: MissingSpec): CommandSpec {
  const note = missingNote(spec, spec.name, (name) => name);
  return { name: spec.name, kind: 'missing', help: spec.help, usage: '', missing: spec, run: () => ({ out: '', err: `${note}\n`, failed: true }) };
}

function leave(): CommandResult {
  return { out: '', err: '', quit: true };
}

/** Every command by name: the parser, help and completion all read this one table. */
export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(commandList.map((c) => [c.name, c]));

/** pprof's commands and flags heapcli lacks, the console's and the command line's (`-http`), by name. */
export const MISSING_FLAGS: ReadonlyMap<string, MissingSpec> = new Map(MISSING.map((m) => [m.name, m]));
