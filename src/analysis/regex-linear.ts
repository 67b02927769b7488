/**
 * Go's regexps (RE2) match in linear time. JavaScript's backtrack: a focus such as `(.*)*x` or
 * `(?:.*){30}x` took minutes on a 40-character function name, where pprof answers at once. V8 has
 * a linear-time engine too, and the flag set here makes it take over from any regexp that
 * backtracks too much; but it runs only regexps without look-around, the `i` or `u` flags, or
 * counts above 16. The rewrites below bring a translated Go pattern within that, matching the same
 * strings: Unicode classes (`\p{Greek}`) as ranges, (?i) as classes of both cases, counts as copies.
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 flag this module sets when loaded. */
export const LINEAR_FALLBACK_FLAG = '--enable-experimental-regexp-engine-on-excessive-backtracks';

setFlagsFromString(LINEAR_FALLBACK_FLAG);

/** Go's largest repetition count. */
const MAX_REPEAT = 1000;
/** How long a pattern with its counts written out may get (RE2 refuses large programs likewise). */
const MAX_EXPANDED_LENGTH = 100_000;

/** A rewrite that found a Go syntax error: what, and where (as Go quotes it). */
export interface RegexSyntaxError {
  readonly error: string;
  readonly at: string;
}

/**
 * `pattern` with each Unicode class (`\pL`, `\p{Greek}`, `\P{Lu}`, `\p{^Han}`, in or out of a
 * bracket class) written as the ranges of the characters it holds, so no `u` flag is needed. With
 * `folded`, each class also holds the other case of its characters, as under (?i). Characters
 * past U+FFFF are left out (JavaScript without `u` reads them as two halves).
 */
export function expandProperties(pattern: string, folded = false): string | RegexSyntaxError {
  if (!/\\[pP]/.test(pattern)) return pattern;
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c !== '\\') {
      if (c === '[' && !inClass) inClass = true;
      else if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    const m = /^\\([pP])(?:\{(\^?)([^}]*)\}|([A-Za-z]))/.exec(pattern.slice(i, i + 64));
    if (!m) {
      out += pattern.slice(i, i + 2);
      i += 2;
      continue;
    }
    const negated = (m[1] === 'P') !== (m[2] === '^');
    const ranges = propertyRanges(m[3] ?? m[4], negated, folded);
    if (ranges === null) return { error: 'invalid character class range', at: m[0] };
    out += inClass ? ranges : `[${ranges}]`;
    i += m[0].length;
  }
  return out;
}

const propertyCache = new Map<string, string | null>();

/** The ranges of a property's characters as class text (`\u0041-\u005a...`), or null when there is no such property. */
function propertyRanges(name: string, negated: boolean, folded: boolean): string | null {
  const key = `${negated ? '^' : ''}${folded ? 'i' : ''}${name}`;
  if (!propertyCache.has(key)) {
    // Go names categories (L, Lu) and scripts (Greek); JavaScript spells a script Script=Greek.
    const re = [name, `Script=${name}`].map((spelling) => tryRegExp(`^\\p{${spelling}}$`)).find((r) => r !== null) ?? null;
    let ranges: string | null = null;
    if (re !== null) {
      const has = (ch: string) => re.test(ch) || (folded && (re.test(ch.toLowerCase()) || re.test(ch.toUpperCase())));
      ranges = '';
      for (let c = 0, start = -1; c <= 0x10000; c++) {
        const inSet = c < 0x10000 && has(String.fromCharCode(c)) !== negated;
        if (inSet && start < 0) start = c;
        if (!inSet && start >= 0) {
          ranges += c - 1 === start ? unit(start) : `${unit(start)}-${unit(c - 1)}`;
          start = -1;
        }
      }
    }
    propertyCache.set(key, ranges);
  }
  return propertyCache.get(key)!;
}

function tryRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source, 'u');
  } catch {
    return null;
  }
}

const unit = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * `pattern` with both cases of every letter it names, for (?i) without the `i` flag: a letter
 * becomes a class of its cases, a class gains the other case of its letters and of its ASCII
 * letter ranges. Escapes and group names are left alone.
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
 * match the same; or Go's error for a count past its limit or out of order. Group names go
 * (nothing reads them), as a copied name would be a duplicate.
 */
export function expandCounts(pattern: string): string | RegexSyntaxError {
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

/**
 * The length of the escape at `i` as JavaScript reads it without the `u` flag: `\x41`, `\u0041`,
 * `\cA`, `\k<name>`, else the backslash and one character (so in `\x{41}`, `{41}` is a count).
 */
function escapeLength(pattern: string, i: number): number {
  const next = pattern[i + 1];
  const tail = pattern.slice(i + 2, i + 6);
  if (next === undefined) return 1;
  if (next === 'x' && /^[0-9a-fA-F]{2}/.test(tail)) return 4;
  if (next === 'u' && /^[0-9a-fA-F]{4}/.test(tail)) return 6;
  if (next === 'c' && /^[a-zA-Z]/.test(tail)) return 3;
  if (next === 'k' && tail.startsWith('<')) {
    const close = pattern.indexOf('>', i);
    return close < 0 ? pattern.length - i : close + 1 - i;
  }
  return 2;
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
