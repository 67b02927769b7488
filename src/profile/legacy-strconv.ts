/**
 * Go's integer syntax (strconv.ParseInt and ParseUint) for the numbers of legacy text profiles:
 * pprof parses them so, and its error messages quote Go's reasons, which these reproduce.
 */

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** A Go *strconv.NumError's message, for a caller to put in context. */
function numError(fn: 'ParseInt' | 'ParseUint', s: string, why: 'invalid syntax' | 'value out of range'): Error {
  return new Error(`strconv.${fn}: parsing ${goQuote(s)}: ${why}`);
}

/** Go's strconv.Quote of a binary string, as a binary string: printable UTF-8 kept, the rest escaped (a bad byte as \xNN). */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length;) {
    const [c, width] = decodeRune(s, i);
    const ch = s.slice(i, i + width);
    i += width;
    if (c < 0) out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x20 || c === 0x7f) out += C_ESCAPES[c] ?? `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The code point of the UTF-8 sequence at `i` of a binary string and its length; -1 for a bad byte. */
function decodeRune(s: string, i: number): [number, number] {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1];
  const width = b0 >= 0xf0 && b0 < 0xf5 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 && b0 < 0xe0 ? 2 : 0;
  if (width === 0 || i + width > s.length) return [-1, 1];
  let c = b0 & (0x7f >> width);
  for (let k = 1; k < width; k++) {
    const b = s.charCodeAt(i + k);
    if ((b & 0xc0) !== 0x80) return [-1, 1];
    c = (c << 6) | (b & 0x3f);
  }
  const shortest = width === 2 || (width === 3 && c >= 0x800) || (width === 4 && c >= 0x10000 && c <= 0x10ffff);
  return shortest && !(c >= 0xd800 && c < 0xe000) ? [c, width] : [-1, 1];
}

const C_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** The digits of `s` in `base` (0: Go's prefixes 0x, 0o, 0b, 0), or null for a syntax error. */
function unsignedDigits(s: string, base: number): bigint | null {
  if (s === '') return null;
  let digits = s;
  let radix = base;
  const base0 = base === 0;
  if (base0) {
    radix = 10;
    if (s[0] === '0') {
      const prefix = s.length >= 3 ? s[1].toLowerCase() : '';
      radix = prefix === 'b' ? 2 : prefix === 'o' ? 8 : prefix === 'x' ? 16 : 8;
      digits = prefix === 'b' || prefix === 'o' || prefix === 'x' ? s.slice(2) : s.slice(1);
    }
  }
  let value = 0n;
  let underscores = false;
  for (const ch of digits) {
    if (ch === '_' && base0) {
      underscores = true;
      continue;
    }
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= radix) return null;
    value = value * BigInt(radix) + BigInt(d);
  }
  if (underscores && !underscoresOk(s)) return null;
  return value;
}

/** Go's rule for `_` in a base-0 number: only between digits, or after a base prefix. */
function underscoresOk(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** Go's strconv.ParseInt(s, base, 64); throws its error (a plain Error). */
export function goParseInt(s: string, base: 0 | 10): bigint {
  const negative = s.startsWith('-');
  const body = negative || s.startsWith('+') ? s.slice(1) : s;
  const magnitude = unsignedDigits(body, base);
  if (magnitude === null) throw numError('ParseInt', s, 'invalid syntax');
  const value = negative ? -magnitude : magnitude;
  if (value < INT64_MIN || value > INT64_MAX) throw numError('ParseInt', s, 'value out of range');
  return value;
}

/** Go's strconv.ParseUint(s, base, 64); throws its error (a plain Error). */
export function goParseUint(s: string, base: 0 | 16): bigint {
  const value = unsignedDigits(s, base);
  if (value === null) throw numError('ParseUint', s, 'invalid syntax');
  if (value > UINT64_MAX) throw numError('ParseUint', s, 'value out of range');
  return value;
}

/** Go's int64 arithmetic wraps: the result of an int64 expression, computed exactly. */
export function wrapInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/**
 * Go's int64(x) for a float64 on amd64: truncated toward zero, and the "integer indefinite"
 * value (-2^63) for NaN or anything out of range, which pprof then carries on with.
 */
export function float64ToInt64(x: number): bigint {
  if (!(x > -9223372036854775808 - 1 && x < 9223372036854775808)) return INT64_MIN;
  return BigInt(Math.trunc(x));
}
