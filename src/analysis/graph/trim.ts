import type { Profile } from '../../profile/model.js';
import type { FrameTable, NodeInfo } from './frames.js';
import { type Checkpoint, type Graph, type SampleWeights, collectEdges, nodeSums, noCheckpoint } from './graph.js';

/** The trimmed graph of a report and what trimming removed. */
export interface TrimmedGraph {
  readonly graph: Graph;
  /** Node ids shown, in report order. */
  readonly shown: number[];
  /** Nodes whose |cum| fell under the node cutoff. */
  readonly droppedNodes: number;
  /** Nodes left after the cutoff, before nodecount. */
  readonly nodesAfterCutoff: number;
  /** Edges lighter than this (in absolute value) are dropped from the graph. */
  readonly edgeCutoff: number;
}

/** What trimming needs to know. */
export interface TrimSettings {
  readonly nodeFraction: number;
  readonly edgeFraction: number;
  /** Keep at most this many nodes; 0 or less keeps all. */
  readonly nodeCount: number;
  readonly sortByCum: boolean;
  readonly dropNegative: boolean;
  readonly checkpoint?: Checkpoint;
  /**
   * The nodes whose edges the report reads, given the shown ones (null: every edge): per node,
   * EDGES_INTO, EDGES_OUT_OF or both. Other edges are not collected.
   */
  readonly edgeScope?: (shown: readonly number[]) => Uint8Array | null;
}

/**
 * Trims the graph as pprof does: drop nodes with |cum| under nodefraction × the sum of flat, sort,
 * keep the first `nodeCount`. pprof rebuilds the graph after each cut; a kept node's flat and cum
 * cannot change in a rebuild (cum counts once per sample wherever the node is, flat goes to a kept
 * leaf), so the node sums (`sums`, computed here when not given) are reused and only the edges
 * between the shown nodes are collected, which do change, and with them the `(inline)` labels.
 * Edges under edgefraction × the same sum count as dropped (`edgeCutoff`, applied by readers).
 */
export function trimmedGraph(p: Profile, frames: FrameTable, w: SampleWeights, t: TrimSettings, sums?: Graph): TrimmedGraph {
  const checkpoint = t.checkpoint ?? noCheckpoint;
  const all = sums ?? nodeSums(p, frames, w, checkpoint);
  const nodes = visibleNodes(all, t.dropNegative);
  let flatSum = 0;
  for (const n of nodes) flatSum += all.flat[n];
  const cutoff = Math.abs(Math.trunc(flatSum * t.nodeFraction));
  const edgeCutoff = Math.abs(Math.trunc(flatSum * t.edgeFraction));
  const kept = cutoff > 0 ? nodes.filter((n) => Math.abs(all.cum[n]) >= cutoff) : nodes;
  const sorted = sortNodes(all, frames, kept, t.sortByCum);
  const shown = t.nodeCount > 0 && sorted.length > t.nodeCount ? sorted.slice(0, t.nodeCount) : sorted;
  const mask = shown.length === nodes.length ? null : toMask(shown, frames.nodes.length);
  const edges = collectEdges(p, frames, w, mask, t.edgeScope ? t.edgeScope(shown) : null, checkpoint);
  const graph: Graph = { ...all, edges, nodes: [...shown].sort((a, b) => a - b) };
  return { graph, shown, droppedNodes: nodes.length - kept.length, nodesAfterCutoff: kept.length, edgeCutoff };
}

/** The nodes of a graph, less the negative ones under drop_negative. */
export function visibleNodes(g: Graph, dropNegative: boolean): number[] {
  if (!dropNegative) return g.nodes;
  return g.nodes.filter((n) => !(g.flat[n] < 0 || (g.flat[n] === 0 && g.cum[n] < 0)));
}

function toMask(nodes: number[], size: number): Uint8Array {
  const mask = new Uint8Array(size);
  for (const n of nodes) mask[n] = 1;
  return mask;
}

/**
 * pprof's order: |flat| (or |cum|) descending, then name, then the other value descending, then
 * pprof's last resort, its node identity as text (see infoTail).
 */
export function sortNodes(g: Graph, frames: FrameTable, nodes: number[], byCum: boolean): number[] {
  const first = byCum ? g.cum : g.flat;
  const second = byCum ? g.flat : g.cum;
  const names = frames.names;
  return [...nodes].sort((a, b) => {
    const byFirst = Math.abs(first[b]) - Math.abs(first[a]);
    if (byFirst !== 0) return byFirst;
    if (names[a] !== names[b]) return names[a] < names[b] ? -1 : 1;
    const bySecond = Math.abs(second[b]) - Math.abs(second[a]);
    if (bySecond !== 0) return bySecond;
    const [ta, tb] = [infoTail(frames.nodes[a]), infoTail(frames.nodes[b])];
    return ta < tb ? -1 : ta > tb ? 1 : a - b;
  });
}

/**
 * Two nodes printed alike (a file's functions at file granularity) are ordered by pprof on the
 * text of their whole identity; with the names equal, only the function's start line and the
 * object file can differ, so their text from the start line on orders them the same: `10 0 /bin/x}`
 * before `9 0 /bin/x}`, as text, not as numbers.
 */
export function infoTail(n: NodeInfo): string {
  return `${n.startLine} ${n.line} ${n.objfile}}`;
}
