import type { ProfileAnalysis } from '../analysis/analysis.js';
import { growthReport } from '../analysis/growth/growth.js';
import type { ReportOptions } from '../analysis/options.js';
import type { ValueColumns } from '../analysis/reports/rows.js';
import type { ContextLine } from '../analysis/reports/tree-report.js';
import { listedFunctions } from '../commands/report-list.js';
import { peekTree } from '../commands/report-peek.js';
import type { Profile } from '../profile/model.js';
import { HeapcliError } from './errors.js';
import type { GrowthTable, ListTable, PeekEdge, PeekTable, TopTable, ValueRow } from './types.js';

/** `part` as a percentage of `total` (0 when the total is 0, where pprof prints 0%). */
function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : (100 * part) / total;
}

/** A report row's numbers, percentages of `total`; `sum` is the running flat sum to this row. */
function valueRow(row: ValueColumns, sum: number, total: number): ValueRow {
  const { name, flat, cum } = row;
  return { name, flat, cum, flatPercent: percentOf(flat, total), sumPercent: percentOf(sum, total), cumPercent: percentOf(cum, total) };
}

/** `top` as numbers: the rows `heapcli -top` prints (all of them unless nodecount is set). */
export function topTable(analysis: ProfileAnalysis, options: ReportOptions): TopTable {
  const { report, typeName, total, sampleUnit, warnings } = analysis.top(options, 0);
  let sum = 0;
  const rows = report.rows.map((row) => ({ ...valueRow(row, (sum += row.flat), total), inline: row.inline }));
  return {
    type: typeName,
    unit: sampleUnit,
    total,
    rows,
    droppedNodes: report.dropped?.count ?? 0,
    nodesAfterDrop: report.showingTop?.of ?? rows.length,
    warnings,
  };
}

/** `list regexp` as numbers: each routine's sampled lines. */
export function listTable(analysis: ProfileAnalysis, options: ReportOptions, regexp: string): ListTable {
  const { prepared, functions } = listedFunctions(analysis, options, regexp);
  if (functions.length === 0) throw new HeapcliError(`no matches found for regexp: ${regexp}`);
  const routines = functions.flatMap((f) =>
    f.routines.map((r) => ({
      name: f.name,
      file: r.file,
      flat: r.flat,
      cum: r.cum,
      lines: [...r.lines].sort(([a], [b]) => a - b).map(([line, v]) => ({ line, flat: v.flat, cum: v.cum })),
    })),
  );
  return { type: prepared.typeName, unit: prepared.sampleUnit, total: prepared.total, routines, warnings: prepared.warnings };
}

/** `peek regexp` as numbers: each matching node with its callers and callees. */
export function peekTable(analysis: ProfileAnalysis, options: ReportOptions, regexp: string): PeekTable {
  const { prepared, report } = peekTree(analysis, options, regexp);
  if (report.entries.length === 0) throw new HeapcliError(`no matches found for regexp: ${regexp}`);
  const edge =
    (cum: number) =>
    (e: ContextLine): PeekEdge => ({ name: e.name, weight: e.weight, percent: percentOf(e.weight, cum), inline: e.inline });
  let sum = 0;
  const entries = report.entries.map((e) => ({
    ...valueRow(e, (sum += e.flat), prepared.total),
    callers: e.callers.map(edge(e.cum)),
    callees: e.callees.map(edge(e.cum)),
  }));
  return { type: prepared.typeName, unit: prepared.sampleUnit, total: prepared.total, entries, warnings: prepared.warnings };
}

/** `growth` as numbers over the snapshots, in time order. */
export function growthTable(series: readonly Profile[], options: ReportOptions): GrowthTable {
  const report = growthReport(series, options);
  const rows = report.rows.map((r) => ({
    name: r.name,
    inline: r.inline,
    flat: r.flat,
    cum: r.cum,
    change: r.trend.change,
    rising: r.trend.rising,
    steps: r.trend.steps,
    slopePerSecond: r.trend.slopePerSecond,
    verdict: r.trend.verdict,
    score: r.trend.score,
  }));
  return {
    type: report.typeName,
    unit: report.sampleUnit,
    snapshots: report.snapshots,
    timed: report.timed,
    rankedBy: report.rankedBy,
    rows,
    warnings: report.warnings,
  };
}
