import { Buffer, isAscii } from 'node:buffer';
import { Growable } from './growable.js';

/**
 * How many bytes of the wire one decoded window of strings covers, at most: enough that the calls
 * per window cost nothing and that Node keeps a full window's text outside V8's heap (it does from
 * about a megabyte), small enough that one non-ASCII string sends few others the slow way.
 */
const WINDOW_BYTES = 2 << 20;

/** UTF-8 as protobufjs's reader decodes it: bad bytes as U+FFFD, a byte-order mark kept. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Where the string table's entries lie in the wire data, noted while it is read and decoded all
 * at once afterwards (`decodeStrings`).
 */
export class StringSpans {
  private readonly starts = new Growable(Float64Array, 1024);
  private readonly ends = new Growable(Float64Array, 1024);

  /** How many strings were noted. */
  get length(): number {
    return this.starts.length;
  }

  /** Notes the string in bytes [start, end). */
  add(start: number, end: number): void {
    this.starts.push(start);
    this.ends.push(end);
  }

  /**
   * The strings. Decoding each on its own cost about a microsecond and, through protobufjs, a
   * rope of short strings (400 bytes for a 45-character name; 3 million names took 24 s, most of
   * it collecting garbage, and 1.3 GB). Instead the wire is decoded in windows of about a
   * megabyte, as ASCII when all of a window is (Node's fastest decoding), and each string is a
   * slice of its window's text, which V8 makes without copying.
   */
  decode(bytes: Uint8Array): string[] {
    const count = this.length;
    const out: string[] = new Array(count);
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let first = 0; first < count;) {
      const from = this.starts.at(first);
      let last = first;
      // A window runs over strings in increasing order (a writer may put them anywhere).
      while (last + 1 < count && this.starts.at(last + 1) >= this.ends.at(last) && this.ends.at(last + 1) - from <= WINDOW_BYTES) last++;
      const to = this.ends.at(last);
      if (isAscii(view.subarray(from, to))) {
        const text = view.toString('ascii', from, to);
        for (let i = first; i <= last; i++) out[i] = text.slice(this.starts.at(i) - from, this.ends.at(i) - from);
      } else {
        for (let i = first; i <= last; i++) out[i] = UTF8.decode(bytes.subarray(this.starts.at(i), this.ends.at(i)));
      }
      first = last + 1;
    }
    return out;
  }
}
