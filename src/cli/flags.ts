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
  /** -http's `[host]:port`, or null without -http (the web UI, src/web/). */
  readonly http: string | null;
  /** -no_browser: with -http, open no browser. */
  readonly noBrowser: boolean;
  /** For a pprof flag heapcli lacks (`-web`, `-disasm=re`), the one line saying what to use instead. */
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

/** The web UI's flags, as pprof names them. */
export const WEB_FLAGS = {
  http: 'serve the web UI (graph, top, peek, source, flame graph) on [host]:port (localhost if no host)',
  no_browser: 'with -http, do not open a browser',
} as const;

/** The name of a command-line-only flag. */
export type CliOnlyFlag = keyof typeof CLI_ONLY_FLAGS;

/** The flags that shape every fetch (as in pprof), apart from the -watch ones. */
type FetchFlag = 'seconds' | 'timeout';

function isCliOnlyFlag(name: string): name is CliOnlyFlag {
  return Object.hasOwn(CLI_ONLY_FLAGS, name);
}

/** pprof's legacy sample-type flags, in the order pprof gives them precedence. */
/** pprof's old flags that each pick a sample type. */
export const LEGACY_SAMPLE_FLAGS = ['inuse_space', 'inuse_objects', 'alloc_space', 'alloc_objects'];

/** Flags that take no value. */
function isBoolFlag(name: string): boolean {
  if (MISSING_FLAGS.has(name)) return !MISSING_FLAGS.get(name)?.value;
  if (name === 'no_browser') return true;
  if (COMMANDS.get(name)?.kind === 'report' && !COMMANDS.get(name)?.takesArgument) return true;
  if (LEGACY_SAMPLE_FLAGS.includes(name) || ['h', 'help', 'version'].includes(name)) return true;
  if (isOptionName(name)) return optionSpec(name).kind === 'bool';
  return OPTION_NAMES.some((option) => optionSpec(option).choices?.includes(name));
}

/** Flags naming a profile to subtract, repeatable. */
/** The flags that name a profile to subtract, with their help. */
export const BASE_FLAGS = {
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
  if (isCliOnlyFlag(name) || name === 'http') return true;
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
    http: null as string | null,
    noBrowser: false,
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
    } else if (name === 'http') {
      request.http = value;
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
  checkChoiceConflicts(request.assignments);
  // Go's flag package keeps a repeated flag's last value; the earlier ones are never checked.
  request.assignments = lastOfEach(request.assignments);
  applyLegacySampleFlags(request, legacy, sampleIndexFlag);
  if (missing.length > 0) request.missing = missingFlagNote(missing[0]);
  const watch = readWatchFlags(watchFlags, { ...request, seconds: request.fetch.seconds });
  if (typeof watch === 'string') throw new UsageError(watch);
  request.watch = watch;
  return request;
}

/** Each option's last assignment, in the order of those last ones. */
function lastOfEach(assignments: readonly Assignment[]): Assignment[] {
  return assignments.filter((a, i) => !assignments.slice(i + 1).some((later) => later.name === a.name));
}

/**
 * Two choices of one option given as flags (`-cum -flat`, `-lines -files`) fail, in pprof's
 * words. pprof names them in Go's map order, which changes from run to run; heapcli in the
 * option's order of choices.
 */
function checkChoiceConflicts(assignments: readonly Assignment[]): void {
  for (const option of OPTION_NAMES) {
    const choices = optionSpec(option).choices;
    if (!choices) continue;
    const set = choices.filter((c) => assignments.some((a) => a.name === c && a.value === 'true'));
    if (set.length > 1) throw new UsageError(`conflicting options set: [${set.join(' ')}]`);
  }
}

function setBoolFlag(
  request: { report: string | null; help: boolean; version: boolean; noBrowser: boolean; assignments: Assignment[] },
  legacy: string[],
  name: string,
): void {
  if (name === 'h' || name === 'help') request.help = true;
  else if (name === 'version') request.version = true;
  else if (name === 'no_browser') request.noBrowser = true;
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
