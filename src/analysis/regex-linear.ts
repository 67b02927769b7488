/**
 * Go's regexps (RE2) match in linear time. JavaScript's backtrack: a focus such as `(.*)*x` or
 * `(?:.*){30}x` took minutes on a 40-character function name, where pprof answers at once. V8 has
 * a linear-time engine too, for regexps without look-around, the `i` flag or counts above 16; the
 * flag set here makes it take over from any regexp that backtracks too much. The rewrites below
 * bring a translated Go pattern within what that engine runs, matching the same strings: (?i)
 * spelled out as classes of both cases, counts written out as copies.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/** Go's largest repetition count. */
const MAX_REPEAT = 1000;
/** How long a pattern with its counts written out may get (RE2 refuses large programs likewise). */
const MAX_EXPANDED_LENGTH = 100_000;

/**
 * `pattern` with both cases of every letter it names, for (?i) without the `i` flag (which V8's
 * linear-time engine does not run): a letter becomes a class of its cases, a class gains the other
 * case of its letters and of its ASCII letter ranges. Escapes and group names are left alone.
 */
export function foldCase(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    let end: number;
    if (pattern[i] === '\\') {
      end = i + escapeLength(pattern, i);
      out += pattern.slice(i, end);
    } else if (pattern[i] === '[') {
      end = classEnd(pattern, i);
      out += foldClass(pattern.slice(i, end));
    } else if (pattern.startsWith('(?<', i) && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
      const close = pattern.indexOf('>', i);
      end = close < 0 ? pattern.length : close + 1;
      out += pattern.slice(i, end);
    } else {
      end = i + 1;
      const cases = otherCases(pattern[i]);
      out += cases === '' ? pattern[i] : `[${pattern[i]}${cases}]`;
    }
    i = end;
  }
  return out;
}

/**
 * `pattern` with each count (`x{3}`, `x{2,5}`, `x{2,}`) written out as copies of its atom, which
 * match the same, so V8's linear-time engine can run it; or Go's error for a count past its limit
 * or out of order. Group names go (nothing reads them), as a copied name would be a duplicate.
 */
export function expandCounts(pattern: string): string | { error: string; at: string } {
  if (!/\{\d/.test(pattern)) return pattern;
  let out = '';
  const groups: number[] = [];
  /** Where the last atom (what a count would repeat) starts in `out`, or -1. */
  let atom = -1;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    const count = c === '{' && atom >= 0 ? /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(i, i + 16)) : null;
    if (count) {
      const text = count[0].replace(/\?$/, '');
      const min = Number(count[1]);
      const max = count[2] === undefined ? min : count[3] === '' ? Infinity : Number(count[3]);
      if (min > MAX_REPEAT || min > max || (max !== Infinity && max > MAX_REPEAT)) return { error: 'invalid repeat count', at: text };
      const x = `(?:${out.slice(atom)})`;
      if (x.length * (max === Infinity ? min + 1 : max) + out.length > MAX_EXPANDED_LENGTH) return { error: 'expression too large', at: text };
      let optional = max === Infinity ? `${x}*` : '';
      for (let k = max - min; k > 0 && max !== Infinity; k--) optional = `(?:${x}${optional})?`;
      out = `${out.slice(0, atom)}(?:${x.repeat(min)}${optional})`;
      i += count[0].length;
      continue;
    }
    let end = i + 1;
    if (c === '\\') end = i + escapeLength(pattern, i);
    else if (c === '[') end = classEnd(pattern, i);
    const name = c === '(' ? /^\(\?<(?![=!])[^>]*>/.exec(pattern.slice(i, i + 256)) : null;
    if (c === '(') groups.push(out.length);
    if (c === ')') {
      atom = groups.pop() ?? -1;
    } else {
      // Anchors and assertions repeat nothing: left as they are, `^{2}` stays the error it was.
      const repeatable = !'|(*+?^$'.includes(c) && !(c === '\\' && 'bB'.includes(pattern[i + 1]));
      atom = repeatable ? out.length : -1;
    }
    out += name ? '(?:' : pattern.slice(i, end);
    i = name ? i + name[0].length : end;
  }
  return out;
}

/** The other cases of a character (one UTF-16 unit each), or ''. */
function otherCases(ch: string): string {
  return [...new Set([ch.toLowerCase(), ch.toUpperCase()])].filter((c) => c !== ch && c.length === 1).join('');
}

/** The length of the escape at `i` (`\\d`, `\\x41`, `\\u{1F600}`, `\\p{Greek}`, `\\k<name>`...). */
function escapeLength(pattern: string, i: number): number {
  const next = pattern[i + 1];
  const upTo = (close: string) => {
    const at = pattern.indexOf(close, i + 2);
    return at < 0 ? pattern.length - i : at + 1 - i;
  };
  if ((next === 'p' || next === 'P' || next === 'u') && pattern[i + 2] === '{') return upTo('}');
  if (next === 'k' && pattern[i + 2] === '<') return upTo('>');
  const fixed: Record<string, number> = { u: 6, x: 4, c: 3, p: 3, P: 3 };
  return Math.min(fixed[next] ?? 2, pattern.length - i);
}

/** Where the class opening at `i` ends (after its `]`, or at the end of an unterminated one). */
function classEnd(pattern: string, i: number): number {
  let j = pattern[i + 1] === '^' ? i + 2 : i + 1;
  while (j < pattern.length) {
    if (pattern[j] === '\\') j += escapeLength(pattern, j);
    else if (pattern[j] === ']') return j + 1;
    else j++;
  }
  return pattern.length;
}

/** A class with the other case of its letters and ASCII letter ranges added at its front. */
function foldClass(cls: string): string {
  if (cls.length < 2 || !cls.endsWith(']')) return cls;
  const head = cls[1] === '^' ? '[^' : '[';
  const body = cls.slice(head.length, -1);
  const atoms: (string | null)[] = [];
  for (let i = 0; i < body.length; ) {
    const n = body[i] === '\\' ? escapeLength(body, i) : 1;
    atoms.push(n === 1 ? body[i] : null);
    i += n;
  }
  let extra = '';
  for (let k = 0; k < atoms.length; k++) {
    const lo = atoms[k];
    if (lo === null) continue;
    const hi = atoms[k + 1] === '-' && k + 2 < atoms.length ? atoms[k + 2] : undefined;
    if (hi === undefined) {
      extra += otherCases(lo);
      continue;
    }
    k += 2;
    if (hi === null) continue;
    const swap = (from: string, to: string, shift: number) => {
      const a = Math.max(lo.charCodeAt(0), from.charCodeAt(0));
      const b = Math.min(hi.charCodeAt(0), to.charCodeAt(0));
      if (a <= b) extra += `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
    };
    swap('a', 'z', -32);
    swap('A', 'Z', 32);
  }
  // In front, so no added letter meets a '-' of the class; a leading '-' is escaped for the same reason.
  return `${head}${extra}${extra !== '' && body.startsWith('-') ? `\\${body}` : body}]`;
}
