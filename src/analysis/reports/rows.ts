import type { Profile } from '../../profile/model.js';
import type { FrameTable } from '../graph/frames.js';
import type { GraphCache } from '../graph/graph-cache.js';
import { type Checkpoint, EDGES_INTO, type Graph, type SampleWeights, cumValue, flatValue, inlineLabels } from '../graph/graph.js';
import type { ReportOptions } from '../options.js';
import { type TrimSettings, type TrimmedGraph, trimmedGraph } from '../graph/trim.js';
import { percentage, scaledLabel, reportUnit } from '../values/units.js';

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
  /** The analysis's cache of graphs for this profile, frames and weights, if it keeps one. */
  readonly graphs?: GraphCache;
}

/** The cache key of a trimmed graph: the trim settings and the edges read. */
function trimKey(t: TrimSettings, scope: EdgeScope): string {
  return `${t.nodeFraction}/${t.edgeFraction}/${t.nodeCount}/${t.sortByCum}/${t.dropNegative}/${scope.key}`;
}

/** A report's trimmed graph and how its values print. */
export interface ReportGraph {
  readonly trimmed: TrimmedGraph;
  readonly formatValue: (v: number) => string;
}

/** Which edges a report reads: a name for the cache and, given the shown nodes, their nodes (null: all). */
export interface EdgeScope {
  readonly key: string;
  readonly nodes: (shown: readonly number[], frames: FrameTable) => Uint8Array | null;
}

/** Every edge of the trimmed graph (tree). */
export const ALL_EDGES: EdgeScope = { key: 'all', nodes: () => null };

/**
 * Trims the graph as the options say, then picks one unit for the shown nodes (top and tree). A
 * trimmed graph comes from `input.graphs` when the analysis caches them.
 */
export function reportGraph(input: ReportInput, scope: EdgeScope = ALL_EDGES): ReportGraph {
  const { options: o, total } = input;
  const trim = o.trim;
  const settings = {
    nodeFraction: trim ? o.nodefraction : 0,
    edgeFraction: trim ? o.edgefraction : 0,
    nodeCount: !trim ? 0 : o.nodecount === -1 ? input.defaultNodeCount : o.nodecount,
    sortByCum: o.sort === 'cum',
    dropNegative: o.drop_negative,
    checkpoint: input.checkpoint,
    edgeScope: (shown: readonly number[]) => scope.nodes(shown, input.frames),
  };
  const build = (sums?: Graph) => trimmedGraph(input.profile, input.frames, input.weights, settings, sums);
  const trimmed = input.graphs ? input.graphs.trimmed(trimKey(settings, scope), build) : build();
  const { graph, shown } = trimmed;
  const ratio = 1 / o.divide_by;
  const outputUnit = reportUnit(
    o.unit,
    shown.map((n) => [flatValue(graph, n), cumValue(graph, n)] as const),
    total,
    ratio,
    input.sampleUnit,
  );
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
export function valueColumns(
  name: string,
  flat: number,
  cum: number,
  sum: number,
  total: number,
  formatValue: (v: number) => string,
): ValueColumns {
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

/**
 * The edges `top` reads: those into shown nodes that are inlined somewhere, for their `(inline)`
 * labels (which look at incoming edges only). A node never inlined has no inlined edge, so its
 * label is '' whatever its edges weigh.
 */
export const INLINE_LABEL_EDGES: EdgeScope = {
  key: 'inline-labels',
  nodes: (shown, frames) => {
    const inlined = new Uint8Array(frames.nodes.length);
    for (let f = 0; f < frames.frameNode.length; f++) if (frames.frameInline[f] === 1) inlined[frames.frameNode[f]] = 1;
    const scope = new Uint8Array(frames.nodes.length);
    for (const n of shown) scope[n] = inlined[n] === 1 ? EDGES_INTO : 0;
    return scope;
  },
};

/** Computes the rows of `top`/`text`. */
export function topReport(input: ReportInput): TopReport {
  const { total, frames } = input;
  const g = reportGraph(input, INLINE_LABEL_EDGES);
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
