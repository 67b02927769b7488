/**
 * The reports that are files for other tools rather than text to read: `proto` (the profile as
 * pprof would save it), `topproto` and `callgrind`. Each answers with bytes (BinaryReport), which
 * the console writes to `./profileNNN.<ext>` and a one-shot run to stdout or `-output`.
 */
import { encodeProfileProto } from '../profile/encode-proto.js';
import type { CommandContext, CommandResult } from './table.js';

/** pprof's file name ending for profile.proto reports. */
const PROTO_EXT = 'pb.gz';

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

function warningLines(messages: readonly string[]): string {
  return messages.map((m) => `${m}\n`).join('');
}
