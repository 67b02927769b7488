/**
 * The trend of one function's in-use value over a series of snapshots: how it moved step by step,
 * what it kept, its slope in time, a verdict and the score the growth report ranks by. Pure
 * arithmetic on numbers, so the rules below can be tested without profiles.
 *
 * The score is the growth a function kept, weighted by how steadily it got there:
 *
 *     score = max(0, change − freed) × rising / steps
 *
 * where `change` is last − first, `freed` the sum of every fall between consecutive snapshots,
 * `rising` the number of steps that rose and `steps` the number of steps (snapshots − 1).
 * Subtracting what was freed makes a burst that was later given back score nothing however large it
 * was (a burst that rose by B and gave back F ≥ B/2 has change − freed = B − 2F ≤ 0), while a leak,
 * which never frees, keeps its whole change; the rising share then puts a function that grew at every
 * step above one that jumped once. Ties go to the steeper slope, then the larger change.
 */

/** What a series of values says about a function. */
export type Verdict = 'leak?' | 'growing' | 'released' | 'churn' | 'flat';

/** The trend of one value series, in time order. */
export interface Trend {
  readonly first: number;
  readonly last: number;
  /** last − first. */
  readonly change: number;
  readonly peak: number;
  /** Steps (consecutive snapshot pairs) whose value rose, and how many steps there are. */
  readonly rising: number;
  readonly falling: number;
  readonly steps: number;
  /** The sum of every fall between consecutive snapshots (a positive number). */
  readonly freed: number;
  /** Least-squares slope in value units per second; null without two distinct times. */
  readonly slopePerSecond: number | null;
  readonly verdict: Verdict;
  /** max(0, change − freed) × rising / steps: see the file comment. */
  readonly score: number;
}

/** A leak rose at three steps out of four at least, and never fell. */
const LEAK_RISING_SHARE = 3 / 4;

/**
 * And it rose at this many steps at least: one or two rises are as much a one-time step (a cache
 * filled, a pool grown) as a leak, so a series needs 4 snapshots or more before it says `leak?`.
 */
export const LEAK_MIN_RISING_STEPS = 3;

const NANOS_PER_SECOND = 1e9;

/**
 * The trend of `values` (one per snapshot, time order) taken at `seconds` (seconds since the first
 * snapshot, or null when the snapshots carry no time). Needs at least two values.
 */
export function trendOf(values: readonly number[], seconds: readonly number[] | null): Trend {
  if (values.length < 2) throw new RangeError('a trend needs at least two snapshots');
  let rising = 0;
  let falling = 0;
  let freed = 0;
  let peak = values[0];
  for (let i = 1; i < values.length; i++) {
    const step = values[i] - values[i - 1];
    if (step > 0) rising++;
    else if (step < 0) {
      falling++;
      freed -= step;
    }
    peak = Math.max(peak, values[i]);
  }
  const first = values[0];
  const last = values[values.length - 1];
  const change = last - first;
  const steps = values.length - 1;
  return {
    first,
    last,
    change,
    peak,
    rising,
    falling,
    steps,
    freed,
    slopePerSecond: seconds === null ? null : leastSquaresSlope(seconds, values),
    verdict: verdictOf(values, { change, peak, rising, falling, steps }),
    score: (Math.max(0, change - freed) * rising) / steps,
  };
}

/**
 * The verdict, by the first rule that holds:
 * - `flat`: no step changed the value.
 * - `leak?`: it rose overall, never fell, and rose at 3/4 of the steps or more, and at 3 steps at
 *   least (so never over fewer than 4 snapshots).
 * - `growing`: it rose overall and kept more than half of its highest rise (peak − first).
 * - `released`: once it started to fall it never rose again (a rise then freed, or a decline).
 * - `churn`: it fell and rose again, and kept at most half of its highest rise.
 */
function verdictOf(values: readonly number[], t: Pick<Trend, 'change' | 'peak' | 'rising' | 'falling' | 'steps'>): Verdict {
  if (t.rising === 0 && t.falling === 0) return 'flat';
  if (t.change > 0 && t.falling === 0 && t.rising >= LEAK_RISING_SHARE * t.steps && t.rising >= LEAK_MIN_RISING_STEPS) return 'leak?';
  if (t.change > 0 && 2 * t.change > t.peak - values[0]) return 'growing';
  return risesAfterFall(values) ? 'churn' : 'released';
}

function risesAfterFall(values: readonly number[]): boolean {
  let fell = false;
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1]) fell = true;
    else if (values[i] > values[i - 1] && fell) return true;
  }
  return false;
}

/** The least-squares slope of `values` against `times`; null when every time is the same. */
function leastSquaresSlope(times: readonly number[], values: readonly number[]): number | null {
  const n = values.length;
  const meanT = times.reduce((a, b) => a + b, 0) / n;
  const meanV = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (times[i] - meanT) * (values[i] - meanV);
    den += (times[i] - meanT) ** 2;
  }
  return den === 0 ? null : num / den;
}

/** Seconds since the first of `times` (nanoseconds since the epoch, exact). */
export function secondsSince(times: readonly bigint[]): number[] {
  // Differences first, in bigint, so nanosecond times far past 2^53 lose nothing that matters.
  return times.map((t) => Number(t - times[0]) / NANOS_PER_SECOND);
}

/** Orders trends most suspicious first: score, then slope, then change, then the last value (all descending). */
export function compareTrends(a: Trend, b: Trend): number {
  return b.score - a.score || (b.slopePerSecond ?? 0) - (a.slopePerSecond ?? 0) || b.change - a.change || b.last - a.last;
}
