// A flame graph's model; flame-build.ts makes one from a prepared report.

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
