import type { Profile } from '../../profile/model.js';
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
 * Sums the call graph's nodes: walking each sample root to leaf, cum is added once per node (so
 * recursion counts once) and flat goes to the leaf-most frame. Edges are left to `collectEdges`:
 * most reports need them for a few nodes only, and the sums alone are a cheaper walk.
 */
export function nodeSums(p: Profile, frames: FrameTable, w: SampleWeights, checkpoint: Checkpoint = noCheckpoint): Graph {
  const nodeCount = frames.nodes.length;
  const flat = new Float64Array(nodeCount);
  const flatDiv = new Float64Array(nodeCount);
  const cum = new Float64Array(nodeCount);
  const cumDiv = new Float64Array(nodeCount);
  // Per node, the last sample that added to its cum.
  const seen = new Int32Array(nodeCount).fill(-1);
  const { weight, divisor, exclude } = w;
  inBlocks(p.samples.count, checkpoint, (from, to) =>
    sumSamples(p, frames, weight, divisor, exclude, from, to, flat, flatDiv, cum, cumDiv, seen),
  );
  return { flat, flatDiv, cum, cumDiv, edges: null, nodes: presentNodes(flat, cum) };
}

/** Samples walked between checkpoints. */
const CHECKPOINT_EVERY = 4096;

/** Calls `walk(from, to)` over `count` samples, a block at a time, with a checkpoint before each. */
export function inBlocks(count: number, checkpoint: Checkpoint, walk: (from: number, to: number) => void): void {
  for (let from = 0; from < count; from += CHECKPOINT_EVERY) {
    checkpoint();
    walk(from, Math.min(count, from + CHECKPOINT_EVERY));
  }
}

/**
 * Adds samples `from` to `to` (weighed by `weight`, under `mean` divided by `divisor`, less those
 * `exclude` marks) to the sums. This is the loop V8 optimises while it runs, so it holds nothing
 * that would throw that code away soon after: no call made every few thousand samples (nodeSums'
 * checkpoints), no comparison first made on a rare sample, and no fields read from objects made
 * per report (the weights, the sums): the next such object discarded the code.
 */
function sumSamples(
  p: Profile,
  frames: FrameTable,
  weight: Float64Array,
  divisor: Float64Array | null,
  exclude: Uint8Array | null,
  from: number,
  to: number,
  flat: Float64Array,
  flatDiv: Float64Array,
  cum: Float64Array,
  cumDiv: Float64Array,
  seen: Int32Array,
): void {
  const { locStart, locs } = p.samples;
  const { frameStart, frameNode, soleNode } = frames;
  for (let s = from; s < to; s++) {
    // Samples filtered out or of no weight add nothing. No weight is rare: `!div` is a test,
    // which needs no type feedback where `div === 0` would.
    if (exclude !== null && exclude[s] !== 0) continue;
    const value = weight[s];
    const div = divisor !== null ? divisor[s] : 0;
    const start = locStart[s],
      end = locStart[s + 1];
    if (start === end || (value === 0 && !div)) continue;
    // Sums do not depend on the order frames are met in, so each location is read as it comes;
    // `seen` makes a node's cum count once per sample (recursion). Most locations have one frame,
    // whose node is looked up directly.
    for (let i = start; i < end; i++) {
      const loc = locs[i];
      const sole = soleNode[loc];
      if (sole >= 0) {
        if (seen[sole] !== s) {
          seen[sole] = s;
          cum[sole] += value;
          if (div !== 0) cumDiv[sole] += div;
        }
        continue;
      }
      for (let f = frameStart[loc]; f < frameStart[loc + 1]; f++) {
        const node = frameNode[f];
        if (seen[node] === s) continue;
        seen[node] = s;
        cum[node] += value;
        if (div !== 0) cumDiv[node] += div;
      }
    }
    // The leaf-most frame: the first (innermost inlined) frame of the first location.
    const leaf = frameNode[frameStart[locs[start]]];
    flat[leaf] += value;
    if (div !== 0) flatDiv[leaf] += div;
  }
}

/** The nodes with a nonzero flat or cum, in id order. */
export function presentNodes(flat: Float64Array, cum: Float64Array): number[] {
  const nodes: number[] = [];
  for (let n = 0; n < flat.length; n++) if (flat[n] !== 0 || cum[n] !== 0) nodes.push(n);
  return nodes;
}

/** Bits of an edge scope's entry for a node: collect the edges into it, out of it, or both. */
export const EDGES_INTO = 1;
export const EDGES_OUT_OF = 2;

/**
 * Collects the caller→callee edges, each once per sample. With `kept`, frames of other nodes are
 * skipped and edges jump over them (residual). With `scope`, only edges into a node marked
 * EDGES_INTO or out of one marked EDGES_OUT_OF are kept: looking an edge up is most of the walk's
 * cost, and `top` needs only the edges into a few nodes.
 */
export function collectEdges(
  p: Profile,
  frames: FrameTable,
  w: SampleWeights,
  kept: Uint8Array | null,
  scope: Uint8Array | null,
  checkpoint: Checkpoint = noCheckpoint,
): EdgeTable {
  const edges = new EdgeTable(frames.nodes.length);
  const touches = scope === null ? null : locationsTouching(frames, scope);
  if (touches !== null && touches.indexOf(1) === -1) return edges;
  const { weight, divisor, exclude } = w;
  inBlocks(p.samples.count, checkpoint, (from, to) =>
    addSampleEdges(p, frames, weight, divisor, exclude, from, to, kept, scope, touches, edges),
  );
  return edges;
}

/**
 * Adds the edges of samples `from` to `to` (weights as in `sumSamples`) to `edges`, for
 * collectEdges. Its hot loop is kept as sumSamples' is, for the same reasons.
 */
function addSampleEdges(
  p: Profile,
  frames: FrameTable,
  weight: Float64Array,
  divisor: Float64Array | null,
  exclude: Uint8Array | null,
  from: number,
  to: number,
  kept: Uint8Array | null,
  scope: Uint8Array | null,
  touches: Uint8Array | null,
  edges: EdgeTable,
): void {
  const { locStart, locs } = p.samples;
  const { frameStart, frameNode, frameInline, soleNode } = frames;
  for (let s = from; s < to; s++) {
    if (exclude !== null && exclude[s] !== 0) continue;
    const value = weight[s];
    const div = divisor !== null ? divisor[s] : 0;
    if (value === 0 && !div) continue;
    // A sample through no node of the scope has no edge in it: skipping it is a cheap scan.
    if (touches !== null && !anyLocation(touches, locs, locStart[s], locStart[s + 1])) continue;
    let parent = -1;
    let residual = false;
    for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
      const loc = locs[i];
      // Most locations have one frame, a real call (not inlined): its node is looked up directly,
      // as in sumSamples, instead of looping over a range of one.
      const sole = soleNode[loc];
      if (sole >= 0) {
        if (kept !== null && kept[sole] === 0) {
          residual = true;
          continue;
        }
        if (
          parent >= 0 &&
          parent !== sole &&
          (scope === null || (scope[sole] & EDGES_INTO) !== 0 || (scope[parent] & EDGES_OUT_OF) !== 0)
        ) {
          edges.add(parent, sole, s, value, div, residual, false);
        }
        parent = sole;
        residual = false;
        continue;
      }
      for (let f = frameStart[loc + 1] - 1; f >= frameStart[loc]; f--) {
        const node = frameNode[f];
        if (kept !== null && kept[node] === 0) {
          residual = true;
          continue;
        }
        if (
          parent >= 0 &&
          parent !== node &&
          (scope === null || (scope[node] & EDGES_INTO) !== 0 || (scope[parent] & EDGES_OUT_OF) !== 0)
        ) {
          edges.add(parent, node, s, value, div, residual, frameInline[f] === 1);
        }
        parent = node;
        residual = false;
      }
    }
  }
}

/** Per location, 1 when one of its frames is a node of `scope`. */
function locationsTouching(frames: FrameTable, scope: Uint8Array): Uint8Array {
  const locationCount = frames.frameStart.length - 1;
  const touches = new Uint8Array(locationCount);
  for (let l = 0; l < locationCount; l++) {
    for (let f = frames.frameStart[l]; f < frames.frameStart[l + 1]; f++) if (scope[frames.frameNode[f]] !== 0) touches[l] = 1;
  }
  return touches;
}

function anyLocation(marked: Uint8Array, locs: Uint32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (marked[locs[i]] !== 0) return true;
  return false;
}

/** A node's flat value, divided under `mean` (integer division, as pprof does). */
export function flatValue(g: Graph, node: number): number {
  return g.flatDiv[node] === 0 ? g.flat[node] : Math.trunc(g.flat[node] / g.flatDiv[node]);
}

/** A node's cum value, divided under `mean`. */
export function cumValue(g: Graph, node: number): number {
  return g.cumDiv[node] === 0 ? g.cum[node] : Math.trunc(g.cum[node] / g.cumDiv[node]);
}

/** Bits of inlineEdgeKinds' entry for a node: some edge into it is inlined, some is a real call. */
export const INLINED_EDGE = 1;
export const CALL_EDGE = 2;

/**
 * Per node, which kinds of incoming edges it has (INLINED_EDGE, CALL_EDGE, both or neither). Edges
 * lighter than `edgeCutoff` were trimmed from the graph and do not count.
 */
export function inlineEdgeKinds(g: Graph, nodeCount: number, edgeCutoff: number): Uint8Array {
  const kinds = new Uint8Array(nodeCount);
  g.edges?.forEach((_caller, callee, weight, isInline) => {
    if (Math.abs(weight) < edgeCutoff) return;
    kinds[callee] |= isInline ? INLINED_EDGE : CALL_EDGE;
  });
  return kinds;
}

/** `(inline)` when every incoming edge is inlined, `(partial-inline)` when only some are, else ''. */
export function inlineLabel(kinds: number): string {
  if ((kinds & INLINED_EDGE) === 0) return '';
  return (kinds & CALL_EDGE) !== 0 ? '(partial-inline)' : '(inline)';
}

/** Per node, its inline label (inlineLabel of inlineEdgeKinds). */
export function inlineLabels(g: Graph, nodeCount: number, edgeCutoff: number): string[] {
  return Array.from(inlineEdgeKinds(g, nodeCount, edgeCutoff), inlineLabel);
}
