#!/usr/bin/env node
// The slow adversarial cases, beyond what `npm test` runs (__tests__/adversarial/):
//
//   npm run adversarial                 both parts below
//   ADVERSARIAL_CASES=20000 npm run adversarial     more random regexps (default 3000)
//   ADVERSARIAL_SEED=42 npm run adversarial         the same random regexps again
//
// 1. Random regexps against Go's own regexp package (scripts/regexp-oracle, built with `go`; skipped,
//    saying so, without it): heapcli must accept what Go accepts, match what Go matches and refuse
//    what Go refuses in Go's words. Each pattern must also compile and match within a second.
// 2. Regexp bombs on names ten and a hundred times longer than the (30,000 and 300,000
//    characters): each must answer within a second per 20 million characters, whatever the length,
//    as a linear matcher does.
//
// It reads the compiled code in dist/ (npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileGoRegex } from '../dist/go/regex.js';

const cases = Number(process.env.ADVERSARIAL_CASES || 3000);
const seed = Number(process.env.ADVERSARIAL_SEED || Math.floor(Math.random() * 2 ** 32));
let failures = 0;
const fail = (line) => {
  failures++;
  if (failures <= 20) console.log(`FAIL ${line}`);
};

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(seed);
const pick = (list) => list[Math.floor(next() * list.length)];

const ATOMS = [
  'a',
  'b',
  'K',
  'k',
  'é',
  'σ',
  'ς',
  'Σ',
  '😀',
  '.',
  '\\.',
  '\\pL',
  '\\p{Greek}',
  '\\PL',
  '\\p{Lu}',
  '\\d',
  '\\w',
  '\\s',
  '\\b',
  '\\B',
  '[a-c]',
  '[^a]',
  '[[:alpha:]]',
  '[\\pL\\d]',
  '^',
  '$',
  '\\A',
  '\\z',
  '\\Q.*\\E',
  '\\x{41}',
  '(?:)',
];
const FLAGS = ['(?i)', '(?U)', '(?s)', '(?m)', '(?i:', '(?-i)', ''];
const BREAKERS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '*',
  '+',
  '?',
  '\\',
  '{2,1}',
  '{1001}',
  '(?<n>',
  '(?P<n>',
  '\\1',
  '(?=',
  '\\C',
  '\\p{Foo}',
  '[:]',
  '[[:]',
  '(?',
  ':]',
];
const INPUT_CHARS = [
  'a',
  'b',
  'c',
  'K',
  'k',
  '\u212a',
  'é',
  'e\u0301',
  'σ',
  'ς',
  'Σ',
  '😀',
  '𝐀',
  '.',
  '\n',
  ' ',
  '1',
  '_',
  '(',
  'ſ',
  's',
  'S',
];

/** A random pattern from the pieces above: sequences, groups, alternations, repetitions. */
function pattern(depth = 0) {
  let text = depth === 0 ? pick(FLAGS) : '';
  const open = text.endsWith(':');
  const parts = 1 + Math.floor(next() * 4);
  for (let i = 0; i < parts; i++) {
    let piece = depth < 2 && next() < 0.25 ? `(${pattern(depth + 1)})` : pick(ATOMS);
    if (next() < 0.3) piece += pick(['*', '+', '?', '{2}', '{1,3}', '{0,}', '*?', '+?']);
    text += piece;
    if (next() < 0.15) text += '|';
  }
  if (open) text += ')';
  // Now and then a piece that makes a syntax error, or may.
  if (next() < 0.15) {
    // Between whole characters: half a surrogate pair means something else to Go's JSON.
    const chars = [...text];
    const at = Math.floor(next() * (chars.length + 1));
    text = [...chars.slice(0, at), pick(BREAKERS), ...chars.slice(at)].join('');
  }
  return text;
}

function input() {
  let text = '';
  const length = Math.floor(next() * 12);
  for (let i = 0; i < length; i++) text += pick(INPUT_CHARS);
  return text;
}

function compareWithGo() {
  if (spawnSync('go', ['version']).status !== 0) {
    console.log('regexps against Go: skipped, go is not installed (it builds scripts/regexp-oracle)');
    return;
  }
  const build = mkdtempSync(join(tmpdir(), 'heapcli-oracle-'));
  const oracle = join(build, 'oracle');
  execFileSync('go', ['build', '-o', oracle, '.'], { cwd: new URL('./regexp-oracle', import.meta.url).pathname, stdio: 'inherit' });
  const inputs = Array.from({ length: 40 }, input);
  const patterns = Array.from({ length: cases }, () => pattern());
  const queries = patterns.map((p) => JSON.stringify({ pattern: p, inputs })).join('\n') + '\n';
  const answers = execFileSync(oracle, { input: queries, maxBuffer: 1 << 28 })
    .toString()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  rmSync(build, { recursive: true, force: true });
  patterns.forEach((p, i) => {
    const started = performance.now();
    let got;
    try {
      const re = compileGoRegex(p);
      got = { matches: inputs.map((s) => re.test(s)) };
    } catch (err) {
      got = { error: err.message };
    }
    const ms = performance.now() - started;
    const want = answers[i];
    if (ms > 1000) fail(`${JSON.stringify(p)}: ${ms.toFixed(0)} ms`);
    if (want.error !== undefined || got.error !== undefined) {
      if (want.error !== got.error)
        fail(`${JSON.stringify(p)}: Go ${JSON.stringify(want.error ?? 'accepts')}, heapcli ${JSON.stringify(got.error ?? 'accepts')}`);
      return;
    }
    const differ = inputs.filter((_, k) => want.matches[k] !== got.matches[k]);
    if (differ.length > 0) fail(`${JSON.stringify(p)}: differs from Go on ${differ.map((s) => JSON.stringify(s)).join(' ')}`);
  });
  console.log(`regexps against Go: ${cases} random patterns × ${inputs.length} inputs, seed ${seed}`);
}

function bombs() {
  const BOMBS = [
    '(?i)(\\pL+)+$',
    '(.*)*x',
    '(a|a)*b',
    '(\\w+\\s?)+$',
    '(?:(?:\\pL*){10}){10}0$',
    '(?i)(\\p{Latin}|\\p{Greek}|\\PN)*\\d$',
    '(x+x+)+y',
  ];
  for (const length of [30_000, 300_000]) {
    const names = Array.from(
      { length: length === 30_000 ? 1000 : 100 },
      (_, i) => `main.${'é'.repeat(length / 2)}${'a'.repeat(length / 2)}${i}`,
    );
    for (const source of BOMBS) {
      const started = performance.now();
      const re = compileGoRegex(source);
      for (const name of names) re.test(name);
      const ms = performance.now() - started;
      // Linear time: a budget per character, the same for both lengths (1 s per 20 million).
      const budget = (names.length * length) / 20_000;
      if (ms > budget) fail(`${source} on ${names.length} names of ${length} characters: ${ms.toFixed(0)} ms (budget ${budget} ms)`);
      console.log(`bomb ${source} on ${names.length} names of ${length} characters: ${ms.toFixed(0)} ms`);
    }
  }
}

compareWithGo();
bombs();
console.log(failures === 0 ? 'adversarial: all passed' : `adversarial: ${failures} failures (seed ${seed})`);
process.exit(failures === 0 ? 0 : 1);
