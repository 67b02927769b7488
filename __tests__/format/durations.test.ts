/**
 * The two ways pprof prints a profile's duration, as Go 1.19's pprof printed them for profiles
 * built with each duration (the expected strings are its output):
 * - the `Duration:` header line scales the nanoseconds as a time value (ns, us, ms, s, hrs; two
 *   decimals, `.00` dropped);
 * - `raw` prints Go's time.Duration, cut to four characters (`%.4v`).
 */
import { formatGoDuration } from '../../src/go/time.js';
import { profileLabels } from '../../src/format/labels.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

/** The header's `Duration:` text for a profile of `nanos`, up to the comma. */
function durationHeader(nanos: bigint): string {
  const p = decodeSpec({ samples: [{ stack: ['f'], values: [1, 2, 3, 4] }], durationNanos: nanos });
  const line = profileLabels(p, { typeName: 'inuse_space', total: 4, sampleUnit: 'bytes', formatValue: String }).find((l) =>
    l.startsWith('Duration:'),
  );
  return line!.split(',')[0];
}

describe('the Duration: header line', () => {
  it.each([
    [1n, '1ns'],
    [999n, '999ns'],
    [1000n, '1us'],
    [1001n, '1us'],
    [1500n, '1.50us'],
    [999_999n, '1000us'],
    [1_000_000n, '1ms'],
    [1_004_999n, '1ms'],
    [1_005_000n, '1ms'],
    [1_234_567n, '1.23ms'],
    [999_999_999n, '1000ms'],
    [1_000_000_000n, '1s'],
    [1_005_000_000n, '1s'],
    [59_999_999_999n, '60s'],
    [60_000_000_000n, '60s'],
    [60_604_999_999n, '60.60s'],
    [420_000_000_000n, '420s'],
    [3_599_999_999_999n, '3600s'],
    [3_600_000_000_000n, '1hrs'],
    [10_800_000_000_000n, '3hrs'],
    [86_400_000_000_000n, '24hrs'],
    [-1n, '-1ns'],
    [-1_000_000_000n, '-1s'],
    [-5_000_000_000_000n, '-1.39hrs'],
    // Past 2^53 the nanoseconds are rounded to a float64 first, as Go converts them.
    [123_456_789_012_345_678n, '34293.55hrs'],
    [1_708_074_000_000_000_000n, '474465hrs'],
    [4_503_599_627_370_497n, '1251hrs'],
    [9_007_199_254_740_993n, '2502hrs'],
    [9_223_372_036_854_775_807n, '2562047.79hrs'],
  ])('%s ns reads %s', (nanos, text) => {
    expect(durationHeader(nanos)).toBe(`Duration: ${text}`);
  });
});

describe("Go's time.Duration text (raw's Duration:, cut to four characters there)", () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [999n, '999ns'],
    [1000n, '1µs'],
    [1001n, '1.001µs'],
    [1500n, '1.5µs'],
    [999_999n, '999.999µs'],
    [1_000_000n, '1ms'],
    [1_234_567n, '1.234567ms'],
    [999_999_999n, '999.999999ms'],
    [1_000_000_000n, '1s'],
    [1_000_000_001n, '1.000000001s'],
    [59_999_999_999n, '59.999999999s'],
    [60_000_000_000n, '1m0s'],
    [60_604_999_999n, '1m0.604999999s'],
    [3_599_999_999_999n, '59m59.999999999s'],
    [3_600_000_000_000n, '1h0m0s'],
    [10_799_990_000_000n, '2h59m59.99s'],
    [-1n, '-1ns'],
    [-5_000_000_000_000n, '-1h23m20s'],
    // Exact to the last digit, where a float64 would not be.
    [9_223_372_036_854_775_807n, '2562047h47m16.854775807s'],
    [-9_223_372_036_854_775_808n, '-2562047h47m16.854775808s'],
    [9_007_199_254_740_993n, '2501h59m59.254740993s'],
  ])('%s ns reads %s', (nanos, text) => {
    expect(formatGoDuration(nanos)).toBe(text);
  });

  it('takes a number as well as a bigint', () => {
    expect(formatGoDuration(90_000_000_000)).toBe('1m30s');
  });
});
