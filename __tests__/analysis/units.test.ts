import { percentage, scaledLabel, selectMinimumUnit } from '../../src/analysis/values/units.js';

describe('values and units as pprof prints them', () => {
  it.each([
    [0, 'bytes', 'minimum', '0'],
    [1023, 'bytes', 'minimum', '1023B'],
    [1024, 'bytes', 'minimum', '1kB'],
    [67447883, 'bytes', 'minimum', '64.32MB'],
    [131072, 'bytes', 'mb', '0.12MB'],
    [4217856, 'bytes', 'foo', '4217856B'],
    [4217856, 'bytes', 'b', '4217856B'],
    [4217856, 'bytes', 'gb', '0'],
    [-2048, 'bytes', 'kb', '-2kB'],
    [803046, 'count', 'minimum', '803046'],
    [442395, 'count', 'kb', '442395kb'],
    [9001, 'count', 'MB', '9001MB'],
    [1500000000, 'nanoseconds', 'auto', '1.50s'],
  ])('%d %s as %s → %s', (value, from, to, expected) => {
    expect(scaledLabel(value, from, to)).toBe(expected);
  });

  it.each([
    [1, 1, '  100%'],
    [9995, 10000, '  100%'],
    [5499, 10000, '54.99%'],
    [43, 10000, ' 0.43%'],
    [51, 1000000, '0.0051%'],
    [0, 100, '    0%'],
    [-5499, 10000, '54.99%'],
    [5, 0, '    0%'],
  ])('%d of %d is %j', (value, total, expected) => {
    expect(percentage(value, total)).toBe(expected);
  });

  it('picks one unit for a report from its smallest value, stepping up when that is tiny', () => {
    expect(selectMinimumUnit(6 * 1024, 114 * 1024 * 1024, 'bytes')).toBe('kB');
    expect(selectMinimumUnit(3 * 1024 * 1024, 114 * 1024 * 1024, 'bytes')).toBe('MB');
    expect(selectMinimumUnit(16, 5 * 1024 * 1024, 'bytes')).toBe('kB');
    expect(selectMinimumUnit(5, 900, 'count')).toBe('count');
  });
});
