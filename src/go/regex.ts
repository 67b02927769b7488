/**
 * The regexps users type (focus, ignore, hide, show, show_from, prune_from, tagfocus, list, peek,
 * ...) are Go's, matched by re2js: RE2's syntax and automata in JavaScript, as Go's regexp package
 * is RE2's in Go. Matching is linear in the input, whatever the pattern (`(?i)(\pL+)+$` on a
 * 3,000-character name took seconds with a backtracking engine), and the syntax, Unicode classes,
 * case folding, (?U) and the error messages are Go's (where re2js reads a pattern otherwise than
 * Go 1.19, regex-go119.ts mends it).
 */
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { ReportError } from './errors.js';
import { re2jsPattern } from './regex-go119.js';

type Re2js = typeof import('re2js');
let engine: Re2js | null = null;

/**
 * re2js, loaded at the first regexp: its code and tables are as large as the rest of heapcli, and a
 * report without a regexp should not pay for loading them (bundled, they added 25 ms to every run).
 */
function re2js(): Re2js {
  engine ??= createRequire(import.meta.url)('re2js') as Re2js;
  return engine;
}

/**
 * A Go regexp in RegExp's clothes, so the code that filters by it keeps one type: `test` runs
 * RE2, `source` is the pattern as typed (report caches key on it), and `exec`, which RegExp's
 * other methods go through, finds the leftmost match as Go does.
 */
class GoRegExp extends RegExp {
  readonly #pattern: string;
  readonly #re2: RE2JS;

  constructor(pattern: string, re2: RE2JS) {
    super('(?:)');
    this.#pattern = pattern;
    this.#re2 = re2;
  }

  override get source(): string {
    return this.#pattern;
  }

  override test(text: string): boolean {
    return this.#re2.test(text);
  }

  override exec(text: string): RegExpExecArray | null {
    const matcher = this.#re2.matcher(text);
    if (!matcher.find()) return null;
    const found = Object.assign([matcher.group(0) ?? ''], { index: matcher.start(0), input: text, groups: undefined });
    return found as RegExpExecArray;
  }
}

/**
 * Longer patterns are refused in Go's words for a pattern too large. Go itself takes them, but
 * re2js needs seconds to compile 100,000 characters, and no one types a filter that long.
 */
const MAX_PATTERN_LENGTH = 20_000;

/** Compiles `source`, a Go regexp, or throws ReportError with Go's message (`error parsing regexp: ...`). */
export function compileGoRegex(source: string): RegExp {
  if (source.length > MAX_PATTERN_LENGTH) throw new ReportError(`error parsing regexp: expression too large: \`${source}\``);
  const literal = literalRegExp(source);
  if (literal !== null) return literal;
  let failure = compileRe2js(source, false);
  // re2js refuses `[:]` in a class, which Go reads (regex-go119.ts): then it is mended.
  if (failure instanceof ReportError && /: `\[:\]/.test(failure.message)) failure = compileRe2js(source, true);
  if (failure instanceof ReportError) throw failure;
  return failure;
}

/** `source` compiled by re2js as Go would read it, or Go's error. */
function compileRe2js(source: string, mendClasses: boolean): RegExp | ReportError {
  const pattern = re2jsPattern(source, mendClasses);
  const { RE2JS, RE2JSException } = re2js();
  try {
    return new GoRegExp(source, RE2JS.compile(pattern.text));
  } catch (err) {
    if (!(err instanceof RE2JSException)) throw err;
    // Go quotes the expression at fault even when it is empty (a trailing backslash: ``).
    const message = /`$/.test(err.message) ? err.message : `${err.message}: \`\``;
    return new ReportError(pattern.restore(message));
  }
}

/**
 * Text, `.`, `^`, `$`, `|` and escaped punctuation (`main\.`, `^runtime\.mallocgc$`, what most
 * users type) mean the same to JavaScript's RegExp as to Go, and without a repetition it cannot
 * backtrack much: such a pattern gets a plain RegExp, which saves loading re2js (30 ms). Go's `.`
 * is any character but a newline, a whole code point (a surrogate pair in JavaScript).
 */
function literalRegExp(source: string): RegExp | null {
  if (!/^(?:[^\\.+*?()[\]{}]|\\[!-/:-@[-`{-~]|\.)*$/.test(source)) return null;
  const re = new RegExp(source.replace(/\\.|\./g, (token) => (token === '.' ? ANY_CHARACTER : token)));
  try {
    // V8 compiles at the first match, where a pattern too large for it fails: re2js takes those.
    re.test('');
    return re;
  } catch {
    return null;
  }
}

/** Go's `.` without (?s): one code point (a pair of surrogates, or one alone), not a newline. */
const ANY_CHARACTER = '(?:[\\ud800-\\udbff][\\udc00-\\udfff]|[^\\n\\ud800-\\udbff]|[\\ud800-\\udbff](?![\\udc00-\\udfff]))';
