/**
 * How commands draw and show graphs without doing I/O themselves (the session does none): a port
 * the console or the command line provides (host/graphics.ts), as `source/port.ts` is for Go source files.
 */

/** The formats Graphviz writes that pprof offers. */
export type ImageFormat = 'svg' | 'png' | 'gif' | 'pdf' | 'ps';

/** Which programs may show a file: the web browsers pprof tries, or named viewers (`gv --noantialias`). */
export type Viewers = 'browsers' | readonly string[];

/** What showing a file came to: lines for stderr, and whether it failed. */
export interface ActionOutcome {
  readonly err: string;
  readonly failed: boolean;
}

/** Draws DOT text and opens files in viewers. */
export interface GraphicsPort {
  /** Graphviz's `format` output for `dot`; rejects with a one-line message when it cannot draw. */
  render(dot: string, format: ImageFormat): Promise<Uint8Array>;
  /**
   * Saves `bytes` in a temporary file ending in `.suffix` and opens it with the first of `viewers`
   * that starts; `wait` waits for that program to end (one-shot runs, as pprof).
   */
  view(bytes: Promise<Uint8Array>, suffix: string, viewers: Viewers, wait: boolean): Promise<ActionOutcome>;
}

/** A port for sessions that have none (tests, growth): every graph fails with one line. */
export const NO_GRAPHICS: GraphicsPort = {
  render: () => Promise.reject(new Error('heapcli: this session cannot draw graphs')),
  view: () => Promise.resolve({ err: 'heapcli: this session cannot show graphs\n', failed: true }),
};
