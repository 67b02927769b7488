/**
 * Reading legacy text profiles as pprof reads them: line by line with Go's line scanner (and its
 * 64 KiB line limit), Go's notion of white space, and Go's integer syntax, so a profile pprof
 * accepts is accepted here and one it refuses is refused with its words. Text is held as a
 * binary string (one character per byte, as Go's strings are bytes); `utf8` turns a name taken
 * from it into text.
 */
import { ProfileError } from './errors.js';

/** The longest line Go's bufio.Scanner returns (its 64 KiB buffer, less the newline). */
export const MAX_LINE_BYTES = 64 * 1024 - 1;

/** pprof's message when a line is longer than its scanner's buffer. */
const TOKEN_TOO_LONG = 'bufio.Scanner: token too long';

/** The bytes as a binary string: character i is byte i. */
export function binaryString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** A name read from a binary string, as the UTF-8 text it is (invalid bytes become U+FFFD). */
export function utf8(binary: string): string {
  // Pure ASCII, by far the common case, is already what it means.
  return /^[\x00-\x7f]*$/.test(binary) ? binary : Buffer.from(binary, 'latin1').toString('utf8');
}

/** A failure in pprof's words: `parsing profile: <detail>` (the detail a binary string, quoting the text). */
export function parseFailure(detail: string): ProfileError {
  return new ProfileError('parse', `parsing profile: ${utf8(detail)}`);
}

/**
 * Go's bufio.Scanner over lines: `scan()` moves to the next line (without its `\n` and one `\r`
 * before it) and says whether there was one. A line past MAX_LINE_BYTES stops it with an error,
 * after which `text` still holds the line before, as Go's does; at the end `text` is ''.
 */
export class LineScanner {
  text = '';
  failed = false;
  private pos = 0;

  constructor(
    private readonly data: string,
    start = 0,
  ) {
    this.pos = start;
  }

  /** Moves to the next line; false at the end or on a line too long. */
  scan(): boolean {
    if (this.failed) return false;
    if (this.pos >= this.data.length) {
      this.text = '';
      return false;
    }
    const nl = this.data.indexOf('\n', this.pos);
    const end = nl < 0 ? this.data.length : nl;
    if (end - this.pos > MAX_LINE_BYTES) {
      this.failed = true;
      return false;
    }
    let line = this.data.slice(this.pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    this.text = line;
    this.pos = nl < 0 ? this.data.length : nl + 1;
    return true;
  }

  /** Throws pprof's error if the scanner stopped on a line too long (Go's `s.Err()`). */
  check(): void {
    if (this.failed) throw parseFailure(TOKEN_TOO_LONG);
  }
}

/** Go's unicode white space, as UTF-8 byte sequences past ASCII (NEL, NBSP, U+1680, U+2000..). */
const WIDE_SPACES = [
  '\xc2\x85',
  '\xc2\xa0',
  '\xe1\x9a\x80',
  '\xe2\x80\xa8',
  '\xe2\x80\xa9',
  '\xe2\x80\xaf',
  '\xe2\x81\x9f',
  '\xe3\x80\x80',
  ...Array.from({ length: 11 }, (_, i) => `\xe2\x80${String.fromCharCode(0x80 + i)}`),
];

function isAsciiSpace(c: string): boolean {
  return c === ' ' || (c >= '\t' && c <= '\r');
}

/** Go's strings.TrimSpace on a binary string. */
export function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  for (;;) {
    if (start < end && isAsciiSpace(s[start])) start++;
    else {
      const wide = s.charCodeAt(start) >= 0xc2 ? WIDE_SPACES.find((w) => s.startsWith(w, start) && start + w.length <= end) : undefined;
      if (!wide) break;
      start += wide.length;
    }
  }
  for (;;) {
    if (end > start && isAsciiSpace(s[end - 1])) end--;
    else {
      const wide = s.charCodeAt(end - 1) >= 0x80 ? WIDE_SPACES.find((w) => end - w.length >= start && s.endsWith(w, end)) : undefined;
      if (!wide) break;
      end -= wide.length;
    }
  }
  return s.slice(start, end);
}

/** pprof skips blank lines and `#` comments. */
export function isSpaceOrComment(line: string): boolean {
  const trimmed = trimSpace(line);
  return trimmed === '' || trimmed[0] === '#';
}

/** Where the samples end and a /proc/self/maps listing begins. */
const MEMORY_MAP_SENTINELS = ['--- Memory map: ---', 'MAPPED_LIBRARIES:'];

/** True when the line announces a memory map. */
export function isMemoryMapSentinel(line: string): boolean {
  return MEMORY_MAP_SENTINELS.some((s) => line.includes(s));
}

const HEX_NUMBER = /0x[0-9a-f]+/g;
const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Every `0x..` number in the text, as pprof finds them (lower-case digits only); throws pprof's
 * reason (a plain Error, for the caller to put in context) for one past 64 bits.
 */
export function hexAddresses(s: string): bigint[] {
  const out: bigint[] = [];
  for (const [hex] of s.matchAll(HEX_NUMBER)) {
    const value = BigInt(hex);
    if (value > MAX_UINT64) throw new Error(`failed to parse as hex 64-bit number: ${hex}`);
    out.push(value);
  }
  return out;
}

/** One less, as Go's uint64 arithmetic has it (0 becomes 2^64-1). */
export function minusOne(address: bigint): bigint {
  return BigInt.asUintN(64, address - 1n);
}
