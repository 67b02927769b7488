/** Longer texts are encoded into a buffer of their own rather than growing the reused one for good. */
const REUSED_MAX_CHARS = 1 << 20;

/**
 * Encodes texts to UTF-8 in one buffer reused call after call: a long report written in chunks
 * then allocates no buffer per chunk. What `encode` returns is valid until its next call.
 */
export class Utf8Buffer {
  private buffer = Buffer.alloc(0);

  /** The UTF-8 bytes of `text`, in the reused buffer (a view, valid until the next call). */
  encode(text: string): Buffer {
    if (text.length > REUSED_MAX_CHARS) return Buffer.from(text);
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    if (this.buffer.length < text.length * 3) this.buffer = Buffer.allocUnsafe(Math.max(text.length * 3, 64 * 1024));
    return this.buffer.subarray(0, this.buffer.write(text));
  }
}
