import type { FlameNode, FlameTree } from '../analysis/flame-tree.js';

/**
 * A flame tree as the page receives it: names once each, and the frames in preorder as rows of
 * numbers (name index, depth, self, total, and under a base grown and shrunk: `strideOf`). A tree
 * of nested objects would repeat every key and name; this is about a fifth of that.
 */
export interface FlameData {
  readonly typeName: string;
  readonly unit: string;
  /** The % denominator (top's total). */
  readonly total: number;
  readonly diff: boolean;
  readonly names: readonly string[];
  readonly frames: readonly number[];
  /** The unit values are shown in (top's for the same report), and the divide_by ratio. */
  readonly shownUnit?: string;
  readonly ratio?: number;
}

/** Numbers per frame in `FlameData.frames`: without a base, grown is total and shrunk 0, and neither is sent. */
export function strideOf(data: Pick<FlameData, 'diff'>): number {
  return data.diff ? 6 : 4;
}

/** Encodes `tree` for the page. */
export function encodeFlame(tree: FlameTree): FlameData {
  const names: string[] = [];
  const index = new Map<string, number>();
  const frames: number[] = [];
  const visit = (n: FlameNode, depth: number) => {
    let i = index.get(n.name);
    if (i === undefined) index.set(n.name, (i = names.push(n.name) - 1));
    frames.push(i, depth, n.self, n.total);
    if (tree.diff) frames.push(n.grown, n.shrunk);
    for (const c of n.children) visit(c, depth + 1);
  };
  visit(tree.root, 0);
  return { typeName: tree.typeName, unit: tree.unit, total: tree.total, diff: tree.diff, names, frames };
}

/** A decoded frame: where it is drawn comes from its place among its siblings. */
export interface Frame {
  readonly name: string;
  readonly depth: number;
  readonly self: number;
  readonly total: number;
  readonly grown: number;
  readonly shrunk: number;
  readonly parent: Frame | null;
  readonly children: Frame[];
}

/** Decodes the page's data back into frames; returns the root. */
export function decodeFlame(data: FlameData): Frame {
  const f = data.frames;
  const stack: Frame[] = [];
  let root: Frame | null = null;
  const stride = strideOf(data);
  for (let at = 0; at < f.length; at += stride) {
    const depth = f[at + 1];
    stack.length = depth;
    const parent = depth > 0 ? stack[depth - 1] : null;
    const frame: Frame = {
      name: data.names[f[at]],
      depth,
      self: f[at + 2],
      total: f[at + 3],
      grown: data.diff ? f[at + 4] : f[at + 3],
      shrunk: data.diff ? f[at + 5] : 0,
      parent,
      children: [],
    };
    if (parent) parent.children.push(frame);
    else root = frame;
    stack.push(frame);
  }
  if (!root) throw new Error('flame data without frames');
  return root;
}
