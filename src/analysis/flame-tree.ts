import type { PreparedReport } from './analysis.js';
import { inBlocks } from './graph/graph.js';

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
 * nodecount are for the text reports; see `pruneFlameTree` to drop slivers.
 */
export function flameTree(r: PreparedReport): FlameTree {
  const paths = new PathTable();
  const { locStart, locs } = r.profile.samples;
  const { frameStart, frameNode } = r.frames;
  const { weight, divisor, exclude } = r.weights;
  let diff = false;
  inBlocks(r.profile.samples.count, r.checkpoint, (from, to) => {
    for (let s = from; s < to; s++) {
      if (exclude !== null && exclude[s] !== 0) continue;
      const value = weight[s];
      const div = divisor !== null ? divisor[s] : 0;
      if (locStart[s] === locStart[s + 1] || (value === 0 && div === 0)) continue;
      if (value < 0) diff = true;
      let path = 0;
      let last = -1;
      paths.add(0, value, div);
      for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
        const loc = locs[i];
        for (let f = frameStart[loc + 1] - 1; f >= frameStart[loc]; f--) {
          const node = frameNode[f];
          if (node === last) continue;
          last = node;
          path = paths.child(path, node);
          paths.add(path, value, div);
        }
      }
      paths.addSelf(path, value, div);
    }
  });
  return { root: paths.toNode(0, r.frames.names), typeName: r.typeName, unit: r.sampleUnit, total: r.total, diff };
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

/** Call paths as numbered entries (0 is the root), each with its sums, and a lookup of children. */
class PathTable {
  private readonly node: number[] = [-1];
  private readonly parent: number[] = [-1];
  private readonly sums: number[][] = [[0, 0, 0, 0, 0, 0]];
  private readonly children = new Map<number, number>();
  private readonly firstChild: number[] = [-1];
  private readonly nextSibling: number[] = [-1];

  /** The entry of `node` called from `path`, made on first use. */
  child(path: number, node: number): number {
    // Keys stay exact: paths and nodes are each well under 2^26.
    const key = path * 67108864 + node;
    let entry = this.children.get(key);
    if (entry === undefined) {
      entry = this.node.length;
      this.children.set(key, entry);
      this.node.push(node);
      this.parent.push(path);
      this.sums.push([0, 0, 0, 0, 0, 0]);
      this.firstChild.push(-1);
      this.nextSibling.push(this.firstChild[path]);
      this.firstChild[path] = entry;
    }
    return entry;
  }

  /** Adds a sample's value to a path's total (and divisor, growth or shrinkage). */
  add(path: number, value: number, div: number): void {
    const s = this.sums[path];
    s[TOTAL] += value;
    s[TOTAL_DIV] += div;
    if (value > 0) s[GROWN] += value;
    else s[SHRUNK] += value;
  }

  /** Adds a sample's value to the self of the path it ends at. */
  addSelf(path: number, value: number, div: number): void {
    const s = this.sums[path];
    s[SELF] += value;
    s[SELF_DIV] += div;
  }

  /** The entry as a FlameNode with its children, named from `names`. */
  toNode(path: number, names: readonly string[]): FlameNode {
    const kids: FlameNode[] = [];
    for (let c = this.firstChild[path]; c >= 0; c = this.nextSibling[c]) kids.push(this.toNode(c, names));
    kids.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : b.total - a.total));
    const s = this.sums[path];
    const divided = (v: number) => (s[TOTAL_DIV] === 0 ? v : Math.trunc(v / s[TOTAL_DIV]));
    return {
      name: path === 0 ? FLAME_ROOT : names[this.node[path]],
      self: s[SELF_DIV] === 0 ? s[SELF] : Math.trunc(s[SELF] / s[SELF_DIV]),
      total: divided(s[TOTAL]),
      grown: divided(s[GROWN]),
      shrunk: divided(s[SHRUNK]),
      children: kids,
    };
  }
}

/** Positions in a path's sums. */
const TOTAL = 0,
  TOTAL_DIV = 1,
  SELF = 2,
  SELF_DIV = 3,
  GROWN = 4,
  SHRUNK = 5;
