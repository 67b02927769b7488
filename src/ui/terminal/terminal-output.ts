import type { ConsoleOutput } from '../console-controller.js';
import type { ConsoleResult } from '../runner.js';
import { type Frame, LiveRegion, type Screen } from './live-region.js';
import { ReportPrinter } from './report-printer.js';
import { showControls } from './visible-controls.js';

/** The terminal's two output streams (both the same screen). */
export interface TerminalStreams {
  readonly stdout: { write(text: string): unknown; readonly columns?: number; readonly rows?: number; getWindowSize?(): [number, number] };
  readonly stderr: { write(text: string): unknown };
}

/** Shown when Ctrl-C stops a report while it prints. */
export const STOPPED_NOTICE = 'Interrupted: the rest of the report was not printed.';

const red = (text: string) => `\x1b[31m${text}\x1b[39m`;

/** The alternate screen (xterm's 1049): the main screen, its scrollback and the cursor wait, kept as they were. */
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

/**
 * The console's output on a terminal: text that stays (echoed lines, greetings, reports) is
 * written straight to the terminal, as a one-shot run writes it, with the live part (prompt,
 * spinner, completion list) taken away first and drawn again after. Reports print piece by piece
 * so that Ctrl-C is heard; errors go to stderr, in red on a colour terminal.
 */
export class TerminalOutput implements ConsoleOutput {
  readonly region: LiveRegion;
  private readonly printer: ReportPrinter;
  /** While text that stays is written, the live part is not drawn. */
  private printing = false;
  /** Once the console has ended, nothing more is drawn (Ink renders a last frame as the process exits). */
  private released = false;
  /** A full-screen view (flame) has the alternate screen: the live part is not drawn meanwhile. */
  private onAltScreen = false;

  constructor(
    private readonly streams: TerminalStreams,
    private readonly color: boolean,
  ) {
    this.region = new LiveRegion(screenOf(streams.stdout));
    this.printer = new ReportPrinter((text) => streams.stdout.write(showControls(text)));
  }

  /** Draws the live part, unless text that stays is being written. */
  drawLive(frame: Frame): void {
    if (!this.printing && !this.released && !this.onAltScreen) this.region.draw(frame);
  }

  /** Whether errors and views are drawn in colour (a terminal, and no NO_COLOR). */
  get colour(): boolean {
    return this.color;
  }

  /**
   * Takes the alternate screen for a full-screen view, the live part erased first: leaving it
   * brings back the main screen as it was, and the cursor where the prompt begins.
   */
  enterAltScreen(): void {
    if (this.released || this.onAltScreen) return;
    this.region.clear();
    this.onAltScreen = true;
    // The cursor is hidden on both screens (one setting): the view marks its selection itself.
    this.streams.stdout.write(`${ENTER_ALT_SCREEN}\x1b[?25l\x1b[H\x1b[2J`);
  }

  /** Draws a full-screen view's rows (at most the screen's height, each at most its width) from the top. */
  drawFullScreen(rows: readonly string[]): void {
    if (!this.onAltScreen || this.released) return;
    const body = rows.map((row) => `\x1b[2K${row}\x1b[0m`).join('\r\n');
    // Fewer rows than the screen has: the rows below are erased (from the next row, which exists).
    const below = rows.length < screenSize(this.streams.stdout).rows ? '\r\n\x1b[J' : '';
    // Synchronized output (mode 2026): terminals that know it show the new screen at once.
    this.streams.stdout.write(`\x1b[?2026h\x1b[H${body}${below}\x1b[?2026l`);
  }

  /**
   * Gives the main screen back, the alternate one erased first: a terminal that re-wraps (tmux)
   * fits the alternate screen to the size the main one was saved at before it swaps them back,
   * and after a resize, rows of the view that no longer fit would be pushed into the scrollback.
   * Erased row by row, with the cursor moved down (which never scrolls), from the top.
   */
  leaveAltScreen(): void {
    if (!this.onAltScreen) return;
    this.onAltScreen = false;
    const { rows } = screenSize(this.streams.stdout);
    this.streams.stdout.write(`\x1b[0m\x1b[H${'\x1b[2K\x1b[B'.repeat(rows)}${LEAVE_ALT_SCREEN}`);
  }

  commitLine(text: string): void {
    this.region.clear();
    this.printer.printWhole(`${showControls(text)}\n`);
  }

  printText(text: string, tone: 'plain' | 'error'): void {
    this.region.clear();
    this.writeMessage(text, tone);
  }

  async printResult(result: ConsoleResult, stopped: boolean): Promise<void> {
    this.printing = true;
    this.region.clear();
    this.printer.begin();
    if (stopped && (result.out !== '' || result.rest)) this.printer.stop();
    try {
      if (result.err) this.writeMessage(result.err, result.failed ? 'error' : 'plain');
      if ((await this.printer.print(result.out)) && result.rest) await this.printRest(result.rest);
      if (this.printer.stopped) {
        if (!this.printer.endsLine) this.printer.printWhole('\n');
        this.writeMessage(`${STOPPED_NOTICE}\n`, 'error');
      }
      if (!this.printer.endsLine) this.printer.printWhole('\n');
    } finally {
      this.printing = false;
    }
  }

  stopPrinting(): void {
    this.printer.stop();
  }

  clearScreen(): void {
    this.region.clear();
    // Home, then erase the screen: the scrollback is kept, as readline's Ctrl-L keeps it.
    this.streams.stdout.write('\x1b[H\x1b[2J');
  }

  /** Shows the cursor again when the console ends. */
  release(): void {
    this.leaveAltScreen();
    this.released = true;
    this.region.clear();
    this.region.release();
  }

  private async printRest(rest: AsyncIterable<string>): Promise<void> {
    try {
      for await (const chunk of rest) {
        if (!(await this.printer.print(chunk))) break;
      }
    } catch (err) {
      // Ctrl-C reached the worker while it was making the rest: the notice below says so.
      if (this.printer.stopped) return;
      if (!this.printer.endsLine) this.printer.printWhole('\n');
      this.writeMessage(`heapcli: ${(err as Error).message}\n`, 'error');
    }
  }

  private writeMessage(text: string, tone: 'plain' | 'error'): void {
    const shown = showControls(text);
    const body = shown.endsWith('\n') ? shown.slice(0, -1) : shown;
    this.streams.stderr.write(tone === 'error' && this.color ? `${red(body)}\n` : `${body}\n`);
  }
}

/**
 * The terminal's size now (80x24 when the stream cannot tell). Asked of the terminal at each use
 * rather than read from the size Node keeps: that one changes only once Node has handled the
 * resize signal, and a redraw that comes first (a key, Ink's first frame) would count its rows at
 * the old width on a screen that has the new one.
 */
export function screenSize(stdout: TerminalStreams['stdout']): { columns: number; rows: number } {
  const [columns, rows] = stdout.getWindowSize?.() ?? [stdout.columns, stdout.rows];
  return { columns: columns || 80, rows: rows || 24 };
}

/** The screen the live region draws on. */
function screenOf(stdout: TerminalStreams['stdout']): Screen {
  return {
    write: (text) => stdout.write(text),
    get columns() {
      return screenSize(stdout).columns;
    },
    get rows() {
      return screenSize(stdout).rows;
    },
  };
}
