/** trendOf: the verdicts and the score of one value series, and the order compareTrends gives. */
import { LEAK_MIN_RISING_STEPS, compareTrends, secondsSince, trendOf } from '../../src/analysis/growth/growth-trend.js';

/** One snapshot every 10 seconds. */
const every10s = (n: number) => Array.from({ length: n }, (_, i) => i * 10);

describe('trendOf', () => {
  it('sees a leak in a value that rose a little at every step', () => {
    const t = trendOf([10, 20, 30, 40, 50], every10s(5));
    expect([t.verdict, t.rising, t.steps, t.change, t.freed, t.score]).toEqual(['leak?', 4, 4, 40, 0, 40]);
  });

  it('gives a burst that was half freed no score, though its change is larger', () => {
    const burst = trendOf([0, 1000, 1000, 500, 500], every10s(5));
    expect([burst.verdict, burst.change, burst.freed, burst.score]).toEqual(['released', 500, 500, 0]);
    const leak = trendOf([10, 20, 30, 40, 50], every10s(5));
    expect(burst.change).toBeGreaterThan(leak.change);
    expect(compareTrends(leak, burst)).toBeLessThan(0);
  });

  it('weights kept growth by the share of steps that rose', () => {
    const once = trendOf([0, 0, 0, 0, 400], null);
    expect([once.verdict, once.score]).toEqual(['growing', 100]);
  });

  it('calls up and down with nothing kept churn, and no change at all flat', () => {
    expect(trendOf([64, 128, 16, 112, 32, 96, 8, 64], null).verdict).toBe('churn');
    expect(trendOf([5, 5, 5], null).verdict).toBe('flat');
  });

  it('calls a fall that never rose again released, even from the first snapshot', () => {
    expect(trendOf([100, 80, 80, 20], null).verdict).toBe('released');
    expect(trendOf([0, 100, 10], null).verdict).toBe('released');
  });

  it('calls growth with a dip growing, as long as it kept more than half of its peak rise', () => {
    expect(trendOf([0, 100, 90, 120, 130], null).verdict).toBe('growing');
    // Exactly half kept: the burst case, not growth.
    expect(trendOf([0, 100, 50], null).verdict).toBe('released');
  });

  it('wants 3/4 of the steps rising for a leak', () => {
    expect(trendOf([0, 1, 2, 3, 3], null).verdict).toBe('leak?');
    expect(trendOf([0, 1, 1, 2, 2], null).verdict).toBe('growing');
  });

  it('never calls one or two rising steps a leak: they may be a one-time step', () => {
    expect(LEAK_MIN_RISING_STEPS).toBe(3);
    // Two snapshots, one rise: full marks by share (1/1), but no evidence of steady growth.
    const pair = trendOf([1373, 4119], [0, 0.089]);
    expect([pair.verdict, pair.rising, pair.steps, pair.score]).toEqual(['growing', 1, 1, 2746]);
    expect(trendOf([0, 1, 2], null).verdict).toBe('growing');
    // The fourth snapshot makes the third rising step.
    expect(trendOf([0, 1, 2, 3], null).verdict).toBe('leak?');
    // Three rising steps out of five are not 3/4 of them.
    expect(trendOf([0, 1, 2, 3, 3, 3], null).verdict).toBe('growing');
  });

  it('fits the slope per second by least squares over the given seconds', () => {
    expect(trendOf([0, 100, 200], [0, 30, 60]).slopePerSecond).toBeCloseTo(100 / 30);
    expect(trendOf([0, 100, 200], null).slopePerSecond).toBeNull();
    expect(trendOf([0, 100, 200], [1, 1, 1]).slopePerSecond).toBeNull();
  });

  it('needs two values', () => {
    expect(() => trendOf([1], null)).toThrow('at least two snapshots');
  });
});

describe('secondsSince', () => {
  it('measures from the first time, exactly, even far past 2^53 nanoseconds', () => {
    const t0 = 1_795_000_000_000_000_000n;
    expect(secondsSince([t0, t0 + 30_000_000_000n, t0 + 90_000_000_001n])).toEqual([0, 30, 90_000_000_001 / 1e9]);
  });
});

describe('compareTrends', () => {
  it('breaks equal scores by slope, then change, then the last value', () => {
    const times = every10s(3);
    const falling = trendOf([10, 5, 0], times);
    const small = trendOf([1, 1, 1], times);
    const big = trendOf([9, 9, 9], times);
    expect([falling, small, big].sort(compareTrends)).toEqual([big, small, falling]);
  });
});
