import type { CommandResult, CommandRules, CommandSpec } from './command-types.js';
import { helpText, optionsListing } from './help.js';
import { GROWTH_DETAIL, runGrowth } from './report-growth.js';
import { runList } from './report-list.js';
import { runPeek, runTree } from './report-peek.js';
import { runComments, runTags, runTraces } from './report-traces.js';
import { MISSING, missingNote, type MissingSpec } from './missing.js';
import { runRaw, runTop } from './reports.js';
import {
  EXPORT_DETAIL as EXPORT,
  FILE_REPORT_USAGE as FILE_USAGE,
  runCallgrind,
  runKcachegrind,
  runProto,
  runTopProto,
} from './report-export.js';
import { runDot } from './report-graph.js';
import { imageCommand, runDisasm, runSvg, runWeb, runWeblist, viewerCommand } from './report-views.js';
import { FLAME_DETAIL, runFlame } from './report-flame.js';

// The types of a row live in command-types.ts, which runners import (not this file, which imports them).
export type { BinaryReport, CommandArgs, CommandContext, CommandResult, CommandRules, CommandSpec } from './command-types.js';

/** top's rows when nodecount is -1: 10 in the console, all as a one-shot flag. */
const TOP_ROWS: CommandRules = { nodecount: { console: 10, oneShot: 0 } };
/** list is at line granularity, nothing trimmed, whatever the options say (pprof's rule). */
const LIST_RULES: CommandRules = { fixed: { granularity: 'lines', trim: false, nodecount: 0, nodefraction: 0, edgefraction: 0 } };
/** Trimming runs before peek matches nodes, so pprof turns it off lest it hide the node asked for. */
const PEEK_RULES: CommandRules = { fixed: { trim: false } };
/** tree shows 80 nodes when nodecount is -1, in the console and one-shot alike. */
const TREE_RULES: CommandRules = { nodecount: { console: 80, oneShot: 80 } };
/** tags' regexp arguments match labels: they are tagfocus/tagignore for this command. */
const TAGS_RULES: CommandRules = { argumentsFilterLabels: true };
/** growth shows 20 rows when nodecount is -1: enough to see past the usual runtime noise. */
const GROWTH_RULES: CommandRules = { nodecount: { console: 20, oneShot: 20 } };
/** Graphs show 80 nodes when nodecount is -1, in the console and one-shot alike (pprof's). */
const GRAPH_RULES: CommandRules = { nodecount: { console: 80, oneShot: 80 } };
/** callgrind: every address and inlined frame a node, nothing trimmed, whatever the options say (pprof's rule). */
const CALLGRIND_RULES: CommandRules = { fixed: { granularity: 'addresses', noinlines: false, trim: false } };

const REPORT_USAGE = '[n] [focus_regex]* [-ignore_regex]* [-cum] [>file]';
const REPORT_DETAIL = [
  'n: number of entries to show (default 10 in the console, all as a one-shot flag)',
  'focus_regex: show only samples going through a function matching it',
  '-ignore_regex: leave out samples going through a function matching it',
  '-cum: sort by cumulative weight',
  '>file: write the report to file',
].join('\n');

/** A command drawing the call graph: top's arguments, graphs' rules, and functions to complete. */
const graph = (name: string, help: string, run: CommandSpec['run']): CommandSpec => ({
  name,
  kind: 'report',
  help,
  usage: REPORT_USAGE,
  completes: 'functions',
  rules: GRAPH_RULES,
  run,
});

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
    name: 'weblist',
    kind: 'report',
    help: 'Display annotated source in a web browser (source only: no disassembly)',
    usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]',
    takesArgument: 'required',
    completes: 'functions',
    rules: LIST_RULES,
    run: runWeblist,
  },
  {
    name: 'disasm',
    kind: 'report',
    help: 'Output assembly listings annotated with samples (needs the binary: not in heapcli)',
    usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]',
    takesArgument: 'required',
    completes: 'functions',
    run: runDisasm,
  },
];

/** `top`, which pprof also answers to as `text`. */
const TOP: CommandSpec = {
  name: 'top',
  kind: 'report',
  help: 'Outputs top entries in text form',
  usage: REPORT_USAGE,
  detail: REPORT_DETAIL,
  sumsOnly: true,
  completes: 'functions',
  rules: TOP_ROWS,
  run: runTop,
};

const commandList: CommandSpec[] = [
  TOP,
  { ...TOP, name: 'text' },
  {
    name: 'list',
    kind: 'report',
    help: 'Output annotated source for functions matching regexp',
    usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]',
    takesArgument: 'required',
    sumsOnly: true,
    completes: 'functions',
    rules: LIST_RULES,
    run: runList,
  },
  {
    name: 'peek',
    kind: 'report',
    help: 'Output callers/callees of functions matching regexp',
    usage: 'func_regex [focus_regex]* [-ignore_regex]* [>file]',
    takesArgument: 'required',
    sumsOnly: true,
    completes: 'functions',
    rules: PEEK_RULES,
    run: runPeek,
  },
  {
    name: 'tree',
    kind: 'report',
    help: 'Outputs a text rendering of call graph',
    usage: REPORT_USAGE,
    sumsOnly: true,
    completes: 'functions',
    rules: TREE_RULES,
    run: runTree,
  },
  {
    name: 'traces',
    kind: 'report',
    help: 'Outputs all profile samples in text form',
    usage: '[focus_regex]* [-ignore_regex]* [>file]',
    completes: 'functions',
    run: runTraces,
  },
  {
    name: 'tags',
    kind: 'report',
    help: 'Outputs all tags in the profile',
    usage: '[tag_regex]* [-ignore_regex]* [>file]',
    completes: 'label keys',
    rules: TAGS_RULES,
    run: runTags,
  },
  { name: 'comments', kind: 'report', help: 'Output all profile comments', usage: '[>file]', run: runComments },
  {
    name: 'raw',
    kind: 'report',
    help: 'Outputs a text representation of the raw profile',
    usage: '[focus_regex]* [-ignore_regex]* [>file]',
    completes: 'functions',
    run: runRaw,
  },
  ...GRAPH_COMMANDS,
  {
    name: 'proto',
    kind: 'report',
    help: 'Outputs the profile in compressed protobuf format',
    usage: FILE_USAGE,
    detail: EXPORT.proto,
    completes: 'functions',
    run: runProto,
  },
  {
    name: 'topproto',
    kind: 'report',
    help: 'Outputs top entries in compressed protobuf format',
    usage: REPORT_USAGE,
    detail: EXPORT.topproto,
    completes: 'functions',
    run: runTopProto,
  },
  {
    name: 'callgrind',
    kind: 'report',
    help: 'Outputs a graph in callgrind format',
    usage: FILE_USAGE,
    detail: EXPORT.callgrind,
    completes: 'functions',
    rules: CALLGRIND_RULES,
    run: runCallgrind,
  },
  {
    name: 'kcachegrind',
    kind: 'report',
    help: 'Visualize report in KCachegrind',
    usage: FILE_USAGE,
    detail: EXPORT.kcachegrind,
    completes: 'functions',
    rules: CALLGRIND_RULES,
    run: runKcachegrind,
  },
  {
    name: 'growth',
    kind: 'report',
    help: 'Ranks functions by how steadily they grow over a series of snapshots',
    usage: REPORT_USAGE,
    detail: GROWTH_DETAIL,
    completes: 'functions',
    rules: GROWTH_RULES,
    run: runGrowth,
  },
  {
    name: 'flame',
    kind: 'report',
    help: "Draws a flame graph to browse in the terminal (heapcli's own)",
    usage: '[focus_regex]* [-ignore_regex]*',
    detail: FLAME_DETAIL,
    completes: 'functions',
    run: runFlame,
  },
  {
    name: 'help',
    kind: 'shell',
    help: 'Shows help on a command or option',
    usage: '[command|option]',
    takesArgument: 'optional',
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
  return {
    name: spec.name,
    kind: 'missing',
    help: spec.help,
    usage: '',
    missing: spec,
    run: () => ({ out: '', err: `${note}\n`, failed: true }),
  };
}

function leave(): CommandResult {
  return { out: '', err: '', quit: true };
}

/** Every command by name: the parser, help and completion all read this one table. */
export const COMMANDS: ReadonlyMap<string, CommandSpec> = byName(commandList);

/** The rows by name; a row listed twice (as a merge once left four) fails at load rather than hiding. */
function byName(rows: readonly CommandSpec[]): Map<string, CommandSpec> {
  const map = new Map<string, CommandSpec>();
  for (const row of rows) {
    if (map.has(row.name)) throw new Error(`command table: ${row.name} is listed twice`);
    map.set(row.name, row);
  }
  return map;
}

/** pprof's commands and flags heapcli lacks, the console's and the command line's (`-http`), by name. */
export const MISSING_FLAGS: ReadonlyMap<string, MissingSpec> = new Map(MISSING.map((m) => [m.name, m]));
