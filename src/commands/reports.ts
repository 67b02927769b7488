import { activeFilterLines } from '../analysis/filter.js';
import { formatRaw } from '../format/raw.js';
import { formatTop } from '../format/top.js';
import { profileLabels } from '../format/labels.js';
import { FILTER_OPTIONS } from './options.js';
import type { CommandContext, CommandResult } from './table.js';

/** The `top`/`text` report; nodecount -1 means 10 in the console and all rows one-shot. */
export function runTop(ctx: CommandContext): CommandResult {
  const { analysis, options } = ctx;
  const result = analysis.top(options, ctx.interactive ? 10 : 0);
  const header = options.compact_labels
    ? []
    : profileLabels(analysis.profile, {
        typeName: result.typeName,
        total: result.total,
        sampleUnit: result.sampleUnit,
        formatValue: result.report.formatValue,
      });
  const filters = activeFilterLines(FILTER_OPTIONS.map((name) => [name, options[name]]));
  return {
    out: formatTop(result.report, [...header, ...filters]),
    err: result.warnings.map((w) => `${w}\n`).join(''),
  };
}

/** The `raw` report: the whole profile as text, less the samples that focus/ignore leave out. */
export function runRaw(ctx: CommandContext): CommandResult {
  const filter = ctx.analysis.filterFor(ctx.options);
  return { out: formatRaw(filter.profile, filter.exclude), err: filter.messages.map((w) => `${w}\n`).join('') };
}
