import type { PreparedReport } from './analysis.js';
import { inBlocks } from './graph/graph.js';

/**
 * The call paths of a prepared report in preorder, children in the order of `rank` (names'
 * order), with each path's sums. Entry 0 is the root; an entry's subtree is the entries after it
 * with a greater depth.
 */
export interface PathTable {
  readonly count: number;
  /** Per entry, its node in the frame table (-1 for the root). */
  readonly node: Int32Array;
  readonly depth: Int32Array;
  /** Per entry, SUMS numbers: total, its divisor, self, its divisor, grown, shrunk. */
  readonly sums: Float64Array;
  /** Some sample was negative (a base was subtracted). */
  readonly diff: boolean;
}

/** Positions in an entry's sums. */
export const TOTAL = 0,
  TOTAL_DIV = 1,
  SELF = 2,
  SELF_DIV = 3,
  GROWN = 4,
  SHRUNK = 5,
  SUMS = 6;

/**
 * Builds the path table. Each kept sample's frames, root first (a direct self-call made one
 * frame), are written as ranks into one column; the samples are sorted by them, so that samples
 * sharing a call path are next to each other and each new path is met once, in preorder: no
 * lookup per frame (a hash lookup per frame, in tables of millions of paths, took seconds on the
 * large bench profile for its cache misses alone).
 */
export function callPaths(r: PreparedReport, rank: Int32Array): PathTable {
  const stacks = flatStacks(r, rank);
  const { start, seq, samples } = stacks;
  // A plain array: V8 sorts one with a comparator several times faster than a typed array.
  const order: number[] = new Array<number>(samples.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => compareStacks(seq, start[a], start[a + 1], start[b], start[b + 1]));
  const nodeOfRank = new Int32Array(rank.length);
  rank.forEach((rk, node) => (nodeOfRank[rk] = node));
  // Each sample adds the frames past what it shares with the one before: counted first, so the
  // columns are made once at their size (growing arrays of millions by copying took seconds).
  const shared = sharedPrefixes(order, seq, start);
  let entries = 1;
  for (let k = 0; k < order.length; k++) entries += start[order[k] + 1] - start[order[k]] - shared[k];
  const out = new Columns(entries);
  out.push(-1, 0, -1);
  // The entries of the previous sample's path, by depth (0: the root).
  const open = new Int32Array(maxDepth(start) + 1);
  const { weight, divisor } = r.weights;
  inBlocks(order.length, r.checkpoint, (from, to) => {
    for (let k = from; k < to; k++) {
      const i = order[k];
      const s = samples[i];
      const a = start[i],
        length = start[i + 1] - a;
      for (let d = shared[k]; d < length; d++) open[d + 1] = out.push(nodeOfRank[seq[a + d]], d + 1, open[d]);
      // Only the path's end gets the value here; totals are summed up the tree afterwards.
      out.addSelf(open[length], weight[s], divisor !== null ? divisor[s] : 0);
    }
  });
  out.sumUp();
  return { count: out.count, node: out.node, depth: out.depth, sums: out.sums, diff: stacks.diff };
}

/** Per sample in `order`, how many frames its stack shares with the one before it. */
function sharedPrefixes(order: readonly number[], seq: Int32Array, start: Int32Array): Int32Array {
  const shared = new Int32Array(order.length);
  for (let k = 1; k < order.length; k++) {
    const a = start[order[k]],
      length = start[order[k] + 1] - a;
    const b = start[order[k - 1]],
      bLength = start[order[k - 1] + 1] - b;
    let n = 0;
    while (n < length && n < bLength && seq[a + n] === seq[b + n]) n++;
    shared[k] = n;
  }
  return shared;
}

/** The most frames any stack has. */
function maxDepth(start: Int32Array): number {
  let most = 0;
  for (let i = 1; i < start.length; i++) most = Math.max(most, start[i] - start[i - 1]);
  return most;
}

/** Lexicographic order of two stacks in `seq` (a prefix first). */
function compareStacks(seq: Int32Array, a: number, aEnd: number, b: number, bEnd: number): number {
  while (a < aEnd && b < bEnd) {
    const d = seq[a++] - seq[b++];
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}

/** The kept samples' stacks, root first, as ranks: sample k's in seq[start[k]..start[k+1]). */
function flatStacks(r: PreparedReport, rank: Int32Array): { start: Int32Array; seq: Int32Array; samples: Int32Array; diff: boolean } {
  const { locStart, locs } = r.profile.samples;
  const { frameStart, frameNode } = r.frames;
  const { weight, divisor, exclude } = r.weights;
  const count = r.profile.samples.count;
  let frames = 0;
  for (let s = 0; s < count; s++)
    for (let i = locStart[s]; i < locStart[s + 1]; i++) frames += frameStart[locs[i] + 1] - frameStart[locs[i]];
  const seq = new Int32Array(frames);
  const start: number[] = [0];
  const samples: number[] = [];
  let at = 0;
  let diff = false;
  inBlocks(count, r.checkpoint, (from, to) => {
    for (let s = from; s < to; s++) {
      if (exclude !== null && exclude[s] !== 0) continue;
      const value = weight[s];
      if (locStart[s] === locStart[s + 1] || (value === 0 && (divisor === null || divisor[s] === 0))) continue;
      if (value < 0) diff = true;
      let last = -1;
      for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
        const loc = locs[i];
        for (let f = frameStart[loc + 1] - 1; f >= frameStart[loc]; f--) {
          const node = frameNode[f];
          if (node === last) continue;
          last = node;
          seq[at++] = rank[node];
        }
      }
      samples.push(s);
      start.push(at);
    }
  });
  return { start: Int32Array.from(start), seq, samples: Int32Array.from(samples), diff };
}

/** The path table's columns while they are written, made at their final size. */
class Columns {
  count = 0;
  readonly node: Int32Array;
  readonly depth: Int32Array;
  readonly parent: Int32Array;
  readonly sums: Float64Array;

  constructor(capacity: number) {
    this.node = new Int32Array(capacity);
    this.depth = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.sums = new Float64Array(capacity * SUMS);
  }

  /** Adds an entry; returns its id. */
  push(node: number, depth: number, parent: number): number {
    this.node[this.count] = node;
    this.depth[this.count] = depth;
    this.parent[this.count] = parent;
    return this.count++;
  }

  /** Adds a sample's value to the self of the entry its path ends at (and to its growth or shrinkage). */
  addSelf(entry: number, value: number, div: number): void {
    const at = entry * SUMS;
    this.sums[at + SELF] += value;
    this.sums[at + SELF_DIV] += div;
    this.sums[at + (value > 0 ? GROWN : SHRUNK)] += value;
  }

  /** Totals: each entry's self plus its children's totals, children before parents (reverse preorder). */
  sumUp(): void {
    const { sums, parent } = this;
    for (let e = this.count - 1; e >= 0; e--) {
      const at = e * SUMS;
      sums[at + TOTAL] += sums[at + SELF];
      sums[at + TOTAL_DIV] += sums[at + SELF_DIV];
      const p = parent[e];
      if (p < 0) continue;
      const up = p * SUMS;
      sums[up + TOTAL] += sums[at + TOTAL];
      sums[up + TOTAL_DIV] += sums[at + TOTAL_DIV];
      sums[up + GROWN] += sums[at + GROWN];
      sums[up + SHRUNK] += sums[at + SHRUNK];
    }
  }
}
