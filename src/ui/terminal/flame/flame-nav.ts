import { type FlameNode, type FlameTree, width as frameWidth } from '../../../analysis/flame-tree.js';
import type { Key } from '../../keys.js';
import { type FlameLayout, type FramePath, isWithin, layOutFlame, samePath } from './flame-layout.js';
import { type FlameSearch, NO_SEARCH, startSearch, typeSearchKey } from './flame-search.js';

/** The flame view's state: the graph, the zoomed and selected frames, and the zooms to go back to. */
export interface FlameView {
  readonly tree: FlameTree;
  readonly zoom: FramePath;
  readonly selected: FramePath;
  /** Earlier zooms, the last one first out (`u`). */
  readonly back: readonly FramePath[];
  /** The search (`/`): being typed, or applied (matching frames highlighted). */
  readonly search?: FlameSearch;
}

/** The view as it opens: the whole graph, the root selected. */
export function openFlame(tree: FlameTree): FlameView {
  return { tree, zoom: [], selected: [], back: [] };
}

/** The view laid out at `columns`. */
export function flameLayout(view: FlameView, columns: number): FlameLayout {
  return layOutFlame(view.tree.root, columns, view);
}

/**
 * The view after `key`, the screen being `columns` wide (which frames are wide enough to move to);
 * null to leave it (Esc, q, Ctrl-C, Ctrl-D). Keys the view does not use change nothing.
 */
export function pressFlameKey(view: FlameView, key: Key, columns: number): FlameView | null {
  if (view.search?.typing) return { ...view, search: typeSearchKey(view.search, key) };
  if (key.name === 'text') {
    let next: FlameView | null = view;
    for (let i = 0; i < key.text.length && next !== null; i++) {
      // After `/`, the rest of the text is the search being typed.
      if (next.search?.typing) return { ...next, search: typeSearchKey(next.search, { name: 'text', text: key.text.slice(i) }) };
      next = pressLetter(next, key.text[i], columns);
    }
    return next;
  }
  switch (key.name) {
    case 'interrupt':
    case 'eof':
      return null;
    case 'left':
    case 'right':
      return sideways(view, key.name === 'left' ? -1 : 1, columns);
    case 'up':
      return view.selected.length === 0 ? view : { ...view, selected: view.selected.slice(0, -1) };
    case 'down':
      return downward(view, columns);
    case 'enter':
      return samePath(view.selected, view.zoom) ? view : { ...view, zoom: view.selected, back: [...view.back, view.zoom] };
    case 'backspace':
      return zoomOut(view);
    case 'escape':
      return null;
    default:
      return view;
  }
}

/** Letters: q leaves, u zooms out, / starts a search, and vi's h j k l move as the arrows do. */
function pressLetter(view: FlameView, char: string, columns: number): FlameView | null {
  const arrows: Record<string, 'left' | 'down' | 'up' | 'right'> = { h: 'left', j: 'down', k: 'up', l: 'right' };
  if (char === 'q') return null;
  if (char === '/') return { ...view, search: startSearch(view.search ?? NO_SEARCH) };
  if (char === 'u') return zoomOut(view);
  return arrows[char] ? pressFlameKey(view, { name: arrows[char] }, columns) : view;
}

/** Back to the zoom before this one (the whole graph when there is none); the selection stays if it is still shown. */
function zoomOut(view: FlameView): FlameView {
  if (view.back.length === 0 && view.zoom.length === 0) return view;
  const zoom = view.back.at(-1) ?? [];
  const shown = isWithin(view.selected, zoom) || isWithin(zoom, view.selected);
  return { ...view, zoom, back: view.back.slice(0, -1), selected: shown ? view.selected : zoom };
}

/** To the next frame drawn left or right of the selected one under the same caller. */
function sideways(view: FlameView, step: -1 | 1, columns: number): FlameView {
  const { selected } = view;
  if (selected.length === 0) return view;
  const parent = selected.slice(0, -1);
  const row = flameLayout(view, columns).rows[selected.length] ?? [];
  const siblings = row.filter((c) => c.path.length === selected.length && samePath(c.path.slice(0, -1), parent));
  const at = siblings.findIndex((c) => samePath(c.path, selected));
  const next = at < 0 ? undefined : siblings[at + step];
  return next ? { ...view, selected: next.path } : view;
}

/** To the widest callee drawn under the selected frame. */
function downward(view: FlameView, columns: number): FlameView {
  const { selected } = view;
  const row = flameLayout(view, columns).rows[selected.length + 1] ?? [];
  let best: { path: FramePath; node: FlameNode } | null = null;
  for (const c of row) {
    if (!samePath(c.path.slice(0, -1), selected)) continue;
    if (best === null || frameWidth(c.node) > frameWidth(best.node)) best = c;
  }
  return best ? { ...view, selected: best.path } : view;
}
