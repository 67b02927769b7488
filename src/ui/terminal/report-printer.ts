/** Where report text goes: a write that returns once the terminal has taken it (a TTY write is synchronous). */
export type WriteText = (text: string) => void;

/** Bounds on one write's size, in UTF-16 units (about bytes for a report). */
const MIN_PIECE = 1024;
const MAX_PIECE = 1 << 20;
const FIRST_PIECE = 16 * 1024;
/** How long one write may keep the console from hearing Ctrl-C. */
const TARGET_MS = 30;
const NEWLINE = 10;

/** Lets the event loop run: keys typed meanwhile (Ctrl-C) are read before the next piece. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes long text to the terminal in pieces, each ending at a line's end, and stops between two
 * pieces once asked to. A terminal takes text only as fast as it draws it, and a TTY write blocks
 * until it has: pieces are sized from how long the last write took, so that one write lasts
 * about TARGET_MS and Ctrl-C is heard within that, whatever the terminal's speed.
 */
export class ReportPrinter {
  private piece = FIRST_PIECE;
  private stopRequested = false;
  private atLineStart = true;

  constructor(
    private readonly write: WriteText,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the last text written ended a line (or nothing was written). */
  get endsLine(): boolean {
    return this.atLineStart;
  }

  /** True once stop() was called for the current report. */
  get stopped(): boolean {
    return this.stopRequested;
  }

  /** Starts a new report: forgets an earlier stop. */
  begin(): void {
    this.stopRequested = false;
  }

  /** Asks the report being printed to stop at the next piece. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Writes `text` piece by piece; resolves false if stopped before the end. */
  async print(text: string): Promise<boolean> {
    let at = 0;
    while (at < text.length) {
      if (this.stopRequested) return false;
      const end = pieceEnd(text, at, this.piece);
      const started = this.now();
      this.write(text.slice(at, end));
      this.adapt(this.now() - started);
      this.atLineStart = text.charCodeAt(end - 1) === NEWLINE;
      at = end;
      // After every piece, the last one too: a report's rest may come in many short chunks.
      await yieldToEvents();
    }
    return !this.stopRequested;
  }

  /** Writes text that is short and must not be cut (a message, an echoed line). */
  printWhole(text: string): void {
    if (text === '') return;
    this.write(text);
    this.atLineStart = text.endsWith('\n');
  }

  /** Doubles or halves the piece so that a write takes about TARGET_MS. */
  private adapt(elapsedMs: number): void {
    if (elapsedMs < TARGET_MS / 3) this.piece = Math.min(MAX_PIECE, this.piece * 2);
    else if (elapsedMs > TARGET_MS) this.piece = Math.max(MIN_PIECE, Math.floor(this.piece / 2));
  }
}

/** Where a piece starting at `from` ends: after the last newline within `size`, else at `size`. */
function pieceEnd(text: string, from: number, size: number): number {
  const limit = from + size;
  if (limit >= text.length) return text.length;
  const newline = text.lastIndexOf('\n', limit - 1);
  return newline >= from ? newline + 1 : limit;
}
