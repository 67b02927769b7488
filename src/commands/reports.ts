import { activeFilterLines } from '../analysis/filters/filter.js';
import { rawBody, rawHeader } from '../format/raw.js';
import { formatTop } from '../format/top.js';
import { profileLabels } from '../format/labels.js';
import type { ReportOptions } from '../analysis/options.js';
import type { Profile } from '../profile/model.js';
import { filterSettings } from '../analysis/options.js';
import type { CommandContext, CommandResult } from './command-types.js';

/**
 * The lines above a report's table: the profile's labels (unless compact_labels, as in the
 * console) and the `Active filters:` lines.
 */
export function reportHeader(
  options: ReportOptions,
  profile: Profile,
  r: { typeName: string; total: number; sampleUnit: string },
  formatValue: (v: number) => string,
): string[] {
  const labels = options.compact_labels
    ? []
    : profileLabels(profile, { typeName: r.typeName, total: r.total, sampleUnit: r.sampleUnit, formatValue });
  return [...labels, ...activeFilterLines(filterSettings(options))];
}

/** The `top`/`text` report (its row resolves nodecount -1: 10 in the console, all one-shot). */
export function runTop(ctx: CommandContext): CommandResult {
  const { analysis, options } = ctx;
  const result = analysis.top(options, 0);
  return {
    out: formatTop(result.report, reportHeader(options, analysis.profile, result, result.report.formatValue)),
    err: result.warnings.map((w) => `${w}\n`).join(''),
  };
}

/**
 * The `raw` report: the whole profile as text, less the samples that focus/ignore leave out. Its
 * samples and locations come in `rest`, made as they are read, as `traces` does.
 */
export function runRaw(ctx: CommandContext): CommandResult {
  const { analysis } = ctx;
  const filter = analysis.filterFor(ctx.options);
  return {
    out: rawHeader(filter.profile),
    rest: rawBody(filter.profile, filter.exclude, analysis.checkpoint),
    err: filter.messages.map((w) => `${w}\n`).join(''),
  };
}
