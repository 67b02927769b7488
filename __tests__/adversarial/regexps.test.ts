/**
 * Slow regexps (issue 19): every regexp a user gives is matched in time linear in the input, as
 * Go's RE2 does. A crafted profile has names of 3,000 letters, where `(?i)(\pL+)+$` took 3-4 s
 * through a backtracking engine (pprof: 0.1 s). Each option and command that takes a regexp is
 * run on it, one-shot, and must answer within a second; the syntax is Go 1.19's, errors included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportError } from '../../src/go/errors.js';
import { compileGoRegex } from '../../src/go/regex.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { heapMessage } from '../helpers/profile-fixtures.js';
import { runHeapcli } from '../helpers/run-cli.js';

const LONG = 3000;
/** Names of 3,000 letters (accented, so \pL and (?i) matter), ending in a digit so `$` fails late. */
const longName = (i: number) => `main.${'é'.repeat(LONG / 2)}${'A'.repeat(LONG / 2 - 1)}${i}`;

function craftedProfile(): string {
  const samples = Array.from({ length: 40 }, (_, i) => ({
    stack: [longName(i), longName(i + 100), 'main.main'],
    values: [1, 1024, 1, 1024],
    labels: [{ key: 'owner', str: `${'ü'.repeat(LONG)}${i}` }],
  }));
  const path = join(mkdtempSync(join(tmpdir(), 'heapcli-regexps-')), 'long-names.pb.gz');
  writeFileSync(path, encodeProfile(heapMessage({ samples })));
  return path;
}

const profile = craftedProfile();
const BOMB = '(?i)(\\pL+)+$';

describe('a regexp bomb on 3,000-character names, under a second each (before: 3-4 s)', () => {
  it.each([
    [[`-focus=${BOMB}`, '-top']],
    [[`-ignore=${BOMB}`, '-top']],
    [[`-hide=${BOMB}`, '-top']],
    [[`-show=${BOMB}`, '-top']],
    [[`-show_from=${BOMB}`, '-top']],
    [[`-prune_from=${BOMB}`, '-top']],
    [[`-peek=${BOMB}`]],
    [[`-list=${BOMB}`]],
    [[`-tagfocus=owner=(?i)(\\pL+)+$`, '-top']],
    [[`-tagignore=owner=(?i)(\\pL+)+$`, '-top']],
    [[`-tagshow=(?i)(\\pL+)+$`, '-tags']],
    [['-focus=(?i)(\\p{Latin}|\\p{Greek}|\\PN)*\\d$', '-top']],
    [['-focus=(.*)*x|(a|a)*b|(\\w+\\s?)+$', '-top']],
    [['-focus=(?:(?:\\pL*){10}){10}0$', '-top']],
  ])('%j', async (args) => {
    const started = performance.now();
    const run = await runHeapcli([...args, profile]);
    const ms = performance.now() - started;
    expect(run.stderr).not.toMatch(/error parsing regexp/);
    expect(ms).toBeLessThan(1000);
  });

  it('matches what Go matches on them', () => {
    const re = compileGoRegex(BOMB);
    expect(re.test(longName(1))).toBe(false);
    expect(re.test(longName(1).slice(0, -1))).toBe(true);
    expect(compileGoRegex('^main\\.\\pL+7$').test(longName(7))).toBe(true);
    expect(compileGoRegex('^main\\.\\p{Lu}').test(longName(7))).toBe(false);
  });
});

describe("Go 1.19's syntax, as Go reads it", () => {
  const error = (source: string) => {
    try {
      compileGoRegex(source);
      return null;
    } catch (err) {
      if (err instanceof ReportError) return err.message;
      throw err;
    }
  };

  it('(?U) is supported (before: "invalid or unsupported Perl syntax")', () => {
    expect(compileGoRegex('(?U)^a+').exec('aaa')?.[0]).toBe('a');
    expect(compileGoRegex('(?U)^a+?').exec('aaa')?.[0]).toBe('aaa');
  });

  it.each([
    ['(?<n>a)', 'invalid or unsupported Perl syntax: `(?<`'],
    ['(?<=a)b', 'invalid or unsupported Perl syntax: `(?<`'],
    ['x**(?<n>a)', 'invalid nested repetition operator: `**`'],
    ['(a(?<n>b)', 'invalid or unsupported Perl syntax: `(?<`'],
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['\\1', 'invalid escape sequence: `\\1`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['(a{1000}){1000}', 'invalid repeat count: `{1000}`'],
    ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['[a', 'missing closing ]: `[a`'],
    ['(?i', 'invalid or unsupported Perl syntax: `(?i`'],
    ['(a', 'missing closing ): `(a`'],
    ['(?(?<n>a))', 'invalid or unsupported Perl syntax: `(?(`'],
    ['(x(?<n>a)))', 'invalid or unsupported Perl syntax: `(?<`'],
    ['x)(?<n>a)', 'unexpected ): `x)(?<n>a)`'],
    ['[[:]alpha:]]', 'invalid character class range: `[:]alpha:]`'],
    ['[\\p[:]L]', 'invalid character class range: `\\p[`'],
    ['a\\', 'trailing backslash at end of expression: ``'],
  ])('%s: %s', (source, message) => {
    expect(error(source)).toBe(`error parsing regexp: ${message}`);
  });

  it.each([
    ['(?P<n>a)(?P<n>b)', 'ab', true],
    ['[[:]+$', 'x[:', true],
    ['x[[:]y', 'x]y', false],
    ['\\(?<', '(?<', true],
    ['[(?<]+', '?<', true],
    ['\\Q(?<x>\\E', '(?<x>', true],
    ['(?i)σ', 'Σ', true],
    ['\\pL', '𝐀', true],
    ['^.$', '😀', true],
    ['(?i)k', '\u212a', true],
  ])('%s on %j: %s', (source, text, matches) => {
    expect(compileGoRegex(source).test(text)).toBe(matches);
  });

  it('the plain-RegExp path for literal patterns matches as RE2 does', () => {
    const subjects = [
      'main.main',
      'a😀b',
      'a\nb',
      'a\rb',
      'a\u2028b',
      '😀😀',
      '😀',
      '\ud83d',
      'x\ud83dy',
      '$',
      '^a',
      '..',
      'a.b',
      '(*T)',
      'ß',
      'é',
      '',
    ];
    for (const literal of [
      'a.b',
      '^.$',
      '^..$',
      '..',
      'main\\.',
      '^main\\.main$',
      'a|^b',
      '$',
      '\\$',
      '\\^a',
      '.\\n',
      '\\(\\*T\\)',
      'é$',
      '',
    ]) {
      // Inside a group, the same pattern goes to re2js.
      const viaRe2 = compileGoRegex(`(?:${literal})`);
      const plain = compileGoRegex(literal);
      expect([literal, subjects.filter((s) => plain.test(s))]).toEqual([literal, subjects.filter((s) => viaRe2.test(s))]);
    }
  });

  it('keeps the pattern as typed for report caches, and works with String methods', () => {
    const re = compileGoRegex('(?i)b+');
    expect(re.source).toBe('(?i)b+');
    expect('aBBc'.replace(re, '-')).toBe('a-c');
    expect('aBBc'.search(re)).toBe(1);
  });
});
