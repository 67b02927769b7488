import type { Profile } from '../profile/model.js';
import type { FrameTable } from './frames.js';

/** Per-sample weights for one sample index: the value and, under `mean`, the divisor. */
export interface SampleWeights {
  readonly weight: Float64Array;
  readonly divisor: Float64Array | null;
  /** Samples to leave out (filters), or null for all. */
  readonly exclude: Uint8Array | null;
}

/** A caller→callee edge, summed over samples. */
export interface Edge {
  readonly caller: number;
  readonly callee: number;
  weight: number;
  weightDiv: number;
  /** True when some contribution skipped dropped frames between the two nodes. */
  residual: boolean;
  /** True while every contribution came from an inlined call. */
  inline: boolean;
  lastSample: number;
}

/** Node sums indexed by node id of the frame table, plus the edges between them. */
export interface Graph {
  readonly flat: Float64Array;
  readonly flatDiv: Float64Array;
  readonly cum: Float64Array;
  readonly cumDiv: Float64Array;
  readonly edges: Map<number, Edge>;
  /** Node ids present in the graph (flat or cum nonzero), in id order. */
  readonly nodes: number[];
}

/**
 * Builds the call graph: walking each sample root to leaf, cum is added once per node (so
 * recursion counts once), each caller→callee edge once, and flat goes to the leaf-most frame.
 * With `kept`, frames of other nodes are skipped: edges jump over them (residual), and a sample
 * whose leaf was dropped adds no flat anywhere.
 */
export function buildGraph(p: Profile, frames: FrameTable, w: SampleWeights, kept: Uint8Array | null): Graph {
  const nodeCount = frames.nodes.length;
  const g: Graph = {
    flat: new Float64Array(nodeCount),
    flatDiv: new Float64Array(nodeCount),
    cum: new Float64Array(nodeCount),
    cumDiv: new Float64Array(nodeCount),
    edges: new Map(),
    nodes: [],
  };
  const seen = new Int32Array(nodeCount).fill(-1);
  const { locStart, locs, count } = p.samples;
  const { frameStart, frameNode, frameInline } = frames;
  for (let s = 0; s < count; s++) {
    if (w.exclude && w.exclude[s]) continue;
    const value = w.weight[s];
    const div = w.divisor ? w.divisor[s] : 0;
    if (value === 0 && div === 0) continue;
    let parent = -1;
    let residual = false;
    for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
      const loc = locs[i];
      for (let f = frameStart[loc + 1] - 1; f >= frameStart[loc]; f--) {
        const node = frameNode[f];
        if (kept && !kept[node]) {
          residual = true;
          continue;
        }
        if (seen[node] !== s) {
          seen[node] = s;
          g.cum[node] += value;
          g.cumDiv[node] += div;
        }
        if (parent >= 0 && parent !== node) addEdge(g, nodeCount, parent, node, s, value, div, residual, frameInline[f] === 1);
        parent = node;
        residual = false;
      }
    }
    if (parent >= 0 && !residual) {
      g.flat[parent] += value;
      g.flatDiv[parent] += div;
    }
  }
  for (let n = 0; n < nodeCount; n++) if (g.flat[n] !== 0 || g.cum[n] !== 0) g.nodes.push(n);
  return g;
}

function addEdge(
  g: Graph, nodeCount: number, caller: number, callee: number, sample: number,
  value: number, div: number, residual: boolean, inline: boolean,
): void {
  const key = caller * nodeCount + callee;
  let edge = g.edges.get(key);
  if (!edge) {
    edge = { caller, callee, weight: 0, weightDiv: 0, residual: false, inline: true, lastSample: -1 };
    g.edges.set(key, edge);
  }
  if (edge.lastSample === sample) return;
  edge.lastSample = sample;
  edge.weight += value;
  edge.weightDiv += div;
  if (residual) edge.residual = true;
  if (!inline) edge.inline = false;
}

/** A node's flat value, divided under `mean` (integer division, as pprof does). */
export function flatValue(g: Graph, node: number): number {
  return g.flatDiv[node] === 0 ? g.flat[node] : Math.trunc(g.flat[node] / g.flatDiv[node]);
}

/** A node's cum value, divided under `mean`. */
export function cumValue(g: Graph, node: number): number {
  return g.cumDiv[node] === 0 ? g.cum[node] : Math.trunc(g.cum[node] / g.cumDiv[node]);
}

/**
 * Per node: `(inline)` when every incoming edge is inlined, `(partial-inline)` when only some are,
 * else ''. Edges lighter than `edgeCutoff` were trimmed from the graph and do not count.
 */
export function inlineLabels(g: Graph, nodeCount: number, edgeCutoff: number): string[] {
  const inline = new Uint8Array(nodeCount);
  const notInline = new Uint8Array(nodeCount);
  for (const edge of g.edges.values()) {
    if (Math.abs(edge.weight) < edgeCutoff) continue;
    if (edge.inline) inline[edge.callee] = 1;
    else notInline[edge.callee] = 1;
  }
  const labels = new Array<string>(nodeCount).fill('');
  for (let n = 0; n < nodeCount; n++) {
    if (inline[n]) labels[n] = notInline[n] ? '(partial-inline)' : '(inline)';
  }
  return labels;
}
