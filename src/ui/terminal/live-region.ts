import { displayWidth, rowsOnScreen } from './screen-text.js';

/** The terminal as the live region sees it: where to write, and its size now. */
export interface Screen {
  write(text: string): void;
  readonly columns: number;
  readonly rows: number;
}

/** What the live region shows: rows no wider than the screen (styled with SGR sequences, if at all). */
export interface Frame {
  readonly rows: readonly string[];
}

/** An empty frame: nothing drawn. */
export const EMPTY_FRAME: Frame = { rows: [] };

const CSI = '\x1b[';
/** Synchronized output (DEC mode 2026): terminals that know it show the redraw at once; others ignore it. */
const BEGIN_SYNC = `${CSI}?2026h`;
const END_SYNC = `${CSI}?2026l`;
const SHOW_CURSOR = `${CSI}?25h`;
const HIDE_CURSOR = `${CSI}?25l`;
const ANSI_SEQUENCE = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
const ERASE_ROW = `${CSI}2K`;

/**
 * The live part of the console below the scrollback: the prompt, a spinner, a completion list.
 * Redraws replace it in place; everything above it (reports, echoed lines) is written once and
 * left to the terminal, which wraps and re-wraps it as the window changes.
 *
 * The terminal's own cursor waits, hidden, at the start of the row below the frame (the prompt
 * draws its cursor as an inverse cell), so the row it is on is always empty. To redraw, the region
 * goes up to its first row; it counts how far from the widths of the rows it drew and the screen's
 * width now. After a resize the terminal re-wraps those rows (tmux, VTE, iTerm2, kitty, xterm.js
 * and most others do; some do not re-wrap the cursor's own row, which is why the cursor is kept on
 * an empty one), so a row drawn 100 wide takes two on a screen 60 wide. Counting at the new width
 * is what keeps a resize from leaving copies of the prompt behind.
 */
export class LiveRegion {
  /** Display widths of the rows on screen. */
  private widths: number[] = [];
  /** The rows on screen, and the width they were drawn at: the same frame again is not redrawn. */
  private drawn: { rows: readonly string[]; columns: number } = { rows: [], columns: 0 };
  private cursorHidden = false;

  constructor(private readonly screen: Screen) {}

  /** True when nothing is drawn. */
  get isEmpty(): boolean {
    return this.widths.length === 0;
  }

  /** Replaces what is drawn by `frame`. */
  draw(frame: Frame): void {
    // Nothing to do for the frame already there (Ink's first frame is the plain one it takes over
    // from): a write that changes nothing can still race a resize and leave a row behind.
    const columns = this.screen.columns;
    if (columns === this.drawn.columns && sameRows(frame.rows, this.drawn.rows)) return;
    const above = this.rowsAbove();
    let out = BEGIN_SYNC + up(above) + '\r';
    if (frame.rows.length > 0 && !this.cursorHidden) {
      out += HIDE_CURSOR;
      this.cursorHidden = true;
    }
    // Each row is erased before it is drawn: a terminal remembers that a row was wrapped onto the
    // next one (after a resize re-wrapped it) until the row is erased, and would join them again.
    for (const row of frame.rows) out += `${ERASE_ROW}${row}${CSI}0m\r\n`;
    out += eraseRows(above - frame.rows.length);
    this.screen.write(`${out}${END_SYNC}`);
    this.takeOver(frame, columns);
  }

  /**
   * Takes `frame`, drawn `columns` wide by another region on this screen (the first prompt's), as
   * its own: the next draw replaces it.
   */
  takeOver(frame: Frame, columns: number): void {
    this.widths = frame.rows.map((row) => displayWidth(row.replace(ANSI_SEQUENCE, '')));
    this.drawn = { rows: frame.rows, columns };
    this.cursorHidden ||= frame.rows.length > 0;
  }

  /** Erases what is drawn; the cursor is left where the region began, for text that stays. */
  clear(): void {
    if (this.isEmpty) return;
    const above = this.rowsAbove();
    this.screen.write(up(above) + '\r' + eraseRows(above));
    this.widths = [];
    this.drawn = { rows: [], columns: 0 };
  }

  /** Erases what is drawn and shows the terminal's cursor again (when leaving). */
  release(): void {
    this.clear();
    if (this.cursorHidden) this.screen.write(SHOW_CURSOR);
    this.cursorHidden = false;
  }

  /** How many rows the frame takes on the screen now, from its first row to the cursor's. */
  private rowsAbove(): number {
    const columns = this.screen.columns;
    return this.widths.reduce((rows, width) => rows + rowsOnScreen(width, columns), 0);
  }
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

/** Moves the cursor up `rows` rows. */
const up = (rows: number) => (rows > 0 ? `${CSI}${rows}A` : '');

/**
 * Erases the cursor's row and the `more` rows below it (left from a taller frame), and comes back.
 * Row by row: erasing to the end of the screen from its top-left corner makes tmux scroll the
 * screen into its history (scroll-on-clear), which would keep the old frame there.
 */
function eraseRows(more: number): string {
  let out = ERASE_ROW;
  for (let i = 0; i < more; i++) out += `${CSI}1B${ERASE_ROW}`;
  return out + up(more);
}
