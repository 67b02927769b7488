import { type FlameNode, width as frameWidth } from '../../../analysis/flame-tree.js';
import { percentage, scaledLabel } from '../../../analysis/values/units.js';
import type { ScreenSize } from '../live-layout.js';
import { displayWidth, withCursorCell } from '../screen-text.js';
import { type FlameCell, cutName, frameAt } from './flame-layout.js';
import { type FlameView, flameLayout } from './flame-nav.js';
import { type FlameSearch, matchesSearch, searchTotal } from './flame-search.js';

/** Rows the view keeps for itself: the title above the graph, the status and the keys below. */
const CHROME_ROWS = 3;

/**
 * Background colours (xterm's 256) for packages: mid-tone warm colours under black text, which
 * read the same on dark and light terminals since both colours are set.
 */
const PACKAGE_COLOURS = [215, 179, 221, 209, 180, 186, 173, 222, 216, 214, 144, 223];
/** The root and the zoomed frame's callers: grey, set apart from the functions. */
const CONTEXT_COLOUR = 250;
/** Under a base: shrinkage (blues) and growth (reds), from slight to all. */
const SHRUNK_COLOURS = [153, 117, 75];
const GROWN_COLOURS = [217, 210, 203];

const SGR = (codes: string) => `\x1b[${codes}m`;
const RESET = SGR('0');
/** The selected frame: the terminal's own colours swapped, bold, whatever the theme. */
const SELECTED = SGR('0;1;7');
/** Frames the search matches: magenta, or underlined without colours. */
const MATCHED = SGR('0;30;48;5;213');
const MATCHED_PLAIN = SGR('0;4');
/** What the last row shows when no search is typed. */
const KEYS = 'arrows move  Enter zoom in  u/Backspace zoom out  / search  q/Esc leave';

/**
 * The whole screen of the flame view, one string per row (`size.rows` of them, each at most
 * `size.columns` wide): a title, the icicle (rows scrolled so the selected frame's depth shows),
 * then the selected frame's numbers and the keys. `colour` false draws without colours (NO_COLOR):
 * frames are still set apart by the gap after each, and the selection by inverse video.
 */
export function paintFlame(view: FlameView, size: ScreenSize, colour: boolean): string[] {
  const { columns } = size;
  const height = Math.max(1, size.rows - CHROME_ROWS);
  const layout = flameLayout(view, columns);
  const depth = view.selected.length;
  const first = depth < height ? 0 : depth - height + 1;
  const rows = [fit(titleLine(view), columns)];
  const style = (cell: FlameCell) => (cell === layout.selected ? SELECTED : cellStyle(cell, view, colour));
  for (let d = first; d < first + height; d++) rows.push(paintRow(layout.rows[d] ?? [], style));
  rows.push(fit(statusLine(view), columns), lastRow(view.search, columns));
  return rows.slice(0, Math.max(1, size.rows));
}

/** One depth's frames: each a coloured block holding its name, then a one-column gap (see FlameCell). */
function paintRow(cells: readonly FlameCell[], styleOf: (cell: FlameCell) => string): string {
  let out = '';
  let at = 0;
  for (const cell of cells) {
    if (cell.column > at) out += ' '.repeat(cell.column - at);
    const body = cell.gap ? cell.width - 1 : cell.width;
    const style = styleOf(cell);
    // Without colours, a frame too narrow for a name is dots, or it could not be told from a gap.
    const fill = cell.label === '' && style === '' ? '.' : ' ';
    const text = cell.label + fill.repeat(Math.max(0, body - displayWidth(cell.label)));
    out += style ? `${style}${text}${RESET}` : text;
    if (cell.gap) out += ' ';
    at = cell.column + cell.width;
  }
  return out;
}

/** A frame's style: the search's mark, else its colours (none without colour). */
function cellStyle(cell: FlameCell, view: FlameView, colour: boolean): string {
  if (!cell.above && cell.depth > 0 && matchesSearch(view.search, cell.node.name)) return colour ? MATCHED : MATCHED_PLAIN;
  return colour ? frameStyle(cell, view.tree.diff) : '';
}

/** The search being typed, with its cursor, or the keys. */
function lastRow(search: FlameSearch | undefined, columns: number): string {
  if (!search?.typing) return fit(KEYS, columns);
  const { text, cursor } = search.typing;
  // The end of a long search stays in sight.
  const shown = `/${text}`.slice(-Math.max(1, columns - 1));
  return withCursorCell(shown, cursor + 1 - (text.length + 1 - shown.length));
}

/** A frame's colours: by package, grey for context, by growth under a base. */
function frameStyle(cell: FlameCell, diff: boolean): string {
  if (cell.above || cell.depth === 0) return SGR(`0;30;48;5;${CONTEXT_COLOUR}`);
  if (diff) return SGR(`0;30;48;5;${diffColour(cell.node)}`);
  return SGR(`0;30;48;5;${PACKAGE_COLOURS[hashText(packageOf(cell.node.name)) % PACKAGE_COLOURS.length]}`);
}

/** Red the more a frame grew, blue the more it shrank, by the net change's share of its width. */
function diffColour(node: FlameNode): number {
  const w = frameWidth(node);
  if (w <= 0) return CONTEXT_COLOUR;
  const net = node.total / w;
  const shades = net >= 0 ? GROWN_COLOURS : SHRUNK_COLOURS;
  return shades[Math.min(shades.length - 1, Math.floor(Math.abs(net) * shades.length))];
}

/**
 * The Go package of a function name: its import path and the first dotted word after it
 * (`github.com/x/y.(*T).F` is `github.com/x/y`, `main.main` is `main`); a file name's folder.
 */
export function packageOf(name: string): string {
  const head = name.split(' ')[0];
  const slash = head.lastIndexOf('/');
  const dot = head.indexOf('.', slash + 1);
  return dot < 0 ? head : head.slice(0, dot);
}

/** FNV-1a: the same package gets the same colour in every run. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The sample type, the total, and the zoomed frame. */
function titleLine(view: FlameView): string {
  const { tree } = view;
  const zoomed = frameAt(tree.root, view.zoom).at(-1)!;
  const zoom = view.zoom.length > 0 ? `, zoomed into ${zoomed.name}` : '';
  return `flame: ${tree.typeName}, ${value(view, tree.total)} total${tree.diff ? ' (red grew, blue shrank)' : ''}${zoom}${searchNote(view)}`;
}

/** What the search matched: its frames' total (each counted once) and its share, or why it failed. */
function searchNote(view: FlameView): string {
  const applied = view.search?.applied;
  if (!applied) return '';
  if (applied.error !== null) return `; /${applied.text}/: ${applied.error}`;
  const { total, frames } = searchTotal(view.tree.root, view.search!);
  return `; /${applied.text}/ matches ${value(view, total)} (${percentage(total, view.tree.total).trim()}) in ${frames} frame${frames === 1 ? '' : 's'}`;
}

/** The selected frame's name and numbers, as top prints them: flat and cum, each with its share. */
export function statusLine(view: FlameView): string {
  const node = frameAt(view.tree.root, view.selected).at(-1)!;
  const share = (v: number) => percentage(v, view.tree.total).trim();
  const change = view.tree.diff ? `  grew ${value(view, node.grown)}, shrank ${value(view, -node.shrunk)}` : '';
  return `${node.name}  flat ${value(view, node.self)} (${share(node.self)})  cum ${value(view, node.total)} (${share(node.total)})${change}`;
}

const value = (view: FlameView, v: number) => scaledLabel(v, view.tree.unit, 'minimum');

/** A line cut to the screen's width. */
function fit(text: string, columns: number): string {
  return displayWidth(text) <= columns ? text : cutName(text, columns);
}
