/**
 * A terminal emulator in the test process (xterm.js, headless), for checking what the console's
 * bytes look like on a screen: wrapping, re-wrapping on resize (xterm.js re-wraps lines as tmux
 * and most terminals do), scrollback, the cursor.
 */
import xterm from '@xterm/headless';

const { Terminal } = xterm;

export class VirtualTerminal {
  private readonly term: InstanceType<typeof Terminal>;
  private pending: Promise<void> = Promise.resolve();

  constructor(columns: number, rows: number) {
    this.term = new Terminal({ cols: columns, rows, scrollback: 10000, allowProposedApi: true });
  }

  get columns(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** Takes bytes as a terminal would (processed in order; `settled` waits for them). */
  write(text: string): void {
    // The console relies on the tty's output processing turning \n into \r\n (ONLCR).
    const data = text.replace(/(?<!\r)\n/g, '\r\n');
    this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
  }

  /** Waits until everything written has been processed. */
  settled(): Promise<void> {
    return this.pending;
  }

  /** Resizes once all that was written is processed, as a window resized after the output came. */
  async resize(columns: number, rows = this.term.rows): Promise<void> {
    await this.settled();
    this.term.resize(columns, rows);
  }

  /** Every line, scrollback included, trailing blanks (the cursor's blank cell too) trimmed and empty lines at the end dropped. */
  async lines(): Promise<string[]> {
    await this.settled();
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)!.translateToString(true).trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  /** Lines as a reader sees them: rows the terminal wrapped joined again into one line. */
  async logicalLines(): Promise<string[]> {
    await this.settled();
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i)!;
      const text = line.translateToString(!(buffer.getLine(i + 1)?.isWrapped ?? false));
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    const trimmed = lines.map((l) => l.trimEnd());
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
    return trimmed;
  }

  /** Cells drawn in inverse video (the prompt's cursor), rows counted from the first line of the scrollback. */
  async inverseCells(): Promise<{ row: number; column: number }[]> {
    await this.settled();
    const buffer = this.term.buffer.active;
    const cells: { row: number; column: number }[] = [];
    for (let row = 0; row < buffer.length; row++) {
      const line = buffer.getLine(row)!;
      for (let column = 0; column < line.length; column++) if (line.getCell(column)?.isInverse()) cells.push({ row, column });
    }
    return cells;
  }

  /** The cursor's cell: its row counted from the first line of the scrollback. */
  async cursor(): Promise<{ row: number; column: number }> {
    await this.settled();
    const buffer = this.term.buffer.active;
    return { row: buffer.baseY + buffer.cursorY, column: buffer.cursorX };
  }
}
