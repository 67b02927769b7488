/**
 * Legacy contention profiles: gperftools' `--- contentionz` and Go's text `--- mutex:` and
 * `--- contention:` forms. `name = value` attributes (the CPU's cycles per second, the sampling
 * period, the time since reset), then samples `<cycles> <count> @ <addresses>`, scaled to
 * nanoseconds and counts by the attributes, then maybe a memory map.
 */
import { readAdditionalSections } from './legacy-maps.js';
import { LegacyProfile } from './legacy-profile.js';
import { float64ToInt64, goParseInt, wrapInt64 } from './legacy-strconv.js';
import { LineScanner, hexAddresses, isSpaceOrComment, minusOne, parseFailure, trimSpace } from './legacy-text.js';

const HEADERS = ['--- contentionz ', '--- mutex:', '--- contention:'];
const NUMERIC_ATTRIBUTES = ['cycles/second', 'sampling period', 'ms since reset'];

/** What the attributes say. */
interface Attributes {
  cyclesPerSecond: bigint;
  period: bigint;
}

/** A legacy contention profile, or null when `text` is not one (Java's has its own parser). */
export function parseLegacyContention(text: string): LegacyProfile | null {
  const scanner = new LineScanner(text);
  // A first line too long to read is no header (pprof fails on it: heapcli says it is no profile).
  if (!scanner.scan()) return null;
  if (!HEADERS.some((h) => scanner.text.startsWith(h))) return null;
  const lp = new LegacyProfile([
    { type: 'contentions', unit: 'count' },
    { type: 'delay', unit: 'nanoseconds' },
  ]);
  lp.periodType = { type: 'contentions', unit: 'count' };
  const attributes: Attributes = { cyclesPerSecond: 0n, period: 1n };
  if (!readAttributes(scanner, lp, attributes)) return null;
  lp.period = Number(attributes.period);
  scanner.check();
  // The line that ended the attributes is the first sample.
  do {
    const line = trimSpace(scanner.text);
    if (line.startsWith('---')) break;
    if (isSpaceOrComment(line)) continue;
    const sample = readSample(line, attributes);
    if (!sample) return null;
    lp.addSample(sample.values, sample.addresses.map(minusOne));
  } while (scanner.scan());
  scanner.check();
  readAdditionalSections(scanner, lp);
  return lp;
}

/** Reads `name = value` lines; false for one a C++ or Go contention profile does not have. */
function readAttributes(scanner: LineScanner, lp: LegacyProfile, attributes: Attributes): boolean {
  while (scanner.scan()) {
    const line = trimSpace(scanner.text);
    if (isSpaceOrComment(line)) continue;
    if (line.startsWith('---')) break;
    const eq = line.indexOf('=');
    if (eq < 0) break;
    const key = trimSpace(line.slice(0, eq));
    if (key === 'discarded samples') continue;
    // Java's `format` and `resolution`, or anything else: not this format.
    if (!NUMERIC_ATTRIBUTES.includes(key)) return false;
    let n: bigint;
    try {
      n = goParseInt(trimSpace(line.slice(eq + 1)), 0);
    } catch {
      return false;
    }
    if (key === 'cycles/second') attributes.cyclesPerSecond = n;
    else if (key === 'sampling period') attributes.period = n;
    else lp.durationNanos = wrapInt64(n * 1000000n);
  }
  return true;
}

/**
 * A sample's values (contentions, delay in nanoseconds) and addresses; null for a line that is
 * not a sample. The delay is in CPU cycles: it becomes nanoseconds by the cycles per second.
 */
function readSample(line: string, attributes: Attributes): { values: number[]; addresses: bigint[] } | null {
  const m = matchSample(line);
  if (!m) return null;
  const number = (digits: string) => {
    try {
      return goParseInt(digits, 10);
    } catch (err) {
      throw parseFailure(`malformed sample: ${line}: ${(err as Error).message}`);
    }
  };
  let delay = number(m.delay);
  let count = number(m.count);
  const { period, cyclesPerSecond } = attributes;
  if (period > 0n) {
    if (cyclesPerSecond > 0n) delay = float64ToInt64((Number(delay) * Number(period)) / (Number(cyclesPerSecond) / 1e9));
    count = wrapInt64(count * period);
  }
  let addresses: bigint[];
  try {
    addresses = hexAddresses(m.frames);
  } catch (err) {
    throw parseFailure(`malformed sample: ${line}: ${(err as Error).message}`);
  }
  return { values: [Number(count), Number(delay)], addresses };
}

/** What follows a sample's digits: spaces, digits, ` @`, addresses. */
const AFTER_FIRST = / +([0-9]+) @([ x0-9a-f]*)/y;
const FRAMES = /[ x0-9a-f]*/y;

/**
 * A sample as pprof's `(\d+) *(\d+) @([ x0-9a-f]*)` finds it anywhere in the line: two runs of
 * digits (or one, split before its last digit) and ` @`. Linear, where the regexp itself takes
 * quadratic time in a backtracking engine on a long run of digits.
 */
function matchSample(line: string): { delay: string; count: string; frames: string } | null {
  for (const run of line.matchAll(/[0-9]+/g)) {
    const end = run.index! + run[0].length;
    AFTER_FIRST.lastIndex = end;
    const rest = AFTER_FIRST.exec(line);
    if (rest) return { delay: run[0], count: rest[1], frames: rest[2] };
    if (run[0].length >= 2 && line.startsWith(' @', end)) {
      FRAMES.lastIndex = end + 2;
      return { delay: run[0].slice(0, -1), count: run[0].slice(-1), frames: FRAMES.exec(line)![0] };
    }
  }
  return null;
}
