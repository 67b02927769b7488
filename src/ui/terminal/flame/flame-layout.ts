import { type FlameNode, width as frameWidth } from '../../../analysis/flame-tree.js';
import { displayWidth } from '../screen-text.js';

/** A frame's place in the tree: the index of each child taken from the root ([] is the root). */
export type FramePath = readonly number[];

/** One frame as drawn: which columns of its depth's row it takes, and the name shown in them. */
export interface FlameCell {
  readonly path: FramePath;
  readonly node: FlameNode;
  readonly depth: number;
  readonly column: number;
  readonly width: number;
  /** A blank column ends the cell, to set it apart from the next: when it is 2 or more wide and not at the right edge. */
  readonly gap: boolean;
  /** The name cut to the cell's width less its gap; none in a cell narrower than MIN_LABEL (a letter or two say nothing). */
  readonly label: string;
  /** A caller of the zoomed frame: drawn across the whole width, for context. */
  readonly above: boolean;
}

/** An icicle laid out at one width: a row of cells per depth (root first), left to right. */
export interface FlameLayout {
  readonly rows: readonly (readonly FlameCell[])[];
  /** The selected frame's cell, when it is wide enough to be drawn (compare cells with it). */
  readonly selected: FlameCell | null;
}

/** The narrowest room a name is shown in (cut, `ab…`). */
export const MIN_LABEL = 3;

/** What is shown: the frame filling the width, and the frame selected. */
export interface FlameFocus {
  readonly zoom: FramePath;
  readonly selected: FramePath;
}

/**
 * Lays out the icicle of `root` in `columns` columns: the zoomed frame's callers each across the
 * whole width, the zoomed frame across the whole width below them, and under each frame its
 * callees side by side, as wide as their share of its width (cum; growth and shrinkage both under a
 * base), from the left, in the tree's order. A frame that would be narrower than a column is left
 * out with everything under it.
 */
export function layOutFlame(root: FlameNode, columns: number, focus: FlameFocus): FlameLayout {
  const rows = cellsOf(root, columns, focus.zoom);
  const selected = rows[focus.selected.length]?.find((c) => samePath(c.path, focus.selected)) ?? null;
  return { rows, selected };
}

/** The last layout made of each tree: a key moves the selection far more often than it zooms or resizes. */
const lastLayout = new WeakMap<FlameNode, { key: string; rows: readonly (readonly FlameCell[])[] }>();

/** The cells of `root` zoomed into `zoom` at `columns`, made once for a tree, width and zoom. */
function cellsOf(root: FlameNode, columns: number, zoom: FramePath): readonly (readonly FlameCell[])[] {
  const key = `${columns}/${zoom.join(',')}`;
  const last = lastLayout.get(root);
  if (last?.key === key) return last.rows;
  const rows = placeCells(root, columns, zoom);
  lastLayout.set(root, { key, rows });
  return rows;
}

function placeCells(root: FlameNode, columns: number, zoom: FramePath): FlameCell[][] {
  const rows: FlameCell[][] = [];
  const place = (node: FlameNode, path: FramePath, column: number, width: number, above: boolean) => {
    const gap = width > 1 && column + width < columns;
    const room = gap ? width - 1 : width;
    const cell: FlameCell = {
      path,
      node,
      depth: path.length,
      column,
      width,
      gap,
      label: room >= MIN_LABEL ? cutName(node.name, room) : '',
      above,
    };
    (rows[path.length] ??= []).push(cell);
  };
  const zoomed = frameAt(root, zoom);
  let node = root;
  for (let depth = 0; depth < zoomed.length - 1; depth++) {
    place(node, zoom.slice(0, depth), 0, columns, true);
    node = node.children[zoom[depth]];
  }
  const descend = (n: FlameNode, path: FramePath, from: number, to: number) => {
    const whole = frameWidth(n);
    if (whole <= 0) return;
    const scale = (to - from) / whole;
    let x = from;
    n.children.forEach((child, i) => {
      const w = frameWidth(child) * scale;
      // Under `mean` a callee's values are its own samples' mean, which can be more than its
      // caller's: a frame never reaches past its caller's end.
      const start = Math.min(Math.round(x), Math.round(to));
      const end = Math.min(Math.round(x + w), Math.round(to));
      x += w;
      if (end - start < 1) return;
      place(child, [...path, i], start, end - start, false);
      descend(child, [...path, i], x - w, Math.min(x, to));
    });
  };
  const zoomNode = zoomed[zoomed.length - 1];
  place(zoomNode, zoom, 0, columns, false);
  descend(zoomNode, zoom, 0, columns);
  return rows;
}

/** The frames from the root down to `path`'s (as far as the path leads). */
export function frameAt(root: FlameNode, path: FramePath): FlameNode[] {
  const frames = [root];
  for (const i of path) {
    const next = frames[frames.length - 1].children[i];
    if (!next) break;
    frames.push(next);
  }
  return frames;
}

/** True when `a` and `b` name the same frame. */
export function samePath(a: FramePath, b: FramePath): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** True when `inner` is `outer` or a frame under it. */
export function isWithin(inner: FramePath, outer: FramePath): boolean {
  return inner.length >= outer.length && outer.every((v, i) => v === inner[i]);
}

/**
 * A name cut to `columns` columns: whole if it fits, else without its package's folders
 * (`github.com/x/y.F` as `y.F`), else cut short with `…` at the end.
 */
export function cutName(name: string, columns: number): string {
  if (columns <= 0) return '';
  if (displayWidth(name) <= columns) return name;
  const short = withoutFolders(name);
  if (displayWidth(short) <= columns) return short;
  if (columns === 1) return clip(short, 1);
  return `${clip(short, columns - 1)}…`;
}

/** `github.com/x/y.(*T).F` as `y.(*T).F`: the part after the last slash before the first space. */
function withoutFolders(name: string): string {
  const space = name.indexOf(' ');
  const head = space < 0 ? name : name.slice(0, space);
  const slash = head.lastIndexOf('/');
  return slash < 0 ? name : name.slice(slash + 1);
}

/** `text` cut to at most `columns` columns, never inside a character. */
function clip(text: string, columns: number): string {
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > columns) break;
    out += char;
  }
  return out;
}
