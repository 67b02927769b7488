import { type ContextEdge, callContexts } from '../graph/callers.js';
import { EDGES_INTO, EDGES_OUT_OF, cumValue, flatValue } from '../graph/graph.js';
import {
  type ReportInput,
  type TopReport,
  type ValueColumns,
  reportGraph,
  reportSummary,
  valueColumns,
  ALL_EDGES,
  type EdgeScope,
} from './rows.js';
import { percentage } from '../values/units.js';

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
export interface ContextEntry extends ValueColumns {
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
  const { total, frames } = input;
  const g = reportGraph(input, symbol ? matchingEdges(symbol) : ALL_EDGES);
  const { trimmed, formatValue } = g;
  const { graph, shown } = trimmed;
  const contextOf = callContexts(graph, frames.names, trimmed.edgeCutoff);
  const line =
    (cum: number) =>
    (e: ContextEdge): ContextLine => ({
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
      ...valueColumns(frames.names[n], flat, cum, sum, total, formatValue),
      callers: callers.map(line(cum)),
      callees: callees.map(line(cum)),
    });
  }
  // The header counts every node of the graph, while sum% runs over the entries printed.
  return { entries, graphNodes: shown.length, ...reportSummary(input, g, graphFlat) };
}

/** The edges peek reads: those of the shown nodes whose name matches `symbol`. */
function matchingEdges(symbol: RegExp): EdgeScope {
  return {
    key: `peek:${symbol.flags}:${symbol.source}`,
    nodes: (shown, frames) => {
      const scope = new Uint8Array(frames.nodes.length);
      for (const n of shown) if (symbol.test(frames.names[n])) scope[n] = EDGES_INTO | EDGES_OUT_OF;
      return scope;
    },
  };
}
