/** growthReport on small built series: ranking, verdicts, time order, slope, and the options it shares with top. */
import { growthReport, orderSeries } from '../../src/analysis/growth/growth.js';
import { DEFAULT_OPTIONS, type ReportOptions } from '../../src/analysis/options.js';
import { mergeProfiles } from '../../src/profile/merge.js';
import type { Profile } from '../../src/profile/model.js';
import { type SampleSpec, decodeSpec } from '../helpers/profile-fixtures.js';

const T0 = 1_795_000_000_000_000_000n;
const SECOND = 1_000_000_000n;

/** In-use bytes per function at each of 8 snapshots (10 s apart): the stories the report must tell apart. */
const STORIES: Record<string, number[]> = {
  // A little more at every step: 7 kB in all.
  'main.leak': [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000],
  // 100 kB at once, half of it freed halfway: +50 kB first to last, far more than the leak.
  'main.burst': [0, 100_000, 100_000, 100_000, 50_000, 50_000, 50_000, 50_000],
  'main.churn': [6000, 12_000, 2000, 10_000, 3000, 9000, 1000, 6000],
  'main.table': [500_000, 500_000, 500_000, 500_000, 500_000, 500_000, 500_000, 500_000],
};

/** Snapshot `k` of the series: each story's value as one sample under main.main, in a Go heap layout. */
function snapshot(k: number, stories = STORIES, time: bigint = T0 + BigInt(k) * 10n * SECOND): Profile {
  const samples: SampleSpec[] = Object.entries(stories).map(([fn, values]) => ({
    stack: [{ lines: [{ fn, line: 10 + fn.length }] }, 'main.main'],
    // alloc_objects, alloc_space, inuse_objects, inuse_space
    values: [1, Math.max(...values), values[k] === 0 ? 0 : 1, values[k]],
  }));
  return mergeProfiles([decodeSpec({ samples, timeNanos: time, defaultSampleType: '' })]);
}

const series = (n = 8) => Array.from({ length: n }, (_, k) => snapshot(k));
const options = (o: Partial<ReportOptions> = {}): ReportOptions => ({ ...DEFAULT_OPTIONS, ...o });
const table = (r: ReturnType<typeof growthReport>) => r.rows.map((row) => [row.name, row.trend.verdict, row.changeText, row.risingText]);

describe('growthReport', () => {
  it('ranks the steady leak above the burst that was freed halfway, though the burst gained more', () => {
    const r = growthReport(series(), options());
    const names = r.rows.map((row) => row.name);
    expect(names.indexOf('main.leak')).toBe(0);
    expect(names.indexOf('main.leak')).toBeLessThan(names.indexOf('main.burst'));
    const change = (name: string) => r.rows.find((row) => row.name === name)!.trend.change;
    // What -base on the first and last snapshot would rank by.
    expect(change('main.burst')).toBeGreaterThan(change('main.leak'));
  });

  it('gives every story its verdict, with values in one unit', () => {
    expect(table(growthReport(series(), options()))).toEqual([
      ['main.leak', 'leak?', '+6.84kB', '7/7'],
      ['main.table', 'flat', '0', '0/7'],
      ['main.churn', 'churn', '0', '4/7'],
      ['main.burst', 'released', '+48.83kB', '1/7'],
    ]);
  });

  it('orders the snapshots by their timestamps, not by the order given', () => {
    const given = series();
    const shuffled = [given[5], given[0], given[7], given[2], given[1], given[6], given[3], given[4]];
    const a = growthReport(given, options());
    const b = growthReport(shuffled, options());
    expect(b.rows.map((row) => row.flat)).toEqual(a.rows.map((row) => row.flat));
    expect(b.rows.find((row) => row.name === 'main.leak')!.flat).toEqual(STORIES['main.leak']);
    expect(orderSeries(shuffled).profiles).toEqual(given);
  });

  it('computes the slope from timeNanos and prints it per minute over a 70 s series', () => {
    // 1000 B every 10 s is 100 B per second, 6000 B per minute.
    const r = growthReport(series(), options());
    const leak = r.rows[0];
    expect(leak.trend.slopePerSecond).toBeCloseTo(100, 6);
    expect(r.slopeBase?.name).toBe('min');
    // One unit down the column, from the largest slope (the burst's, in kB).
    expect(r.rows.map((row) => [row.name, row.slopeText])).toEqual([
      ['main.leak', '+5.86kB/min'],
      ['main.table', '0'],
      ['main.churn', '-2.86kB/min'],
      ['main.burst', '-6.98kB/min'],
    ]);
    // Twice the time between the same snapshots halves the slope.
    const slow = Array.from({ length: 8 }, (_, k) => snapshot(k, STORIES, T0 + BigInt(k) * 20n * SECOND));
    expect(growthReport(slow, options()).rows[0].trend.slopePerSecond).toBeCloseTo(50, 6);
    expect(growthReport(slow, options()).spanNanos).toBe(140n * SECOND);
  });

  it('reads a series of seconds per second and one of hours per hour', () => {
    const at = (step: bigint) => Array.from({ length: 8 }, (_, k) => snapshot(k, STORIES, T0 + BigInt(k) * step));
    const seconds = growthReport(at(SECOND), options());
    expect([seconds.slopeBase?.name, seconds.rows[0].slopeText]).toEqual(['s', '+0.98kB/s']);
    const hours = growthReport(at(3600n * SECOND), options());
    expect([hours.slopeBase?.name, hours.rows[0].slopeText]).toEqual(['h', '+0.98kB/h']);
  });

  it('keeps the given order and shows no slope when a snapshot has no time', () => {
    const untimed = [snapshot(1, STORIES, 0n), snapshot(0, STORIES)];
    const r = growthReport(untimed, options());
    expect(r.timed).toBe(false);
    expect(r.rows.find((row) => row.name === 'main.leak')!.flat).toEqual([2000, 1000]);
    expect(r.rows.every((row) => row.slopeText === '-')).toBe(true);
  });

  it('shows nodecount rows, and counts the rest', () => {
    const r = growthReport(series(), options({ nodecount: 2 }));
    expect([r.rows.length, r.candidates]).toEqual([2, 4]);
  });

  it('ranks by cum under sort=cum, where main.main carries every story', () => {
    const r = growthReport(series(), options({ sort: 'cum' }));
    expect(r.rankedBy).toBe('cum');
    const main = r.rows.find((row) => row.name === 'main.main')!;
    expect(main.cum[0]).toBe(1000 + 6000 + 500_000);
    expect(main.flat.every((v) => v === 0)).toBe(true);
  });

  it('follows lines at granularity=lines and honours focus and sample_index', () => {
    expect(growthReport(series(), options({ granularity: 'lines' })).rows[0].name).toBe('main.leak main.go:19');
    const burst = growthReport(series(), options({ focus: 'burst' }));
    expect(table(burst)).toEqual([['main.burst', 'released', '+48.83kB', '1/7']]);
    expect(burst.warnings).toEqual([]);
    // A function absent from the first snapshot: only a focus that no snapshot matches is worth a warning.
    const late = [snapshot(0, { 'main.leak': [1, 2] }), snapshot(1, { 'main.leak': [1, 2], 'main.late': [0, 5] })];
    const r = growthReport(late, options({ focus: 'late' }));
    expect([table(r), r.warnings]).toEqual([[['main.late', 'growing', '+5B', '1/1']], []]);
    expect(growthReport(series(), options({ focus: 'nothing' })).warnings).toEqual(['Focus expression matched no samples']);
    expect(growthReport(series(), options({ sample_index: 'inuse_objects' })).typeName).toBe('inuse_objects');
  });

  it('refuses a single snapshot, and snapshots of different sample types', () => {
    expect(() => growthReport(series(1), options())).toThrow('growth needs at least two snapshots, got 1');
    const other = mergeProfiles([
      decodeSpec({ sampleTypes: [['objects', 'count']], samples: [{ stack: ['f'], values: [1] }], timeNanos: T0 + 99n * SECOND }),
    ]);
    expect(() => growthReport([snapshot(0), other], options())).toThrow(
      'growth: the snapshots differ in sample type: inuse_space (bytes) and objects (count)',
    );
  });
});
