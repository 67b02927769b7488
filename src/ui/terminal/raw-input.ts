import { type Key, decodeKeys } from '../keys.js';

/** The terminal's input as the console needs it: raw mode, and a way to put it back. */
export interface TerminalInput {
  readonly isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (data: string) => void): unknown;
  off(event: 'data', listener: (data: string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * Reads the terminal's keys from the console's first moment, in raw mode: keys typed before the
 * prompt appears are kept, in order, for whoever listens first, instead of being echoed by the
 * terminal and lost.
 */
export class RawKeys {
  private queued: Key[] = [];
  private listener: ((keys: Key[]) => void) | null = null;
  private readonly onData = (data: string) => this.take(decodeKeys(data));

  constructor(private readonly input: TerminalInput) {
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    input.on('data', this.onData);
    input.resume();
  }

  /** Sends keys to `listener`, those typed so far first. */
  listen(listener: (keys: Key[]) => void): void {
    this.listener = listener;
    const queued = this.queued;
    this.queued = [];
    if (queued.length > 0) listener(queued);
  }

  /** Gives the terminal back as it was. */
  close(): void {
    this.input.off('data', this.onData);
    this.input.setRawMode?.(false);
    this.input.pause();
  }

  private take(keys: Key[]): void {
    if (this.listener) this.listener(keys);
    else this.queued.push(...keys);
  }
}
