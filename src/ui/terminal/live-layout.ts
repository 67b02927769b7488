import type { ConsoleView } from '../console-controller.js';
import { type LineState, PROMPT } from '../line-editor.js';
import type { Frame } from './live-region.js';
import { displayWidth, layOutLine, rowsAroundCursor, withCursorCell } from './screen-text.js';
import { showControls } from './visible-controls.js';

/** The screen's size, for laying out the live part. */
export interface ScreenSize {
  readonly columns: number;
  readonly rows: number;
}

/** Columns between two candidates in a list, as readline leaves. */
const GAP = 2;

/**
 * The prompt and the line being typed, cut into rows of the screen's width, the cursor's cell in
 * inverse video (the terminal's own cursor waits below the live part: see LiveRegion).
 */
export function promptRows(line: LineState, size: ScreenSize): string[] {
  const text = showControls(line.text);
  const laidOut = layOutLine(PROMPT + text, PROMPT.length + showControls(line.text.slice(0, line.cursor)).length, size.columns);
  // The live part must fit on the screen to be redrawn in place; a line longer than that shows
  // the rows around the cursor (the row below the live part is the terminal cursor's).
  const { rows, cursor } = rowsAroundCursor(laidOut, size.rows - 1);
  return rows.map((row, i) => (i === cursor.row ? withCursorCell(row, cursor.column) : row));
}

/**
 * Completion candidates in columns, as readline lists them: sorted down each column, as many
 * columns as fit. At most `maxRows` rows; when they do not all fit, the last row says how many
 * more there are.
 */
export function candidateRows(candidates: readonly string[], size: ScreenSize, maxRows: number): string[] {
  if (candidates.length === 0 || maxRows <= 0) return [];
  const widest = candidates.reduce((w, c) => Math.max(w, displayWidth(showControls(c))), 0);
  const width = Math.min(size.columns, widest + GAP);
  const perRow = Math.max(1, Math.floor((size.columns + GAP) / width));
  const fits = Math.ceil(candidates.length / perRow) <= maxRows;
  // Those that fit, the first ones in order: a list cut short still reads from the start.
  const shown = (fits ? candidates : candidates.slice(0, Math.max(1, maxRows - 1) * perRow)).map(showControls);
  const rowCount = Math.ceil(shown.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: string[] = [];
    for (let c = r; c < shown.length; c += rowCount) row.push(clip(shown[c], size.columns));
    lines.push(row.map((name, i) => (i === row.length - 1 ? name : name + ' '.repeat(Math.max(0, width - displayWidth(name))))).join(''));
  }
  if (!fits) lines.push(clip(`... and ${candidates.length - shown.length} more (type more of the name)`, size.columns));
  return lines;
}

/** `text` cut to at most `columns` columns. */
function clip(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > columns) break;
    out += char;
  }
  return out;
}

/** How many rows the completion list may take below a prompt of `promptHeight` rows (and the cursor's row). */
export function candidateRowLimit(promptHeight: number, size: ScreenSize): number {
  return Math.max(0, size.rows - 1 - promptHeight);
}

/**
 * The live part as plain text, without a spinner: what the console draws before Ink is loaded,
 * and the layout Ink's LiveArea draws too.
 */
export function plainFrame(view: ConsoleView, size: ScreenSize, loading: string): Frame {
  if (view.phase === 'loading') return { rows: [clip(loading, size.columns)] };
  if (view.phase !== 'editing') return { rows: [] };
  const prompt = promptRows(view.line, size);
  return { rows: [...prompt, ...candidateRows(view.candidates, size, candidateRowLimit(prompt.length, size))] };
}
