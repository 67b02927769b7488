/**
 * The reports that are files for other tools rather than text to read: `proto` (the profile as
 * pprof would save it), `topproto` and `callgrind`. Each answers with bytes (BinaryReport), which
 * the console writes to `./profileNNN.<ext>` and a one-shot run to stdout or `-output`.
 */
import { callgrindGraph } from '../analysis/reports/callgrind-graph.js';
import { topProtoProfile } from '../analysis/reports/top-proto.js';
import { formatCallgrind } from '../format/callgrind.js';
import { encodeProfileProto } from '../profile/encode-proto.js';
import type { CommandArgs, CommandContext, CommandResult } from './command-types.js';

/** pprof's file name ending for profile.proto reports. */
const PROTO_EXT = 'pb.gz';

/** Arguments of the reports that ignore counts and sorting. */
export const FILE_REPORT_USAGE = '[focus_regex]* [-ignore_regex]* [>file]';

/** Where a file report goes, for its help (`ending`: pprof's file name ending). */
const whereItGoes = (ending: string) =>
  `>file: write it to file; otherwise the console writes ./profileNNN.${ending} (the first number free), and a one-shot run writes it to stdout, or to ./profileNNN.${ending} when stdout is a terminal`;

/** The help's detail lines of each file report. */
export const EXPORT_DETAIL = {
  proto: [
    'The profile after the filters (focus, ignore, hide, show, show_from, prune_from, the tag filters, tagroot/tagleaf), every value divided by divide_by; sample_index and mean do not change it',
    whereItGoes(PROTO_EXT),
  ].join('\n'),
  topproto: [
    "top's entries (all of them unless n says otherwise), each a location with the values cum and flat in the report's unit",
    whereItGoes(PROTO_EXT),
  ].join('\n'),
  callgrind: [
    'For KCachegrind and other callgrind readers: every address and inlined frame is a node and nothing is trimmed (n, nodecount, nodefraction and granularity do not apply); call_tree is not supported yet',
    whereItGoes('callgraph.out'),
  ].join('\n'),
  kcachegrind:
    'Writes the callgrind file to a temporary pprofNNN.grind and opens it with kcachegrind (a one-shot run waits for it to close); >file only writes the file',
} as const;

/**
 * `proto`: the profile after the filters (focus, ignore, hide, show, show_from, prune_from, the tag
 * filters, tagroot/tagleaf), every value divided by divide_by; sample_index and mean do not apply.
 */
export function runProto(ctx: CommandContext): CommandResult {
  const { analysis, options } = ctx;
  const filter = analysis.filterFor(options);
  const bytes = encodeProfileProto(filter.profile, { exclude: filter.exclude, ratio: 1 / options.divide_by });
  return { out: '', err: warningLines(filter.messages), binary: { ext: PROTO_EXT, bytes } };
}

/** `topproto`: top's nodes (all of them unless nodecount says otherwise) as a profile of `cum, flat` values. */
export function runTopProto(ctx: CommandContext): CommandResult {
  const prepared = ctx.analysis.prepare(ctx.options);
  const bytes = encodeProfileProto(topProtoProfile(prepared));
  return { out: '', err: warningLines(prepared.warnings), binary: { ext: PROTO_EXT, bytes } };
}

/**
 * `callgrind`: the call graph at address granularity, untrimmed, in callgrind's format (pprof's
 * file name ending: `profile001.callgraph.out`).
 */
export function runCallgrind(ctx: CommandContext): CommandResult {
  // Addresses, inlined frames, untrimmed: its row's rules.
  const prepared = ctx.analysis.prepare(ctx.options);
  const bytes = Buffer.from(formatCallgrind(callgrindGraph(prepared)));
  // pprof's callgrind with call_tree has a node per call path; heapcli's has not, and says so.
  const note = ctx.options.call_tree ? ['heapcli: callgrind ignores call_tree (not supported yet)'] : [];
  return { out: '', err: warningLines([...prepared.warnings, ...note]), binary: { ext: 'callgraph.out', bytes } };
}

/** `kcachegrind`: the callgrind file, opened in KCachegrind (a temporary `pprofNNN.grind`). */
export function runKcachegrind(ctx: CommandContext, args: CommandArgs): CommandResult {
  const result = runCallgrind(ctx);
  // Written to a file named by >file or output=, it opens nothing, as in pprof.
  if (!result.binary || (args.output ?? ctx.options.output)) return result;
  const { bytes } = result.binary;
  return { out: '', err: result.err, action: ctx.graphics.view(Promise.resolve(bytes), 'grind', ['kcachegrind'], !ctx.interactive) };
}

function warningLines(messages: readonly string[]): string {
  return messages.map((m) => `${m}\n`).join('');
}
