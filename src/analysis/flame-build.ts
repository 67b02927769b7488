import type { PreparedReport } from './analysis.js';
import { FLAME_ROOT, type FlameNode, type FlameTree } from './flame-tree.js';
import { inBlocks } from './graph/graph.js';

/**
 * The flame graph of `r` (what `ProfileAnalysis.prepare(options)` gives, so the sample index, the
 * filters and the granularity are the reports'). Each sample is walked from its root frame to its
 * leaf (inlined calls are frames of their own, as in `top`); a frame that calls itself directly
 * stays one frame, as `top` counts it once. Nothing is trimmed by nodefraction or nodecount, which
 * are for the text reports; frames narrower than `fraction` of the root's width are left out, as
 * `pruneFlameTree` would leave them out, but never made: each sample's frames are listed once,
 * root first; then, from the root down, a frame's samples are grouped by their next frame, and
 * only the groups wide enough to keep are grouped further. A profile of 300,000 samples has
 * millions of call paths, nearly all of them slivers: they cost one pass over their samples here,
 * and no object, hash entry or sums each.
 */
export function flameTree(r: PreparedReport, fraction = 0): FlameTree {
  const s = listFrames(r);
  const root = sumsOf(s, 0, s.count);
  const grouping = new Grouping(s, r.frames.names, r.frames.names.length, r.checkpoint);
  const tree = grouping.node(FLAME_ROOT, root, 0, s.count, 0, root.width * fraction);
  return { root: tree, typeName: r.typeName, unit: r.sampleUnit, total: r.total, diff: s.diff };
}

/** The samples a flame graph counts: their frames root first (a frame repeated at once listed once), values and divisors. */
interface SampleFrames {
  readonly count: number;
  /** Sample i's frames are frames[start[i]] .. frames[start[i + 1] - 1]. */
  readonly start: Int32Array;
  readonly frames: Int32Array;
  readonly value: Float64Array;
  readonly div: Float64Array;
  /** Some sample is negative (a base was subtracted). */
  readonly diff: boolean;
}

function listFrames(r: PreparedReport): SampleFrames {
  const { locStart, locs } = r.profile.samples;
  const { frameStart, frameNode } = r.frames;
  const { weight, divisor, exclude } = r.weights;
  const n = r.profile.samples.count;
  const kept = (s: number) =>
    !(exclude !== null && exclude[s] !== 0) &&
    locStart[s] !== locStart[s + 1] &&
    (weight[s] !== 0 || (divisor !== null && divisor[s] !== 0));
  let count = 0;
  let room = 0;
  for (let s = 0; s < n; s++) {
    if (!kept(s)) continue;
    count++;
    for (let i = locStart[s]; i < locStart[s + 1]; i++) room += frameStart[locs[i] + 1] - frameStart[locs[i]];
  }
  const start = new Int32Array(count + 1);
  const frames = new Int32Array(room);
  const value = new Float64Array(count);
  const div = new Float64Array(count);
  let diff = false;
  let k = 0;
  let at = 0;
  inBlocks(n, r.checkpoint, (from, to) => {
    for (let s = from; s < to; s++) {
      if (!kept(s)) continue;
      value[k] = weight[s];
      div[k] = divisor !== null ? divisor[s] : 0;
      if (weight[s] < 0) diff = true;
      let last = -1;
      for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
        const loc = locs[i];
        for (let f = frameStart[loc + 1] - 1; f >= frameStart[loc]; f--) {
          if (frameNode[f] === last) continue;
          last = frameNode[f];
          frames[at++] = last;
        }
      }
      start[++k] = at;
    }
  });
  return { count, start, frames, value, div, diff };
}

/** A frame's sums, as flame-tree adds them: totals, divisors, growth and shrinkage. */
interface Sums {
  readonly total: number;
  readonly totalDiv: number;
  readonly grown: number;
  readonly shrunk: number;
  /** grown - shrunk, each divided under mean: the width pruning compares. */
  readonly width: number;
}

function sums(total: number, totalDiv: number, grown: number, shrunk: number): Sums {
  const divided = (v: number) => (totalDiv === 0 ? v : Math.trunc(v / totalDiv));
  return { total, totalDiv, grown, shrunk, width: divided(grown) - divided(shrunk) };
}

/** The sums of the samples `order[from..to)` (at the root: all, in order). */
function sumsOf(s: SampleFrames, from: number, to: number): Sums {
  let total = 0,
    totalDiv = 0,
    grown = 0,
    shrunk = 0;
  for (let k = from; k < to; k++) {
    total += s.value[k];
    totalDiv += s.div[k];
    if (s.value[k] > 0) grown += s.value[k];
    else shrunk += s.value[k];
  }
  return sums(total, totalDiv, grown, shrunk);
}

/**
 * Groups a frame's samples by their next frame. The samples are kept in one array, `order`, in
 * which a frame's samples are a range, in sample order (so sums add up in the order flame-tree
 * adds them); a kept callee's samples become a range within its caller's.
 */
class Grouping {
  private readonly order: Int32Array;
  private readonly scratch: Int32Array;
  /** Per node: sums of the samples in the group being made, and the group's size. */
  private readonly total: Float64Array;
  private readonly totalDiv: Float64Array;
  private readonly grown: Float64Array;
  private readonly shrunk: Float64Array;
  private readonly size: Int32Array;

  constructor(
    private readonly s: SampleFrames,
    private readonly names: readonly string[],
    nodes: number,
    private readonly checkpoint: () => void,
  ) {
    this.order = new Int32Array(s.count);
    for (let i = 0; i < s.count; i++) this.order[i] = i;
    this.scratch = new Int32Array(s.count);
    this.total = new Float64Array(nodes);
    this.totalDiv = new Float64Array(nodes);
    this.grown = new Float64Array(nodes);
    this.shrunk = new Float64Array(nodes);
    this.size = new Int32Array(nodes);
  }

  /** The frame whose samples are `order[from..to)`, at `depth` frames from the root, with its callees at least `cutoff` wide. */
  node(name: string, own: Sums, from: number, to: number, depth: number, cutoff: number): FlameNode {
    this.checkpoint();
    const { s, order } = this;
    let self = 0,
      selfDiv = 0;
    // Callees in the order they are first met, as flame-tree makes its paths.
    const met: number[] = [];
    for (let k = from; k < to; k++) {
      const m = order[k];
      const at = s.start[m] + depth;
      if (at === s.start[m + 1]) {
        self += s.value[m];
        selfDiv += s.div[m];
        continue;
      }
      const callee = s.frames[at];
      if (this.size[callee] === 0) met.push(callee);
      this.size[callee]++;
      this.total[callee] += s.value[m];
      this.totalDiv[callee] += s.div[m];
      if (s.value[m] > 0) this.grown[callee] += s.value[m];
      else this.shrunk[callee] += s.value[m];
    }
    const kept = this.keep(met, cutoff);
    const ranges = this.regroup(kept, from, to, depth);
    const kids = kept.map((k, i) => this.node(this.names[k.callee], k.sums, ranges[i], ranges[i] + k.size, depth + 1, cutoff));
    kids.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : b.total - a.total));
    const divided = (v: number) => (own.totalDiv === 0 ? v : Math.trunc(v / own.totalDiv));
    return {
      name,
      self: selfDiv === 0 ? self : Math.trunc(self / selfDiv),
      total: divided(own.total),
      grown: divided(own.grown),
      shrunk: divided(own.shrunk),
      children: kids,
    };
  }

  /** The callees wide enough to keep, with their sums; the per-node sums are cleared for the next frame. */
  private keep(met: readonly number[], cutoff: number): { callee: number; sums: Sums; size: number }[] {
    const kept: { callee: number; sums: Sums; size: number }[] = [];
    // flame-tree lists a frame's callees newest first; the sort by name keeps that order for ties.
    for (let i = met.length - 1; i >= 0; i--) {
      const c = met[i];
      const own = sums(this.total[c], this.totalDiv[c], this.grown[c], this.shrunk[c]);
      if (own.width >= cutoff && own.width > 0) kept.push({ callee: c, sums: own, size: this.size[c] });
    }
    for (const c of met) {
      this.total[c] = this.totalDiv[c] = this.grown[c] = this.shrunk[c] = 0;
      this.size[c] = 0;
    }
    return kept;
  }

  /** Puts each kept callee's samples together, in sample order, at the start of `order[from..to)`; returns where each begins. */
  private regroup(kept: readonly { callee: number; size: number }[], from: number, to: number, depth: number): number[] {
    const { s, order, scratch } = this;
    const slot = new Map<number, number>();
    const ranges: number[] = [];
    let next = from;
    kept.forEach((k, i) => {
      slot.set(k.callee, i);
      ranges.push(next);
      next += k.size;
    });
    const fill = [...ranges];
    for (let k = from; k < to; k++) {
      const m = order[k];
      const at = s.start[m] + depth;
      const i = at === s.start[m + 1] ? undefined : slot.get(s.frames[at]);
      if (i !== undefined) scratch[fill[i]++] = m;
    }
    order.set(scratch.subarray(from, next), from);
    return ranges;
  }
}
