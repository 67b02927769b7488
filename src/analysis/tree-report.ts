import { type ContextEdge, callContexts } from './callers.js';
import { cumValue, flatValue } from './graph.js';
import type { ReportInput, TopReport } from './rows.js';
import { trimmedGraph } from './trim.js';
import { percentage, scaledLabel, reportUnit } from './units.js';

/** A caller or callee line of the peek/tree report, values formatted. */
export interface ContextLine {
  readonly name: string;
  readonly weight: number;
  readonly weightText: string;
  /** The edge's share of the node's cum. */
  readonly percent: string;
  readonly inline: boolean;
}

/** One node of the peek/tree report: its row, its callers above it and its callees below. */
export interface ContextEntry {
  readonly name: string;
  readonly flat: number;
  readonly cum: number;
  readonly flatText: string;
  readonly flatPercent: string;
  readonly sumPercent: string;
  readonly cumText: string;
  readonly cumPercent: string;
  readonly callers: ContextLine[];
  readonly callees: ContextLine[];
}

/** The peek/tree report: top's summary parts (over the whole trimmed graph) and the entries printed. */
export interface TreeReport extends Omit<TopReport, 'rows'> {
  readonly entries: ContextEntry[];
  /** Nodes in the trimmed graph, printed or not: pprof closes the table only when there are some. */
  readonly graphNodes: number;
}

/**
 * Computes `tree` (every shown node) or, with `symbol`, `peek` (the shown nodes whose printable
 * name matches it). Trimming is top's; the caller turns it off for peek as pprof does. The header
 * and the unit come from every node of the trimmed graph, matched or not, while sum% runs over the
 * entries printed.
 */
export function treeReport(input: ReportInput, symbol: RegExp | null): TreeReport {
  const { options: o, total, frames } = input;
  const trim = o.trim;
  const trimmed = trimmedGraph(input.profile, frames, input.weights, {
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
  const formatValue = (v: number) => scaledLabel(Math.trunc(v * ratio), input.sampleUnit, outputUnit);
  const contextOf = callContexts(graph, frames.names, trimmed.edgeCutoff);
  const line = (cum: number) => (e: ContextEdge): ContextLine => ({
    name: frames.names[e.node],
    weight: e.weight,
    weightText: formatValue(e.weight),
    percent: percentage(e.weight, cum),
    inline: e.inline,
  });
  let graphFlat = 0;
  let sum = 0;
  const entries: ContextEntry[] = [];
  for (const n of shown) {
    const flat = flatValue(graph, n);
    const cum = cumValue(graph, n);
    graphFlat += flat;
    if (symbol && !symbol.test(frames.names[n])) continue;
    sum += flat;
    const { callers, callees } = contextOf(n);
    entries.push({
      name: frames.names[n],
      flat,
      cum,
      flatText: formatValue(flat),
      flatPercent: percentage(flat, total),
      sumPercent: percentage(sum, total),
      cumText: formatValue(cum),
      cumPercent: percentage(cum, total),
      callers: callers.map(line(cum)),
      callees: callees.map(line(cum)),
    });
  }
  const cutoff = Math.abs(Math.trunc(total * (trim ? o.nodefraction : 0)));
  return {
    entries,
    graphNodes: shown.length,
    totalText: formatValue(total),
    shownText: formatValue(graphFlat),
    shownPercent: percentage(graphFlat, total).trim(),
    dropped: total !== 0 && trimmed.droppedNodes > 0 ? { count: trimmed.droppedNodes, cutoffText: formatValue(cutoff) } : null,
    showingTop: total !== 0 && shown.length > 0 && shown.length < trimmed.nodesAfterCutoff ? { shown: shown.length, of: trimmed.nodesAfterCutoff } : null,
    formatValue,
  };
}
