import { ReportError } from './errors.js';
import { expandCounts, expandProperties, foldCase } from './regex-linear.js';

/**
 * Compiles a regexp written in Go's RE2 syntax (what pprof users type) into a JavaScript RegExp.
 * Leading flag groups such as `(?i)` become flags; RE2 features JavaScript spells differently are
 * translated; Perl features RE2 rejects (look-around, back-references) are rejected likewise.
 */
export function compileGoRegex(source: string): RegExp {
  let pattern = source;
  let flags = '';
  const flagGroup = /^\(\?([imsU]+)\)/.exec(pattern);
  if (flagGroup) {
    if (flagGroup[1].includes('U')) throw goRegexError('invalid or unsupported Perl syntax', '(?U');
    flags = [...new Set(flagGroup[1])].join('');
    pattern = pattern.slice(flagGroup[0].length);
  }
  const unsupported = /\(\?[=!]|\(\?<[=!]|\\[1-9k]/.exec(pattern);
  if (unsupported) throw goRegexError(unsupported[0].startsWith('\\') ? 'invalid escape sequence' : 'invalid or unsupported Perl syntax', unsupported[0]);
  pattern = pattern
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, flags.includes('m') ? '$(?![\\s\\S])' : '$')
    .replace(/\[:(alpha|digit|alnum|space|upper|lower|punct|word|xdigit):\]/g, (_, name: string) => POSIX[name]);
  // Go matches in linear time; so does V8 once a regexp backtracks too much, if it has no `i` or
  // `u` flag, look-ahead or large counts (regex-linear.ts): hence `\z` is `$` without (?m).
  const folded = flags.includes('i');
  flags = flags.replace('i', '');
  for (const rewrite of [(p: string) => expandProperties(p, folded), (p: string) => (folded ? foldCase(p) : p), expandCounts]) {
    const rewritten = rewrite(pattern);
    if (typeof rewritten !== 'string') throw goRegexError(rewritten.error, rewritten.at);
    pattern = rewritten;
  }
  try {
    const re = new RegExp(pattern, flags);
    // V8 compiles on first use, where a pattern too large for it fails: use it once here, so that
    // failure is this parse error rather than an exception in the middle of a report.
    re.test('');
    return re;
  } catch (err) {
    throw goRegexError(describeSyntaxError(pattern, (err as Error).message), source);
  }
}

const POSIX: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z',
  lower: 'a-z', punct: '!-\\/:-@\\[-`{-~', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

/** Go's wording for the most common syntax errors, else JavaScript's. */
function describeSyntaxError(pattern: string, jsMessage: string): string {
  if (/Unterminated character class/i.test(jsMessage)) return 'missing closing ]';
  if (/Unterminated group/i.test(jsMessage)) return 'missing closing )';
  if (/Unmatched '\)'/i.test(jsMessage)) return 'unexpected )';
  if (/Nothing to repeat/i.test(jsMessage)) {
    return /[*+?}]{2}/.test(pattern) ? 'invalid nested repetition operator' : 'missing argument to repetition operator';
  }
  if (/Range out of order/i.test(jsMessage)) return 'invalid character class range';
  if (/too large/i.test(jsMessage)) return 'expression too large';
  return jsMessage.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '').toLowerCase();
}

function goRegexError(what: string, where: string): ReportError {
  return new ReportError(`error parsing regexp: ${what}: \`${where}\``);
}
