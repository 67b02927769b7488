import { eastAsianWidth } from 'get-east-asian-width';

/** A cell position on the screen, counted from a frame's first row. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** A line laid out in rows of at most a screen's width, and where a cursor in it goes. */
export interface LaidOutLine {
  readonly rows: readonly string[];
  readonly cursor: CellPosition;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Code points that take no cell of their own: combining marks, format characters (joiners),
 * variation selectors. They join the character before them.
 */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]$/u;

/** The cells one code point takes: 2 for wide and fullwidth (East Asian) ones, 0 for controls and combining marks. */
function codePointWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x7f) return code >= 0x20 ? 1 : 0;
  if (code < 0xa0 || ZERO_WIDTH.test(char)) return 0;
  return eastAsianWidth(code, { ambiguousAsWide: false });
}

/**
 * `text` as the terminal's cells take it: each a character with the zero-width code points that
 * follow it. (Code points, not full grapheme clusters: a joined emoji sequence may be counted
 * wider than some terminals draw it; a profile's names rarely have one.)
 */
function* cells(text: string): Generator<{ readonly text: string; readonly width: number }> {
  let cell = '';
  let width = 0;
  for (const char of text) {
    const w = codePointWidth(char);
    if (w === 0 && cell !== '') {
      cell += char;
      continue;
    }
    if (cell !== '') yield { text: cell, width };
    cell = char;
    width = w;
  }
  if (cell !== '') yield { text: cell, width };
}

/** The columns `text` takes on a terminal: wide (East Asian) characters two, combining marks none. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const cell of cells(text)) width += cell.width;
  return width;
}

/** The rows a line of `width` columns takes on a screen `columns` wide that wraps it (an empty line takes one). */
export function rowsOnScreen(width: number, columns: number): number {
  return width <= 0 ? 1 : Math.ceil(width / Math.max(1, columns));
}

/**
 * Cuts `text` into rows of at most `columns` columns, never inside a character, and finds the cell
 * of the character at `cursor` (a UTF-16 index). One cell past the end is kept for the cursor, as
 * readline does, so a line that fills its last row exactly puts the cursor on a fresh row.
 */
export function layOutLine(text: string, cursor: number, columns: number): LaidOutLine {
  const width = Math.max(1, columns);
  if (PRINTABLE_ASCII.test(text)) return layOutAscii(text, cursor, width);
  const rows: string[] = [];
  let row = '';
  let used = 0;
  let at: CellPosition | null = null;
  let index = 0;
  for (const cell of cells(text)) {
    if (used + cell.width > width && used > 0) {
      rows.push(row);
      row = '';
      used = 0;
    }
    if (at === null && index >= cursor) at = { row: rows.length, column: used };
    row += cell.text;
    used += cell.width;
    index += cell.text.length;
  }
  if (used >= width) {
    rows.push(row);
    row = '';
    used = 0;
  }
  rows.push(row);
  return { rows, cursor: at ?? { row: rows.length - 1, column: used } };
}

function layOutAscii(text: string, cursor: number, width: number): LaidOutLine {
  const rows: string[] = [];
  // One more cell than the text for the cursor: text.length + 1 cells in all.
  for (let start = 0; start <= text.length; start += width) rows.push(text.slice(start, start + width));
  const at = Math.min(cursor, text.length);
  return { rows, cursor: { row: Math.floor(at / width), column: at % width } };
}

/** `row` with the character at display column `column` (a blank past the end) in inverse video: the prompt's cursor. */
export function withCursorCell(row: string, column: number): string {
  let used = 0;
  let index = 0;
  for (const cell of cells(row)) {
    if (used >= column) break;
    used += cell.width;
    index += cell.text.length;
  }
  const at = index < row.length ? cells(row.slice(index)).next().value!.text : ' ';
  return `${row.slice(0, index)}\x1b[7m${at}\x1b[27m${row.slice(index + at.length)}`;
}

/**
 * The rows of `rows` that a screen `height` rows high can show around the cursor: a line taller
 * than the screen cannot be redrawn in place (the terminal cannot move above its top row).
 */
export function rowsAroundCursor(line: LaidOutLine, height: number): LaidOutLine {
  const limit = Math.max(1, height);
  if (line.rows.length <= limit) return line;
  const first = Math.min(Math.max(0, line.cursor.row - limit + 1), line.rows.length - limit);
  return { rows: line.rows.slice(first, first + limit), cursor: { row: line.cursor.row - first, column: line.cursor.column } };
}
