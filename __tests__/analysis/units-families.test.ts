import { scaledLabel, scaleValue } from '../../src/analysis/values/units.js';

describe('the units of Go 1.19 pprof beyond bytes and counts', () => {
  it.each([
    [90e9, 'nanoseconds', 'auto', '90s'],
    [7200e9, 'nanoseconds', 'auto', '2hrs'],
    [1500, 'ms', 'auto', '1.50s'],
    [250, 'us', 'auto', '250us'],
    [3, 'hours', 'auto', '3hrs'],
    [3, 'hr', 's', '10800s'],
    [5, 'minutes', 'auto', '5'], // no minutes in 1.19: an unknown unit prints the bare number
    [5, 'm', 'auto', '5'],
    [5, 'μs', 'auto', '5'], // "μs" is three bytes, so Go drops its "s" and finds nothing
    [5, 'µs', 'auto', '5'],
    [2500, 'milligcu', 'auto', '2.50GCU'],
    [3, 'gcu', 'milligcu', '3000m*GCU'],
  ])('%d %s as %s → %s', (value, from, to, expected) => {
    expect(scaledLabel(value, from, to)).toBe(expected);
  });

  it('converts to the kind default unit when the target is of another kind', () => {
    expect(scaleValue(5e9, 'nanoseconds', 'kb')).toEqual({ value: 5, unit: 's' });
    expect(scaleValue(2048, 'bytes', 'ms')).toEqual({ value: 2048, unit: 'B' });
  });

  it('scales zero to the default unit', () => {
    expect(scaleValue(0, 'ms', 'auto')).toEqual({ value: 0, unit: 's' });
    expect(scaleValue(0, 'bytes', 'minimum')).toEqual({ value: 0, unit: 'B' });
  });
});
