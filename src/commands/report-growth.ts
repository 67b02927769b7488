import { activeFilterLines } from '../analysis/filters/filter.js';
import { growthReport } from '../analysis/growth/growth.js';
import { formatGrowth } from '../format/growth.js';
import { filterSettings } from '../analysis/options.js';
import type { CommandContext, CommandResult } from './command-types.js';

/** What `growth` says when the session holds one profile rather than a series. */
export const NO_SERIES_MESSAGE = 'growth needs a series of snapshots: heapcli -growth s1.pb.gz s2.pb.gz ...';

/** The command's help detail (help growth, docs/commands.md): what the columns and verdicts mean. */
export const GROWTH_DETAIL = [
  'n: number of rows to show (default 20); focus_regex, -ignore_regex, >file as in top',
  '-cum: rank by cum instead of flat',
  'Snapshots are taken in the order of their own timestamps, whatever order they were given in',
  'first, last, change: the in-use value at the first and last snapshot, and last - first',
  'rising: steps (snapshot to next) whose value rose',
  'slope: least-squares against profile time, per second, minute or hour (the longest the series spans)',
  'Score: (change - freed) * rising/steps, freed = every fall summed; ties by slope, then change',
  'leak?: rose at 3/4 of the steps and at 3 or more, and never fell; growing: rose and kept over half its peak rise',
  'released: fell and never rose again; churn: rose again after falling, with no net rise kept; flat: no change',
].join('\n');

/** The `growth` report over the session's series: functions ranked by how steadily they grew. */
export function runGrowth(ctx: CommandContext): CommandResult {
  if (ctx.series.length === 0) return { out: '', err: `${NO_SERIES_MESSAGE}\n`, failed: true };
  // Each snapshot resolves the sample type by name (its own default when unset), not by the session's index.
  const { sampleIndex: _latest, ...options } = ctx.options;
  const report = growthReport(ctx.series, options);
  const filters = activeFilterLines(filterSettings(options));
  return {
    out: formatGrowth(report, options.compact_labels, filters),
    err: report.warnings.map((w) => `${w}\n`).join(''),
  };
}
