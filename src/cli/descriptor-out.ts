import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { Utf8Buffer } from '../host/utf8-buffer.js';

/**
 * A one-shot report's writer to descriptor `fd`, with plain synchronous writes while the descriptor
 * takes them. One that another program set non-blocking can fill up (EAGAIN): the bytes it did not
 * take, and every text after them, then go to `stream()` in order, and `write` returns a promise
 * while that stream's buffer is full, so a streamed report waits for its reader rather than piling
 * up. Any other failure is thrown (EPIPE: the reader has gone).
 */
export class DescriptorOut {
  private queue: NodeJS.WritableStream | null = null;
  private readonly utf8 = new Utf8Buffer();

  constructor(
    private readonly fd: number,
    private readonly stream: () => NodeJS.WritableStream,
  ) {}

  /** Writes `text` (or bytes: a binary report); a promise asks the caller to wait for it before writing more. */
  write(text: string | Uint8Array): Promise<void> | undefined {
    if (this.queue !== null) return this.waitFor(this.queue, this.queue.write(text));
    const bytes = typeof text === 'string' ? this.utf8.encode(text) : text;
    const at = writeWhileTaken(this.fd, bytes);
    if (at === bytes.length) return undefined;
    const queue = (this.queue = this.stream());
    // The encoder reuses its buffer for the next text: the stream gets a copy of what is left.
    return this.waitFor(queue, queue.write(Buffer.from(bytes.subarray(at))));
  }

  private waitFor(queue: NodeJS.WritableStream, taken: boolean): Promise<void> | undefined {
    return taken ? undefined : once(queue, 'drain').then(() => undefined);
  }
}

/** Writes `bytes` to `fd` until done or the descriptor is full (EAGAIN); returns how many it took. */
function writeWhileTaken(fd: number, bytes: Uint8Array): number {
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(fd, bytes, at);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
  }
  return at;
}
