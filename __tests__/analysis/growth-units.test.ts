/** The growth table's units: the slope's time base from the span, one value unit down the slope column. */
import { formatSlope, growthFormat, slopeTimeBase, slopeValueUnit } from '../../src/analysis/growth/growth-units.js';

const KB = 1024;
const MB = 1024 * KB;

describe('slopeTimeBase', () => {
  it.each([
    [0, 's'],
    [1.941, 's'],
    [59.9, 's'],
    [60, 'min'],
    [270, 'min'],
    [3599, 'min'],
    [3600, 'h'],
    [26 * 3600, 'h'],
  ])('a series over %ss is read per %s', (span, name) => {
    expect(slopeTimeBase(span).name).toBe(name);
  });
});

describe('slopeValueUnit', () => {
  it('scales the largest |slope| as top scales one value, whatever the others', () => {
    // The example: -12214.53kB/min is -11.93MB/min.
    expect(slopeValueUnit([848.24 * KB, -12214.53 * KB, 0.39 * KB], 'bytes', 'minimum')).toBe('MB');
    expect(slopeValueUnit([203.58 * KB, -14.14 * KB], 'bytes', 'minimum')).toBe('kB');
    expect(slopeValueUnit([1023], 'bytes', 'minimum')).toBe('B');
    expect(slopeValueUnit([3 * 1024 * MB], 'bytes', 'minimum')).toBe('GB');
  });

  it('keeps a unit the user chose, and has none to scale for counts', () => {
    expect(slopeValueUnit([12 * MB], 'bytes', 'kb')).toBe('kb');
    expect(slopeValueUnit([0], 'bytes', 'minimum')).toBe('B');
    expect(slopeValueUnit([12_345], 'count', 'minimum')).toBe('count');
  });
});

describe('formatSlope', () => {
  const perMinute = slopeTimeBase(300);
  it('signs the slope, keeps two decimals (dropping .00) and says the unit and time base', () => {
    expect(formatSlope(-12214.53 * KB, 'bytes', 'MB', perMinute)).toBe('-11.93MB/min');
    expect(formatSlope(848.24 * KB, 'bytes', 'MB', perMinute)).toBe('+0.83MB/min');
    expect(formatSlope(2 * MB, 'bytes', 'MB', perMinute)).toBe('+2MB/min');
    expect(formatSlope(1.5, 'count', 'count', slopeTimeBase(1))).toBe('+1.50/s');
  });

  it('prints zero as 0 and a slope too small for the unit as <0.01, so it does not read as flat', () => {
    expect(formatSlope(0, 'bytes', 'MB', perMinute)).toBe('0');
    expect(formatSlope(0.39 * KB, 'bytes', 'MB', perMinute)).toBe('+<0.01MB/min');
    expect(formatSlope(-0.39 * KB, 'bytes', 'MB', perMinute)).toBe('-<0.01MB/min');
  });
});

describe('growthFormat', () => {
  const figures = { values: [4 * KB, 32 * KB, 28 * KB, 256 * KB], total: 1390 * KB, sampleUnit: 'bytes' };
  const defaults = { unit: 'minimum', divide_by: 1 };

  it('gives every slope of a table one unit and one time base', () => {
    // Slopes per second over a 5-minute series: read per minute, the largest in MB.
    const f = growthFormat({ ...figures, slopes: [14.14 * KB, -203.58 * KB, 0.0065 * KB, 0], spanSeconds: 300 }, defaults);
    expect(f.base?.name).toBe('min');
    expect([14.14 * KB, -203.58 * KB, 0.0065 * KB, 0].map((s) => f.slope(s))).toEqual(['+0.83MB/min', '-11.93MB/min', '+<0.01MB/min', '0']);
    expect(f.value(28 * KB)).toBe('28kB');
  });

  it('reads seconds of snapshots per second and hours of them per hour', () => {
    const seconds = growthFormat({ ...figures, slopes: [14.14 * KB, -203.58 * KB], spanSeconds: 1.941 }, defaults);
    expect([seconds.slope(14.14 * KB), seconds.slope(-203.58 * KB)]).toEqual(['+14.14kB/s', '-203.58kB/s']);
    const hours = growthFormat({ ...figures, slopes: [1 * KB], spanSeconds: 7200 }, defaults);
    expect(hours.slope(1 * KB)).toBe('+3.52MB/h');
  });

  it('applies divide_by and an explicit unit to slopes as to values', () => {
    const f = growthFormat({ ...figures, slopes: [2 * KB], spanSeconds: 10 }, { unit: 'b', divide_by: 2 });
    expect([f.slope(2 * KB), f.value(28 * KB)]).toEqual(['+1024B/s', '14336B']);
  });

  it('has no time base and prints - when the snapshots carry no time', () => {
    const f = growthFormat({ ...figures, slopes: [null, null], spanSeconds: 0 }, defaults);
    expect([f.base, f.slope(null)]).toEqual([null, '-']);
  });
});
