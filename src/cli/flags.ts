import { missingNote } from '../commands/missing.js';
import { COMMANDS, MISSING_FLAGS } from '../commands/table.js';
import { OPTION_NAMES, optionSpec, isOptionName } from '../analysis/options.js';
import type { Assignment } from '../commands/parse.js';
import { parseGoBool } from '../go/strconv.js';
import { readWatchFlags, type WatchFlagValues, type WatchRequest } from './watch-flags.js';
import { MAX_WAIT_MS } from '../inputs/long-timer.js';

/** What the command line asks for. */
export interface CliRequest {
  /** The report flag given (`top`, `text`, ...), or null for the console. */
  readonly report: string | null;
  /** The regexp of a report flag that takes one (`-list=re`, `-peek=re`). */
  readonly reportArgument: string | null;
  /** Option flags, in order, as assignments. */
  readonly assignments: Assignment[];
  readonly sources: string[];
  /** The profile given with -base or -diff_base (the last one: Go 1.19's pprof keeps only that). */
  readonly bases: string[];
  readonly diffBase: boolean;
  /** The command-line-only flags (-seconds, -timeout); 0 when not given, as in pprof. */
  readonly fetch: Record<FetchFlag, number>;
  /** -watch URL with its -every and -count (defaults filled in), or null without -watch. */
  readonly watch: WatchRequest | null;
  readonly help: boolean;
  readonly version: boolean;
  /** Messages to print before anything else (e.g. ignored legacy flags). */
  readonly warnings: string[];
  /** For a pprof flag heapcli lacks (`-web`, `-http=:8080`), the one line saying what to use instead. */
  readonly missing: string | null;
}

/** A command-line mistake: printed with a usage hint, exit status 2. */
export class UsageError extends Error {}

/**
 * Flags of the command line only: how a live profile is fetched, or a series collected. They are
 * not console options (fetching happens once, at start-up), so they live here rather than in the
 * option table. The kind is what -h shows as the value (`-every=<duration>`).
 */
export const CLI_ONLY_FLAGS = {
  seconds: { kind: 'int', help: 'fetch a delta profile over N seconds from a URL (adds ?seconds=N)' },
  timeout: { kind: 'int', help: 'give up on a fetch after N seconds (default: 1.5 × -seconds, or 60)' },
  watch: { kind: 'url', help: 'fetch the URL -count times, -every apart, save each, report growth' },
  every: { kind: 'duration', help: 'time between -watch snapshots: 500ms, 30s, 1m (default 30s)' },
  count: { kind: 'int', help: 'how many snapshots -watch takes, 2 or more (default 10)' },
} as const satisfies Record<string, { readonly kind: 'int' | 'duration' | 'url'; readonly help: string }>;

/** The name of a command-line-only flag. */
export type CliOnlyFlag = keyof typeof CLI_ONLY_FLAGS;

/** The flags that shape every fetch (as in pprof), apart from the -watch ones. */
type FetchFlag = 'seconds' | 'timeout';

function isCliOnlyFlag(name: string): name is CliOnlyFlag {
  return Object.hasOwn(CLI_ONLY_FLAGS, name);
}

/** pprof's legacy sample-type flags, in the order pprof gives them precedence. */
const LEGACY_SAMPLE_FLAGS = ['inuse_space', 'inuse_objects', 'alloc_space', 'alloc_objects'];

/** Flags that take no value. */
function isBoolFlag(name: string): boolean {
  if (MISSING_FLAGS.has(name)) return !MISSING_FLAGS.get(name)?.value;
  if (COMMANDS.get(name)?.kind === 'report' && !COMMANDS.get(name)?.takesArgument) return true;
  if (LEGACY_SAMPLE_FLAGS.includes(name) || ['h', 'help', 'version'].includes(name)) return true;
  if (isOptionName(name)) return optionSpec(name).kind === 'bool';
  return OPTION_NAMES.some((option) => optionSpec(option).choices?.includes(name));
}

/** Flags naming a profile to subtract, repeatable. */
const BASE_FLAGS = {
  base: 'subtract this profile; what did not change cancels out',
  diff_base: 'subtract this profile, with percentages of its total',
} as const;

function addBase(request: { bases: string[]; diffBase: boolean }, name: 'base' | 'diff_base', value: string): void {
  if (request.bases.length > 0 && request.diffBase !== (name === 'diff_base')) {
    throw new UsageError('-base and -diff_base flags cannot both be specified');
  }
  request.diffBase = name === 'diff_base';
  // A later -base replaces an earlier one, as in Go 1.19's pprof (its flag holds one value).
  request.bases.splice(0, request.bases.length, value);
}

/** Flags that take a value: every non-bool option, and report commands with an argument. */
function isValueFlag(name: string): boolean {
  if (MISSING_FLAGS.has(name)) return true;
  if (Object.hasOwn(BASE_FLAGS, name)) return true;
  if (isCliOnlyFlag(name)) return true;
  if (COMMANDS.get(name)?.kind === 'report' && COMMANDS.get(name)?.takesArgument) return true;
  // sort and granularity are set through their choices (-cum, -lines), as in pprof.
  return isOptionName(name) && optionSpec(name).kind !== 'bool' && !optionSpec(name).choices;
}

/**
 * Parses pprof's flag syntax: `-flag`, `--flag`, `-flag=value`, `-flag value` (not for bools), and
 * `--` to end flags. Unlike Go's flag package, flags may also follow the profile name.
 */
export function parseArgs(argv: readonly string[]): CliRequest {
  const request = {
    report: null as string | null,
    reportArgument: null as string | null,
    assignments: [] as Assignment[],
    sources: [] as string[],
    bases: [] as string[],
    diffBase: false,
    fetch: { seconds: 0, timeout: 0 },
    watch: null as WatchRequest | null,
    help: false,
    version: false,
    warnings: [] as string[],
    missing: null as string | null,
  };
  // The -watch flags are checked together once all flags are read: they depend on each other.
  const watchFlags: WatchFlagValues = {};
  const legacy: string[] = [];
  const missing: string[] = [];
  let sampleIndexFlag = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      request.sources.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      request.sources.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    let value = eq >= 0 ? body.slice(eq + 1) : null;
    if (isBoolFlag(name)) {
      const on = value === null ? true : parseGoBool(value);
      if (on === null) throw new UsageError(`invalid boolean value ${JSON.stringify(value)} for -${name}: parse error`);
      if (on && MISSING_FLAGS.has(name)) missing.push(name);
      else if (on) setBoolFlag(request, legacy, name);
      else if (isOptionName(name)) request.assignments.push({ name, value: 'false', bare: false });
      continue;
    }
    if (!isValueFlag(name)) throw new UsageError(`flag provided but not defined: -${name}`);
    if (value === null) {
      if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: -${name}`);
      value = argv[++i];
    }
    if (MISSING_FLAGS.has(name)) {
      missing.push(name);
    } else if (name === 'seconds' || name === 'timeout') {
      request.fetch[name] = parseWaitFlag(name, value);
    } else if (name === 'count') {
      watchFlags.count = parseIntFlag(name, value);
    } else if (name === 'watch' || name === 'every') {
      watchFlags[name] = value;
    } else if (name === 'base' || name === 'diff_base') {
      addBase(request, name, value);
    } else if (COMMANDS.get(name)?.kind === 'report') {
      setReport(request, name);
      request.reportArgument = value;
    } else {
      checkFlagValue(name, value);
      if (name === 'sample_index') sampleIndexFlag = true;
      request.assignments.push({ name, value, bare: false });
    }
  }
  applyLegacySampleFlags(request, legacy, sampleIndexFlag);
  // -no_browser only goes with -http: the note names -http when both are given.
  const firstMissing = missing.find((name) => name !== 'no_browser') ?? missing[0];
  if (firstMissing !== undefined) request.missing = missingFlagNote(firstMissing);
  const watch = readWatchFlags(watchFlags, { ...request, seconds: request.fetch.seconds });
  if (typeof watch === 'string') throw new UsageError(watch);
  request.watch = watch;
  return request;
}

function setBoolFlag(
  request: { report: string | null; help: boolean; version: boolean; assignments: Assignment[] },
  legacy: string[],
  name: string,
): void {
  if (name === 'h' || name === 'help') request.help = true;
  else if (name === 'version') request.version = true;
  else if (COMMANDS.get(name)?.kind === 'report') setReport(request, name);
  else if (LEGACY_SAMPLE_FLAGS.includes(name)) legacy.push(name);
  else request.assignments.push({ name, value: 'true', bare: false });
}

function setReport(request: { report: string | null }, name: string): void {
  if (request.report !== null && request.report !== name) {
    throw new UsageError(`only one output format may be given: -${request.report} and -${name}`);
  }
  request.report = name;
}

/** Numbers are checked as the flag is read, with Go's flag-package wording. */
function checkFlagValue(name: string, value: string): void {
  if (!isOptionName(name)) return;
  const kind = optionSpec(name).kind;
  if (kind !== 'int' && kind !== 'float') return;
  try {
    optionSpec(name).parse(value);
  } catch {
    throw new UsageError(`invalid value ${JSON.stringify(value)} for flag -${name}: parse error`);
  }
}

/** An int flag, read as Go's flag package reads one (decimal here), with its wording on failure. */
function parseIntFlag(name: string, value: string): number {
  const n = Number(value);
  if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new UsageError(`invalid value ${JSON.stringify(value)} for flag -${name}: parse error`);
  return n;
}

/** -seconds or -timeout: an int flag, refused when longer than any wait can be (Go's durations end at 292 years). */
function parseWaitFlag(name: string, value: string): number {
  const seconds = parseIntFlag(name, value);
  // -seconds also sets the timeout, to 1.5 times as long.
  if (seconds * 1000 * (name === 'seconds' ? 1.5 : 1) > MAX_WAIT_MS)
    throw new UsageError(`invalid value ${JSON.stringify(value)} for flag -${name}: longer than the longest wait (about 292 years)`);
  return seconds;
}

/** What a missing flag answers, naming heapcli's flags (`-top`, `-peek=<regexp>`) as alternatives. */
function missingFlagNote(name: string): string {
  const flag = (command: string) => `-${command}${COMMANDS.get(command)?.takesArgument ? '=<regexp>' : ''}`;
  return missingNote(MISSING_FLAGS.get(name)!, `-${name}`, flag);
}

/** `-alloc_space` and friends select a sample type unless -sample_index or an earlier one did. */
function applyLegacySampleFlags(request: CliRequest, given: string[], sampleIndexFlag: boolean): void {
  let chosen = sampleIndexFlag;
  for (const flag of LEGACY_SAMPLE_FLAGS) {
    if (!given.includes(flag)) continue;
    if (chosen) request.warnings.push(`Multiple value selections, ignoring -${flag}`);
    else request.assignments.push({ name: 'sample_index', value: flag, bare: false });
    chosen = true;
  }
}

/** The -h text, derived from the command and option tables. */
export function usageText(): string {
  const reports = [...COMMANDS.values()].filter((c) => c.kind === 'report');
  const lines = [
    'usage: heapcli [flags] <profile>',
    '       heapcli -watch <url> [-every=30s] [-count=10] [flags]    (a series, then its growth)',
    '',
    'With a report flag, heapcli prints that report and exits; without one it opens the console.',
    'The profile is a pprof file (profile.proto, gzipped or not), or a URL to fetch it from:',
    'http://host:port/debug/pprof/heap, https://..., or host:port[/path] (an empty path means',
    '/debug/pprof/heap). A fetched profile is saved in $HEAPCLI_TMPDIR (default ~/pprof).',
    'A profile over 2 GiB, as read or inflated, is refused; HEAPCLI_MAX_PROFILE=<size> (512MB, 4GB)',
    'moves the limit.',
    '',
    'Report flags:',
    ...reports.map((c) => `  -${c.name.padEnd(22)} ${c.help}`),
    '',
    'Options (each also settable in the console as name=value):',
    ...OPTION_NAMES.map((name) => {
      const spec = optionSpec(name);
      const flag = spec.choices
        ? spec.choices.map((c) => `-${c}`).join(' | ')
        : spec.kind === 'bool'
          ? `-${name}`
          : `-${name}=<${spec.kind}>`;
      return `  ${flag.padEnd(23)} ${spec.help}`;
    }),
    '',
    'Fetching (command line only):',
    ...Object.entries(CLI_ONLY_FLAGS).map(([name, spec]) => `  ${`-${name}=<${spec.kind}>`.padEnd(23)} ${spec.help}`),
    ...Object.entries(BASE_FLAGS).map(([name, help]) => `  ${`-${name}=<profile>`.padEnd(23)} ${help}`),
    '',
    'Not yet in heapcli (each says what to use instead):',
    ...wrapWords(
      [...MISSING_FLAGS.values()].map((m) => `-${m.name}${m.value ? `=<${m.value}>` : ''}`),
      '  ',
      96,
    ),
    '',
    'Legacy sample-type flags: ' + LEGACY_SAMPLE_FLAGS.map((f) => `-${f}`).join(' '),
    '  -h, --help               this text',
    '  --version                the version',
  ];
  return lines.join('\n') + '\n';
}

/** Words joined by spaces into lines of at most `width` characters, each starting with `indent`. */
function wrapWords(words: readonly string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}
