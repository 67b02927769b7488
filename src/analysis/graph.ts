import type { Profile } from '../profile/model.js';
import { EdgeTable } from './edges.js';
import type { FrameTable } from './frames.js';

/** Per-sample weights for one sample index: the value and, under `mean`, the divisor. */
export interface SampleWeights {
  readonly weight: Float64Array;
  readonly divisor: Float64Array | null;
  /** Samples to leave out (filters), or null for all. */
  readonly exclude: Uint8Array | null;
}

/** Called now and then in long loops; throws to stop the work (the console's Ctrl-C). */
export type Checkpoint = () => void;

/** A checkpoint that never stops anything. */
export const noCheckpoint: Checkpoint = () => {};

/** Node sums indexed by node id of the frame table, plus the edges between them. */
export interface Graph {
  readonly flat: Float64Array;
  readonly flatDiv: Float64Array;
  readonly cum: Float64Array;
  readonly cumDiv: Float64Array;
  /** The edges, when the graph was built with them. */
  readonly edges: EdgeTable | null;
  /** Node ids present in the graph (flat or cum nonzero), in id order. */
  readonly nodes: number[];
}

/**
 * Builds the call graph: walking each sample root to leaf, cum is added once per node (so
 * recursion counts once), each caller→callee edge once, and flat goes to the leaf-most frame.
 * With `kept`, frames of other nodes are skipped: edges jump over them (residual), and a sample
 * whose leaf was dropped adds no flat anywhere. Edges are collected only when `withEdges` is set:
 * trimming passes need the node sums alone.
 */
export function buildGraph(
  p: Profile, frames: FrameTable, w: SampleWeights, kept: Uint8Array | null, withEdges = true, checkpoint: Checkpoint = noCheckpoint,
): Graph {
  const nodeCount = frames.nodes.length;
  const g: Graph = {
    flat: new Float64Array(nodeCount),
    flatDiv: new Float64Array(nodeCount),
    cum: new Float64Array(nodeCount),
    cumDiv: new Float64Array(nodeCount),
    edges: withEdges ? new EdgeTable() : null,
    nodes: [],
  };
  const seen = new Int32Array(nodeCount).fill(-1);
  const { locStart, locs, count } = p.samples;
  const { frameStart, frameNode, frameInline } = frames;
  const edges = g.edges;
  for (let s = 0; s < count; s++) {
    if ((s & 4095) === 0) checkpoint();
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
        if (edges && parent >= 0 && parent !== node) edges.add(parent, node, s, value, div, residual, frameInline[f] === 1);
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
  g.edges?.forEach((_caller, callee, weight, isInline) => {
    if (Math.abs(weight) < edgeCutoff) return;
    if (isInline) inline[callee] = 1;
    else notInline[callee] = 1;
  });
  const labels = new Array<string>(nodeCount).fill('');
  for (let n = 0; n < nodeCount; n++) {
    if (inline[n]) labels[n] = notInline[n] ? '(partial-inline)' : '(inline)';
  }
  return labels;
}
