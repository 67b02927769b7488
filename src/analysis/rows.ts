import type { Profile } from '../profile/model.js';
import type { FrameTable } from './frames.js';
import { type Checkpoint, type SampleWeights, cumValue, flatValue, inlineLabels } from './graph.js';
import type { ReportOptions } from './options.js';
import { trimmedGraph } from './trim.js';
import { percentage, scaledLabel, reportUnit } from './units.js';

/** One row of the top/text report, values raw and formatted. */
export interface TopRow {
  readonly name: string;
  /** `(inline)`, `(partial-inline)` or ''. */
  readonly inline: string;
  readonly flat: number;
  readonly cum: number;
  readonly flatText: string;
  readonly flatPercent: string;
  readonly sumPercent: string;
  readonly cumText: string;
  readonly cumPercent: string;
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

/** Computes the rows of `top`/`text`. */
export function topReport(input: ReportInput): TopReport {
  const { options: o, total, frames } = input;
  const trim = o.trim;
  const nodeCount = !trim ? 0 : o.nodecount === -1 ? input.defaultNodeCount : o.nodecount;
  const trimmed = trimmedGraph(input.profile, frames, input.weights, {
    nodeFraction: trim ? o.nodefraction : 0,
    edgeFraction: trim ? o.edgefraction : 0,
    nodeCount,
    sortByCum: o.sort === 'cum',
    dropNegative: o.drop_negative,
    checkpoint: input.checkpoint,
  });
  const { graph, shown } = trimmed;
  const ratio = 1 / o.divide_by;
  const outputUnit = reportUnit(o.unit, shown.map((n) => [flatValue(graph, n), cumValue(graph, n)] as const), total, ratio, input.sampleUnit);
  const formatValue = (v: number) => scaledLabel(Math.trunc(v * ratio), input.sampleUnit, outputUnit);
  const labels = inlineLabels(graph, frames.nodes.length, trimmed.edgeCutoff);
  let sum = 0;
  const rows = shown.map((n): TopRow => {
    const flat = flatValue(graph, n);
    const cum = cumValue(graph, n);
    sum += flat;
    return {
      name: frames.names[n],
      inline: labels[n],
      flat,
      cum,
      flatText: formatValue(flat),
      flatPercent: percentage(flat, total),
      sumPercent: percentage(sum, total),
      cumText: formatValue(cum),
      cumPercent: percentage(cum, total),
    };
  });
  const cutoff = Math.abs(Math.trunc(total * (trim ? o.nodefraction : 0)));
  return {
    rows,
    totalText: formatValue(total),
    shownText: formatValue(sum),
    shownPercent: percentage(sum, total).trim(),
    dropped: total !== 0 && trimmed.droppedNodes > 0 ? { count: trimmed.droppedNodes, cutoffText: formatValue(cutoff) } : null,
    showingTop: total !== 0 && rows.length > 0 && rows.length < trimmed.nodesAfterCutoff ? { shown: rows.length, of: trimmed.nodesAfterCutoff } : null,
    formatValue,
  };
}
