/**
 * Regexps run in linear time, as Go's do: the rewrites that let V8's linear-time engine take over
 * ((?i) spelled out, counts written out) match exactly what the plain JavaScript regexp matched,
 * and the patterns that made a backtracking engine run for minutes answer at once.
 */
import { ReportError } from '../../src/analysis/errors.js';
import { compileGoRegex } from '../../src/analysis/regex.js';
import { expandCounts, expandProperties, foldCase } from '../../src/analysis/regex-linear.js';
import { loadProfileFile } from '../../src/profile/load.js';
import { functionName } from '../../src/profile/model.js';

describe('foldCase spells (?i) out', () => {
  it.each([
    ['main', '[mM][aA][iI][nN]'],
    ['a.b*', '[aA].[bB]*'],
    ['\\d\\w\\bx', '\\d\\w\\b[xX]'],
    ['[a-c]', '[A-Ca-c]'],
    ['[^a-c_]', '[^A-Ca-c_]'],
    ['[-a]', '[A\\-a]'],
    ['[a-]', '[Aa-]'],
    ['[0-9]', '[0-9]'],
    ['[Y-c]', '[A-Cy-zY-c]'],
    ['(?<name>ab)', '(?<name>[aA][bB])'],
    ['\\x41\\u0042', '\\x41\\u0042'],
    ['é', '[éÉ]'],
    ['a{2,3}', '[aA]{2,3}'],
  ])('%s → %s', (pattern, folded) => {
    expect(foldCase(pattern)).toBe(folded);
  });
});

describe('expandProperties writes Unicode classes as ranges (no `u` flag)', () => {
  it.each([
    ['\\pN', '[\\u0030-\\u0039'],
    ['\\p{Nd}x', '[\\u0030-\\u0039'],
    ['[^\\pN_]', '[^\\u0030-\\u0039'],
    ['\\\\pN', '\\\\pN'],
  ])('%s starts %s', (pattern, start) => {
    expect(expandProperties(pattern)).toEqual(expect.stringMatching(new RegExp(`^${start.replace(/[\\[\]^]/g, '\\$&')}`)));
  });

  it('knows Go\'s script names and refuses what is no property', () => {
    expect(compileGoRegex('^\\p{Greek}+$').test('αβγ')).toBe(true);
    expect(compileGoRegex('^\\p{Greek}+$').test('abc')).toBe(false);
    expect(compileGoRegex('^\\P{Greek}+$').test('abc')).toBe(true);
    expect(compileGoRegex('^\\p{^Greek}+$').test('abc')).toBe(true);
    expect(compileGoRegex('(?i)^\\p{Lu}$').test('a')).toBe(true);
    expect(compileGoRegex('^\\p{Lu}$').test('a')).toBe(false);
    expect(expandProperties('\\p{Foo}')).toEqual({ error: 'invalid character class range', at: '\\p{Foo}' });
  });
});

describe('expandCounts writes counts out', () => {
  it.each([
    ['a{3}', '(?:(?:a)(?:a)(?:a))'],
    ['a{1,3}', '(?:(?:a)(?:(?:a)(?:(?:a))?)?)'],
    ['a{2,}', '(?:(?:a)(?:a)(?:a)*)'],
    ['(ab){2}', '(?:(?:(ab))(?:(ab)))'],
    ['(?<n>a){2}', '(?:(?:(?:a))(?:(?:a)))'],
    ['[a-c]{2}x', '(?:(?:[a-c])(?:[a-c]))x'],
    ['x|\\d{2}', 'x|(?:(?:\\d)(?:\\d))'],
    ['a{2}?', '(?:(?:a)(?:a))'],
    ['a{', 'a{'],
    ['a{x}', 'a{x}'],
    ['no counts', 'no counts'],
  ])('%s → %s', (pattern, expanded) => {
    expect(expandCounts(pattern)).toBe(expanded);
  });

  it.each([
    ['a{1001}', { error: 'invalid repeat count', at: '{1001}' }],
    ['a{3,2}', { error: 'invalid repeat count', at: '{3,2}' }],
    ['((a{100}){100}){10}', { error: 'expression too large', at: '{10}' }],
  ])('%s is an error', (pattern, error) => {
    expect(expandCounts(pattern)).toEqual(error);
  });
});

describe('compileGoRegex matches what it matched before', () => {
  const profile = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');
  const names = Array.from({ length: profile.functions.count }, (_, f) => functionName(profile, f));
  const subjects = [...names, '', 'MAIN.GROWBUF', 'aaa', 'ab ab', 'x\ny', 'Ünïcödé', 'a{2}', '-', 'A-'];

  it.each([
    ['main', ''], ['^runtime\\.', ''], ['Buf$', ''], ['(?i)MAIN', 'i'], ['(?i)[a-f]+\\.', 'i'], ['(?i)[^a-z.]', 'i'],
    ['(?i)[-a]', 'i'], ['(?i)grow(buf|slice)', 'i'], ['(?i)ü', 'i'], ['a{2}', ''], ['(ab){1,2}', ''], ['[a-z]{3,}', ''],
    ['(?i)(?:G[a-z]{2,4}){1,3}', 'i'], ['\\w{5}\\.', ''], ['\\pL+\\.\\p{Lu}', 'u'], ['(?i)[^\\p{Ll}.]', 'iu'], ['\\PL', 'u'],
  ])('%s', (go, flags) => {
    // The reference: JavaScript's own regexp, backtracking, with its flags (`\pL` spelled `\p{L}`).
    const js = new RegExp(go.replace(/^\(\?i\)/, '').replace(/\\([pP])([A-Za-z])/g, '\\$1{$2}'), flags);
    const re = compileGoRegex(go);
    expect(subjects.filter((s) => re.test(s))).toEqual(subjects.filter((s) => js.test(s)));
  });

  it('keeps its errors in Go\'s words', () => {
    const error = (source: string) => {
      try {
        compileGoRegex(source);
      } catch (err) {
        if (err instanceof ReportError) return err.message;
        throw err;
      }
      return null;
    };
    expect(error('a{1001}')).toBe('error parsing regexp: invalid repeat count: `{1001}`');
    expect(error('\\k<x>')).toBe('error parsing regexp: invalid escape sequence: `\\k`');
    expect(error('[a')).toBe('error parsing regexp: missing closing ]: `[a`');
    expect(error('.'.repeat(100_000))).toBe(`error parsing regexp: expression too large: \`${'.'.repeat(100_000)}\``);
  });
});

describe('backtracking bombs answer at once, as in Go', () => {
  const name = 'runtime/pprof.(*profMap).lookup.func1.somethinglong_name_here';
  it.each([
    '(.*)*Q', '(?i)(.*)*Q', '(a|a)*b', '(\\w+\\s?)+$', '.*.*.*.*.*.*.*.*.*.*Q', '(x+x+)+y', '(?:.*){30}Q', '(?i)(?:.*){30}Q',
    '(.*.*)*Q', '((.*)*)*Q', '(?:(?:.*){5}){4}Q', '(.*)*\\z', '(.*)*Q|\\p{L}{20}', '(?i)(\\pL*)*Q', '(.*)*Q|\\x{41}',
  ])('%s', (pattern) => {
    const re = compileGoRegex(pattern);
    const start = performance.now();
    re.test(name);
    re.test(name.repeat(4));
    expect(performance.now() - start).toBeLessThan(500);
  });
});
