import type { SourceLines } from '../../format/list.js';

/**
 * bufio.Scanner's buffer: a line that fills it without its newline stops pprof's reading of the
 * file, and the lines before it are all there is.
 */
const MAX_LINE_BYTES = 64 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** UTF-8, a byte-order mark kept (pprof prints the bytes), bad bytes as U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The lines of a source file as pprof's bufio.Scanner splits them: at `\n`, a `\r` before it
 * dropped, no empty line after a final `\n`, nothing from the first line of 64 KiB or more on.
 * Found only as far as the lines asked for, and decoded one by one: `list` prints a few dozen
 * lines of a file that may be hundreds of megabytes.
 */
export function scanSource(bytes: Uint8Array): SourceLines {
  return new ScannedLines(bytes);
}

/**
 * Every how many lines a line's start is kept. Keeping all of them took longer than finding them
 * (5 million lines: 0.6 s more to grow a typed array, 1.3 s more to push to an array); a line
 * between two kept starts is found again from the one before it.
 */
const STRIDE = 64;

class ScannedLines implements SourceLines {
  /** A plain Uint8Array view: its indexOf is V8's builtin, where a Buffer's goes through JavaScript (3x slower per line unoptimised). */
  private readonly bytes: Uint8Array;
  /** The start of lines 1, 1 + STRIDE, 1 + 2 * STRIDE, ... */
  private readonly kept: number[] = [];
  /** How many lines were found; lines are found in order, as far as asked. */
  private count = 0;
  /** Where line count + 1 starts. */
  private next = 0;
  private done = false;
  /** The line last asked for and where it lies: `list` asks for lines in order. */
  private cursor = { n: 0, start: 0, end: 0 };

  constructor(bytes: Uint8Array) {
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  line(n: number): string | undefined {
    if (n > this.count && !this.done) this.scanTo(n);
    if (!(n >= 1 && n <= this.count)) return undefined;
    const { start, end } = this.locate(n);
    return UTF8.decode(this.bytes.subarray(start, end > start && this.bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end));
  }

  /** Where line `n` (found already) starts and ends, from the cursor or the kept start before it. */
  private locate(n: number): { start: number; end: number } {
    let line: number;
    let start: number;
    if (this.cursor.n >= 1 && this.cursor.n <= n && n - this.cursor.n < STRIDE) {
      ({ n: line, start } = this.cursor);
    } else {
      const k = Math.floor((n - 1) / STRIDE);
      line = k * STRIDE + 1;
      start = this.kept[k];
    }
    let end = this.endOf(start);
    for (; line < n; line++) {
      start = end + 1;
      end = this.endOf(start);
    }
    this.cursor = { n, start, end };
    return this.cursor;
  }

  private endOf(start: number): number {
    const end = this.bytes.indexOf(NEWLINE, start);
    return end < 0 ? this.bytes.length : end;
  }

  /** Finds lines up to line `n`, or to the end of what the scanner would read. */
  private scanTo(n: number): void {
    // In batches: a loop that runs once for millions of lines would stay in V8's interpreter (a
    // one-shot report runs without the optimising compiler), a function called often does not.
    while (this.count < n && this.scanSome(Math.min(n, this.count + 4096))) continue;
    if (this.count < n) this.done = true;
  }

  /** Finds lines up to line `n`; false once there are no more. */
  private scanSome(n: number): boolean {
    const { bytes } = this;
    while (this.count < n) {
      const start = this.next;
      if (start >= bytes.length) return false;
      const end = this.endOf(start);
      // A line of 64 KiB or more, its `\r` counted, fills the scanner's buffer before its end is seen.
      if (end - start >= MAX_LINE_BYTES) return false;
      if (this.count % STRIDE === 0) this.kept.push(start);
      this.count++;
      this.next = end + 1;
    }
    return true;
  }
}

/** A whole small file's text (go.mod), decoded as the source lines are. */
export function decodeText(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}
