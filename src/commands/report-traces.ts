import type { PreparedReport } from '../analysis/analysis.js';
import { reportValueFormatter, tagReport } from '../analysis/reports/label-reports.js';
import { numLabelUnits } from '../analysis/values/labels.js';
import { traceReport } from '../analysis/reports/traces.js';
import { profileLabels } from '../format/labels.js';
import { formatTags } from '../format/tags.js';
import { tracesBody, tracesHeader } from '../format/traces.js';
import type { CommandContext, CommandResult } from './command-types.js';

const messages = (r: PreparedReport) => r.warnings.map((w) => `${w}\n`).join('');

/**
 * `traces`: every sample with its labels, value and stack; the header labels always print. The
 * samples come in `rest`, made as they are read: a large profile's report runs to gigabytes.
 */
export function runTraces(ctx: CommandContext): CommandResult {
  const r = ctx.analysis.prepare(ctx.options);
  const header = profileLabels(r.profile, {
    typeName: r.typeName,
    total: r.total,
    sampleUnit: r.sampleUnit,
    formatValue: reportValueFormatter(r),
  });
  const traces = traceReport(r, numLabelUnits(ctx.analysis.profile).units);
  return { out: tracesHeader(header), rest: tracesBody(traces, r.frames), err: messages(r) };
}

/** `tags`: for each label key, the weight of each of its values. */
export function runTags(ctx: CommandContext): CommandResult {
  // The line's focus/ignore arguments are tagfocus/tagignore here (its row's rule).
  const r = ctx.analysis.prepare(ctx.options);
  return { out: formatTags(tagReport(r, numLabelUnits(ctx.analysis.profile).units)), err: messages(r) };
}

/** `comments`: the profile's comments, one a line (those starting with `#` too). */
export function runComments(ctx: CommandContext): CommandResult {
  // The filters still run, as in pprof: a bad value fails the command, a vain one warns.
  const r = ctx.analysis.prepare(ctx.options);
  return { out: r.profile.comments.map((c) => `${c}\n`).join(''), err: messages(r) };
}
