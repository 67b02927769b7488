import type { Profile } from '../profile/model.js';
import type { FrameTable } from './frames.js';
import { type Checkpoint, type SampleWeights, cumValue, flatValue, inlineLabels } from './graph.js';
import type { ReportOptions } from './options.js';
import { type TrimmedGraph, trimmedGraph } from './trim.js';
import { percentage, scaledLabel, reportUnit } from './units.js';

/** A node's values in a report's table, raw and formatted (top's rows, tree's entries). */
export interface ValueColumns {
  readonly name: string;
  readonly flat: number;
  readonly cum: number;
  readonly flatText: string;
  readonly flatPercent: string;
  readonly sumPercent: string;
  readonly cumText: string;
  readonly cumPercent: string;
}

/** One row of the top/text report. */
export interface TopRow extends ValueColumns {
  /** `(inline)`, `(partial-inline)` or ''. */
  readonly inline: string;
}

/** The top/text report: its summary lines' parts and its rows. */
export interface TopReport {
  readonly rows: TopRow[];
  readonly totalText: string;
  readonly shownText: string;
  readonly shownPercent: string;
  /** `Dropped N nodes (cum <= X)`, when any were dropped. */
  readonly dropped: { readonly count: number; readonly cutoffText: string } | null;
  /** `Showing top N nodes out of M`, when nodecount cut rows. */
  readonly showingTop: { readonly shown: number; readonly of: number } | null;
  /** Formats another value in the report's unit (for header lines). */
  readonly formatValue: (v: number) => string;
}

/** Everything a report is computed from. */
export interface ReportInput {
  readonly profile: Profile;
  readonly frames: FrameTable;
  readonly weights: SampleWeights;
  readonly total: number;
  readonly sampleUnit: string;
  readonly options: ReportOptions;
  /** nodecount when the option is -1 (10 in the console, unlimited one-shot). */
  readonly defaultNodeCount: number;
  readonly checkpoint?: Checkpoint;
}

/** A report's trimmed graph and how its values print. */
export interface ReportGraph {
  readonly trimmed: TrimmedGraph;
  readonly formatValue: (v: number) => string;
}

/** Trims the graph as the options say, then picks one unit for the shown nodes (top and tree). */
export function reportGraph(input: ReportInput): ReportGraph {
  const { options: o, total } = input;
  const trim = o.trim;
  const trimmed = trimmedGraph(input.profile, input.frames, input.weights, {
    nodeFraction: trim ? o.nodefraction : 0,
    edgeFraction: trim ? o.edgefraction : 0,
    nodeCount: !trim ? 0 : o.nodecount === -1 ? input.defaultNodeCount : o.nodecount,
    sortByCum: o.sort === 'cum',
    dropNegative: o.drop_negative,
    checkpoint: input.checkpoint,
  });
  const { graph, shown } = trimmed;
  const ratio = 1 / o.divide_by;
  const outputUnit = reportUnit(o.unit, shown.map((n) => [flatValue(graph, n), cumValue(graph, n)] as const), total, ratio, input.sampleUnit);
  return { trimmed, formatValue: (v: number) => scaledLabel(Math.trunc(v * ratio), input.sampleUnit, outputUnit) };
}

/** The header parts top and tree share: totals, nodes dropped by nodefraction, the top-N note. */
export type ReportSummary = Pick<TopReport, 'totalText' | 'shownText' | 'shownPercent' | 'dropped' | 'showingTop' | 'formatValue'>;

/** Builds the shared header parts; `shownFlat` is the flat sum the "accounting for" line reports. */
export function reportSummary(input: ReportInput, g: ReportGraph, shownFlat: number): ReportSummary {
  const { options: o, total } = input;
  const { trimmed, formatValue } = g;
  const shown = trimmed.shown.length;
  const cutoff = Math.abs(Math.trunc(total * (o.trim ? o.nodefraction : 0)));
  return {
    totalText: formatValue(total),
    shownText: formatValue(shownFlat),
    shownPercent: percentage(shownFlat, total).trim(),
    dropped: total !== 0 && trimmed.droppedNodes > 0 ? { count: trimmed.droppedNodes, cutoffText: formatValue(cutoff) } : null,
    showingTop: total !== 0 && shown > 0 && shown < trimmed.nodesAfterCutoff ? { shown, of: trimmed.nodesAfterCutoff } : null,
    formatValue,
  };
}

/** A node's value columns: raw values, formatted values, and its share of the total (sum% runs over `sum`). */
export function valueColumns(name: string, flat: number, cum: number, sum: number, total: number, formatValue: (v: number) => string): ValueColumns {
  return {
    name,
    flat,
    cum,
    flatText: formatValue(flat),
    flatPercent: percentage(flat, total),
    sumPercent: percentage(sum, total),
    cumText: formatValue(cum),
    cumPercent: percentage(cum, total),
  };
}

/** Computes the rows of `top`/`text`. */
export function topReport(input: ReportInput): TopReport {
  const { total, frames } = input;
  const g = reportGraph(input);
  const { graph, shown, edgeCutoff } = g.trimmed;
  const { formatValue } = g;
  const labels = inlineLabels(graph, frames.nodes.length, edgeCutoff);
  let sum = 0;
  const rows = shown.map((n): TopRow => {
    const flat = flatValue(graph, n);
    const cum = cumValue(graph, n);
    sum += flat;
    return { ...valueColumns(frames.names[n], flat, cum, sum, total, formatValue), inline: labels[n] };
  });
  return { rows, ...reportSummary(input, g, sum) };
}
