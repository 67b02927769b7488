import type { PreparedReport } from './analysis.js';
import { GROWN, type PathTable, SELF, SELF_DIV, SHRUNK, SUMS, TOTAL, TOTAL_DIV, callPaths } from './flame-paths.js';

/**
 * One frame of a flame graph: a call path from the root to this function. Values are in the
 * sample type's unit (`FlameTree.unit`), as `top` sums them: `total` is the cum of the samples
 * whose stack runs through this path, `self` the flat of those that end here.
 */
export interface FlameNode {
  /** The node's printable name, as `top` prints it (e.g. `main.grow` or `main.go:12`). */
  readonly name: string;
  readonly self: number;
  readonly total: number;
  /**
   * With a base (-base, -diff_base), the samples' values are net: `grown` sums the positive ones
   * through this path and `shrunk` the negative ones (<= 0), so `grown + shrunk === total` and
   * `grown - shrunk` is the frame's width in a differential flame graph. Without a base, `grown`
   * is `total` and `shrunk` 0. Under `mean` each is divided as `total` is.
   */
  readonly grown: number;
  readonly shrunk: number;
  /** Callees, sorted by name (ties: heavier first), so frames keep their place across settings. */
  readonly children: readonly FlameNode[];
}

/** A flame graph of one prepared report: the synthetic root `root` and what its numbers mean. */
export interface FlameTree {
  /** Named `root`; its total is every sample kept by the filters, `top`'s flat summed. */
  readonly root: FlameNode;
  /** The sample type shown (`mean_` prefixed under mean), e.g. `inuse_space`. */
  readonly typeName: string;
  /** The values' unit, e.g. `bytes` (format with units.ts's `scaledLabel`). */
  readonly unit: string;
  /** The % denominator `top` uses (all samples, or the kept ones under relative_percentages). */
  readonly total: number;
  /** True when some sample is negative (a base was subtracted): draw it as a differential graph. */
  readonly diff: boolean;
}

/** The name of the synthetic root frame. */
export const FLAME_ROOT = 'root';

/**
 * Builds the flame graph of `r` (what `ProfileAnalysis.prepare(options)` gives, so the sample
 * index, the filters and the granularity are the reports'). Each sample is walked from its root
 * frame to its leaf (inlined calls are frames of their own, as in `top`); a frame that calls
 * itself directly stays one frame, as `top` counts it once. Nothing is trimmed: nodefraction and
 * nodecount are for the text reports. With `minShare`, frames narrower than that share of the
 * root's width are left out (as `pruneFlameTree` does), before they are ever made objects: a large
 * profile has millions of call paths, most of them slivers no screen shows.
 */
export function flameTree(r: PreparedReport, minShare = 0): FlameTree {
  const names = r.frames.names;
  const paths = callPaths(r, nameRanks(names));
  const width = paths.sums[GROWN] - paths.sums[SHRUNK];
  return { root: toNodes(paths, names, width * minShare), typeName: r.typeName, unit: r.sampleUnit, total: r.total, diff: paths.diff };
}

/** Per node, its name's place among the sorted names (ties: by node id), so paths sort by name. */
function nameRanks(names: readonly string[]): Int32Array {
  const byName = Array.from(names.keys()).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
  const rank = new Int32Array(names.length);
  byName.forEach((node, i) => (rank[node] = i));
  return rank;
}

/** The path table as FlameNodes, leaving out subtrees narrower than `cutoff`. */
function toNodes(paths: PathTable, names: readonly string[], cutoff: number): FlameNode {
  const { sums, depth, node, count } = paths;
  const make = (entry: number, children: FlameNode[]): FlameNode => {
    const at = entry * SUMS;
    const div = sums[at + TOTAL_DIV];
    const divided = (v: number) => (div === 0 ? v : Math.trunc(v / div));
    const selfDiv = sums[at + SELF_DIV];
    return {
      name: entry === 0 ? FLAME_ROOT : names[node[entry]],
      self: selfDiv === 0 ? sums[at + SELF] : Math.trunc(sums[at + SELF] / selfDiv),
      total: divided(sums[at + TOTAL]),
      grown: divided(sums[at + GROWN]),
      shrunk: divided(sums[at + SHRUNK]),
      children,
    };
  };
  // Preorder: the children of the entry open at depth d are collected in kids[d + 1].
  const kids: FlameNode[][] = [[]];
  const open: number[] = [];
  const close = (toDepth: number) => {
    while (open.length > toDepth) {
      const entry = open.pop()!;
      const made = make(entry, kids.pop()!);
      kids[kids.length - 1].push(made);
    }
  };
  for (let e = 0; e < count; e++) {
    const d = depth[e];
    close(d);
    const width = sums[e * SUMS + GROWN] - sums[e * SUMS + SHRUNK];
    if (e > 0 && (width <= 0 || width < cutoff)) {
      // Skip the subtree: its entries follow with greater depths.
      while (e + 1 < count && depth[e + 1] > d) e++;
      continue;
    }
    open.push(e);
    kids.push([]);
  }
  close(0);
  return kids[0][0];
}

/**
 * `tree` without the frames whose width (`grown - shrunk`) is under `fraction` of the root's:
 * a flame graph cannot draw them, and a large profile has hundreds of thousands. The frames left
 * keep their values, so a parent's children may sum to less than its total.
 */
export function pruneFlameTree(tree: FlameTree, fraction: number): FlameTree {
  const cutoff = width(tree.root) * fraction;
  const prune = (n: FlameNode): FlameNode => ({ ...n, children: n.children.filter((c) => width(c) >= cutoff && width(c) > 0).map(prune) });
  return { ...tree, root: prune(tree.root) };
}

/** A frame's width: its values' magnitude, growth and shrinkage both. */
export function width(n: FlameNode): number {
  return n.grown - n.shrunk;
}

/** How many frames `node` and its descendants hold. */
export function countFrames(node: FlameNode): number {
  let count = 1;
  for (const c of node.children) count += countFrames(c);
  return count;
}
