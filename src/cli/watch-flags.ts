/**
 * The -watch, -every and -count flags: Go's duration syntax, the defaults, and the checks that
 * need every flag at once (which flags -watch goes with). flags.ts turns a problem into a UsageError.
 */
import { MAX_WAIT_MS } from '../inputs/long-timer.js';

/** What `-watch URL -every D -count N` asks for. */
export interface WatchRequest {
  /** The URL as given (host:port shorthand included); resolved when the watch starts. */
  readonly url: string;
  readonly everyMs: number;
  /** -every as typed (`30s`), for the messages. */
  readonly everyText: string;
  readonly count: number;
}

/** The watch flags as read, before they are checked together. */
export interface WatchFlagValues {
  watch?: string;
  every?: string;
  count?: number;
}

/** What of the rest of the command line the checks look at. */
export interface WatchContext {
  readonly sources: readonly string[];
  readonly bases: readonly string[];
  readonly report: string | null;
  readonly seconds: number;
}

/** -every when not given: a heap grows slowly, and a fetch every 30 s costs the server little. */
export const DEFAULT_EVERY = '30s';
/** -count when not given: ten points show a trend and take five minutes at the default pace. */
export const DEFAULT_COUNT = 10;

/** Milliseconds per unit of Go's time.ParseDuration (both spellings of micro). */
const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3 };

/**
 * Reads a duration as Go's time.ParseDuration does: an optional sign, then one or more decimal
 * numbers each with a unit (`500ms`, `1.5s`, `1m30s`), or a bare `0`. Returns milliseconds, or the
 * reason the text is not a duration.
 */
export function parseGoDuration(text: string): number | { readonly problem: string } {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return { problem: 'not a duration' };
  let total = 0;
  while (rest !== '') {
    // A number needs a digit on one side of its dot at least: `.5s` and `1.s` are fine, `.s` is not.
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)![0];
    if (!/\d/.test(number)) return { problem: 'not a duration' };
    rest = rest.slice(number.length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') return { problem: 'missing unit' };
    if (!Object.hasOwn(UNIT_MS, unit)) return { problem: `unknown unit ${JSON.stringify(unit)}` };
    rest = rest.slice(unit.length);
    total += Number(number.endsWith('.') ? number.slice(0, -1) : number) * UNIT_MS[unit];
  }
  return sign * total;
}

/**
 * Checks the watch flags against each other and the rest of the command line, and fills in the
 * defaults. Returns null when -watch is not used, or a one-line problem (a usage mistake).
 */
export function readWatchFlags(given: WatchFlagValues, context: WatchContext): WatchRequest | null | string {
  if (given.watch === undefined) {
    const stray = given.every !== undefined ? '-every' : given.count !== undefined ? '-count' : null;
    return stray === null ? null : `${stray} goes with -watch URL`;
  }
  // -watch makes its own series; anything else to load or report would be silently ignored.
  if (context.sources.length > 0) return `-watch collects its own snapshots from its URL; got a profile as well: ${context.sources[0]}`;
  if (context.bases.length > 0) return '-watch ranks snapshots by growth; it takes no -base or -diff_base';
  if (context.report !== null && context.report !== 'growth') return `-watch prints the growth report; it takes no -${context.report}`;
  // Delta profiles (?seconds=N) hold changes, not what is in use, so their growth means nothing.
  if (context.seconds > 0) return '-watch takes whole heap snapshots; it takes no -seconds';
  const everyText = given.every ?? DEFAULT_EVERY;
  const everyMs = parseGoDuration(everyText);
  const hint = '(a Go duration: 500ms, 30s, 1m30s)';
  if (typeof everyMs !== 'number') return `invalid value ${JSON.stringify(everyText)} for flag -every: ${everyMs.problem} ${hint}`;
  if (everyMs > MAX_WAIT_MS)
    return `invalid value ${JSON.stringify(everyText)} for flag -every: longer than the longest wait (about 292 years)`;
  if (everyMs <= 0)
    return `invalid value ${JSON.stringify(everyText)} for flag -every: the time between snapshots must be more than 0 ${hint}`;
  const count = given.count ?? DEFAULT_COUNT;
  if (count < 2) return `invalid value "${count}" for flag -count: growth needs 2 snapshots or more`;
  return { url: given.watch, everyMs, everyText, count };
}
