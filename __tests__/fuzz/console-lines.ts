/**
 * The console fuzzer's line generator: from a seed, command lines a user (or a cat on the
 * keyboard) could type — every command with random arguments, every option with random values,
 * huge numbers, bad and catastrophic regexps, unbalanced quotes and brackets, control characters,
 * NUL bytes, unicode, 100 kB lines, `>` redirections to impossible paths.
 */
import { COMMANDS } from '../../src/commands/table.js';
import { OPTION_NAMES, OPTION_SPECS } from '../../src/analysis/options.js';
import type { Random } from './random.js';

/** What the generator knows about the profile the session has open. */
export interface LineContext {
  readonly sampleTypes: readonly string[];
  readonly functionNames: readonly string[];
  /** A folder the fuzz may write `>file` reports into. */
  readonly scratchDir: string;
}

/** Paths no report can be written to (and that write nothing anywhere if they somehow could). */
export const IMPOSSIBLE_PATHS = [
  '/nonexistent-heapcli-fuzz/report.txt',
  'package.json/report.txt',
  '/dev/null/report.txt',
  'a\u0000b.txt',
  `/nonexistent-heapcli-fuzz/${'x'.repeat(5000)}`,
  '/proc/self/nonexistent-heapcli-fuzz/x',
];

const NUMBERS = [
  '0',
  '1',
  '-1',
  '3',
  '10',
  '+5',
  '-0',
  '007',
  '1e400',
  '-1e400',
  '1e308',
  '4.9e-324',
  '1e-400',
  '99999999999999999999',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '2147483647',
  '2147483648',
  '-2147483648',
  '4294967296',
  '9007199254740993',
  '1.5',
  '.5',
  '5.',
  '0x10',
  '1_000',
  'NaN',
  'nan',
  'Inf',
  '+inf',
  '-Infinity',
  '',
  ' ',
  '\u0663',
  '\uff11\uff12',
  '1 2',
  '--1',
];

const REGEXPS = [
  'main',
  'main\\.',
  '.',
  '.*',
  '^runtime',
  'Buf$',
  'main|runtime',
  '[a',
  '(a',
  'a)',
  '*a',
  'a**',
  'a{2,1}',
  'x{1001}',
  'a{99999}',
  '(?i)MAIN',
  '(?U)a',
  '(?s).',
  '(?=a)',
  '(?!a)',
  '(?<=a)',
  '(?<!a)',
  '\\1',
  '\\',
  '\\p{Greek}',
  '\\pL',
  '\\p{Foo}',
  '\\PN',
  '[[:alpha:]]+',
  '[[:foo:]]',
  '[z-a]',
  '(?P<name>main)',
  '(?P<n',
  '\\Q.*\\E',
  '\\z',
  '\\A',
  '|',
  '||',
  '()',
  '(|)',
  '$^',
  '\\b',
  '\\x{110000}',
  '\\x{41}',
  '[\\d-z]',
  '(?i)',
  '(?',
  '[]',
  '[^]',
  '{',
  '}',
  '{1}',
  'a{,5}',
  // Catastrophic for a backtracking engine, instant for Go's.
  '(.*)*Q',
  '(.*)*$Q',
  '(a|a)*b',
  '(\\w+\\s?)+$',
  '.*.*.*.*.*.*.*.*.*.*Q',
  '(x+x+)+y',
  '(?:.*){30}Q',
  '(.*.*)*Q',
  '((.*)*)*Q',
  '(?i)(.*)*Q',
  '\u00fc',
  '\u65e5\u672c',
  '\ud83d\ude00',
  'a\u0000b',
  '\ud800',
];

const TAG_FILTERS = [
  'bytes=1kb:',
  'bytes=:1mb',
  '1kb:10kb',
  '64kb:',
  ':',
  '::',
  '1e400kb:',
  '-1:',
  'bytes=1foo:',
  'key=a,b',
  'key=',
  '=v',
  '=',
  ',',
  'k=[a',
  'k=(.*)*Q',
  'bytes',
  '1kb:2kb:3kb',
  '99999999999999999999tb:',
  'kb',
  '1.5.5kb:',
  '0x10:',
];

const CHOICE_WORDS = ['cum', 'flat', 'functions', 'filefunctions', 'files', 'lines', 'addresses'];

/** Characters that break naive tokenizers and terminals. */
const NASTY_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\u000b',
  '\f',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\u202e',
  '"',
  "'",
  '`',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '|',
  '&',
  ';',
  '$',
  '\\',
  '=',
  ':',
  '-',
  '%',
  '#',
  '\ud83d\ude00',
  '\u0301',
  '\ud800',
  '\udfff',
];

function nastyToken(rnd: Random): string {
  let out = '';
  for (let i = rnd.range(1, 12); i > 0; i--) out += rnd.chance(0.5) ? rnd.pick(NASTY_CHARS) : String.fromCharCode(rnd.range(0x20, 0x7e));
  return out;
}

/** A value for option `name`: of its kind mostly, anything sometimes. */
function optionValue(rnd: Random, name: string, ctx: LineContext): string {
  const spec = OPTION_SPECS[name as keyof typeof OPTION_SPECS];
  if (rnd.chance(0.15)) return rnd.pick([nastyToken(rnd), rnd.pick(NUMBERS), rnd.pick(REGEXPS), '', '//: a comment', 'x //: a comment']);
  switch (spec.kind) {
    case 'int':
    case 'float':
      return rnd.pick(NUMBERS);
    case 'bool':
      return rnd.pick(['true', 'false', 't', 'f', 'yes', 'no', 'y', 'n', '1', '0', '', 'TRUE', 'True', 'maybe', '2', 'on']);
    case 'choice':
      return rnd.chance(0.8) ? rnd.pick(spec.choices!) : rnd.pick(['', 'Cum', 'function', 'bogus']);
    case 'sample_index':
      return rnd.pick([
        ...ctx.sampleTypes,
        ...ctx.sampleTypes.map((t) => `inuse_${t}`),
        '0',
        '1',
        '3',
        '4',
        '-1',
        '99999999999999999999',
        'bogus',
        '',
      ]);
    default:
      if (name.startsWith('tag')) return rnd.chance(0.6) ? rnd.pick(TAG_FILTERS) : rnd.pick(REGEXPS);
      if (name === 'unit') return rnd.pick(['minimum', 'auto', 'kb', 'MB', 'gb', 'tb', 'b', 'bytes', 'ms', 's', 'count', 'bogus', '']);
      if (name === 'output') return rnd.pick([...IMPOSSIBLE_PATHS, `${ctx.scratchDir}/out.txt`, '']);
      if (name === 'source_path' || name === 'trim_path') return rnd.pick(['', '/', '/nonexistent:/tmp', ':::', nastyToken(rnd)]);
      return rnd.chance(0.3) && ctx.functionNames.length > 0 ? rnd.pick(ctx.functionNames) : rnd.pick(REGEXPS);
  }
}

/** An argument of a report command: a count, a regexp (focus or -ignore), -cum, or a redirection. */
function reportArgument(rnd: Random, ctx: LineContext): string[] {
  return rnd.weighted<() => string[]>([
    [3, () => [rnd.pick(NUMBERS)]],
    [4, () => [rnd.chance(0.4) && ctx.functionNames.length > 0 ? rnd.pick(ctx.functionNames) : rnd.pick(REGEXPS)]],
    [2, () => [`-${rnd.pick(REGEXPS)}`]],
    [1, () => [rnd.pick(['-cum', '--cum', '-', '--', '-flat'])]],
    [1, () => [rnd.pick(['>', '> ', '>>'])]],
    [
      2,
      () =>
        rnd.chance(0.5)
          ? [`>${rnd.pick([...IMPOSSIBLE_PATHS, `${ctx.scratchDir}/r.txt`])}`]
          : ['>', rnd.pick([...IMPOSSIBLE_PATHS, `${ctx.scratchDir}/r.txt`])],
    ],
    [1, () => [nastyToken(rnd)]],
  ])();
}

function commandLine(rnd: Random, ctx: LineContext): string {
  const names = [...COMMANDS.keys()];
  let name = rnd.pick(names);
  if (rnd.chance(0.15)) name += rnd.pick(['10', '0', '99999999999999999999', '-5', '1e3']);
  const args: string[] = [];
  for (
    let i = rnd.weighted([
      [3, 0],
      [4, 1],
      [3, 2],
      [1, 5],
      [1, 20],
    ] as const);
    i > 0;
    i--
  )
    args.push(...reportArgument(rnd, ctx));
  return [name, ...args].join(rnd.pick([' ', ' ', '  ', '\t', ' \u00a0 ']));
}

function assignmentLine(rnd: Random, ctx: LineContext): string {
  const name = rnd.chance(0.9) ? rnd.pick(OPTION_NAMES) : rnd.pick([...CHOICE_WORDS, 'bogus', 'sample', 'Focus', '']);
  const value = OPTION_NAMES.includes(name as (typeof OPTION_NAMES)[number])
    ? optionValue(rnd, name, ctx)
    : rnd.pick(['true', 'false', '1', '', 'yes']);
  return rnd.pick([`${name}=${value}`, `${name} = ${value}`, `${name}=${value}`, ` ${name}=${value} `, `${name}==${value}`, `${name}`]);
}

function shortcutLine(rnd: Random, ctx: LineContext): string {
  const type = rnd.pick(ctx.sampleTypes);
  return rnd.pick([
    type,
    `mean_${type}`,
    `total_${type}`,
    `${type}x`,
    ':',
    '::',
    ': ',
    ...CHOICE_WORDS,
    'help',
    'help top',
    `help ${rnd.pick(OPTION_NAMES)}`,
    'help bogus',
    'o',
    'options',
  ]);
}

function garbageLine(rnd: Random): string {
  return rnd.weighted<() => string>([
    [3, () => Array.from({ length: rnd.range(1, 6) }, () => nastyToken(rnd)).join(rnd.pick([' ', '', '\t']))],
    [
      2,
      () =>
        rnd.pick([
          '"top',
          "'",
          'top "a b',
          "top 'x",
          'top (',
          'top )',
          'top [',
          'top ]',
          'focus=(',
          'focus=[',
          'focus={',
          '"',
          '""',
          '=',
          '==',
          '=top',
          'top=',
          ' ',
          '\t',
          '\r',
          '\n',
          '\u0000',
          'top\u0000',
          'top\r10',
          'top\n10',
          '\u001b[A',
          '\u001b[2J',
        ]),
    ],
    [1, () => String.fromCharCode(...Array.from({ length: rnd.range(1, 40) }, () => rnd.int(0x10000)))],
  ])();
}

/** A line of about 100 kB, of one kind. */
function longLine(rnd: Random, ctx: LineContext): string {
  const n = rnd.pick([10_000, 100_000]);
  return rnd.pick<() => string>([
    () => 'x'.repeat(n),
    () => `top ${'main '.repeat(n / 5)}`,
    () => `top ${'-x '.repeat(n / 3)}`,
    () => `focus=${'a|'.repeat(n / 2)}`,
    () => `focus=${'('.repeat(n / 2)}`,
    () => `focus=${'(a)'.repeat(n / 3)}`,
    () => `nodecount=${'9'.repeat(n)}`,
    () => `nodefraction=0.${'1'.repeat(n)}`,
    () => `tagfocus=${'1kb:'.repeat(n / 4)}`,
    () => `top ${rnd.pick(ctx.functionNames.length > 0 ? ctx.functionNames : ['main'])}${' '.repeat(n)}`,
    () => `list ${'.'.repeat(n)}`,
    () => `peek ${'\\'.repeat(n)}`,
    () => `${'\u0000'.repeat(n)}`,
    () => `${'\ud83d\ude00'.repeat(n / 2)}`,
    () => `top >${ctx.scratchDir}/${'y'.repeat(n)}`,
  ])();
}

/** The line of a seed's step. */
export function consoleLine(rnd: Random, ctx: LineContext): string {
  return rnd.weighted<() => string>([
    [30, () => commandLine(rnd, ctx)],
    [30, () => assignmentLine(rnd, ctx)],
    [10, () => shortcutLine(rnd, ctx)],
    [12, () => garbageLine(rnd)],
    [3, () => longLine(rnd, ctx)],
  ])();
}
