import { ReportError } from '../../src/go/errors.js';
import { parseTagFilterRange } from '../../src/analysis/filters/tag-filter.js';

/** Runs a range on one label value written in `unit` (the unit pprof gives the label's key). */
function inRange(range: string, value: number, unit: string): boolean {
  const test = parseTagFilterRange(range);
  if (!test) throw new Error(`${range} is not a range`);
  return test(value, unit);
}

describe('numeric ranges of tagfocus/tagignore', () => {
  it.each(['64kb:', ':1mb', '16B', '1kb:10kb', '5', '-1:', '+3', '2ms:1s', '3retries'])('%j is a range', (text) => {
    expect(parseTagFilterRange(text)).not.toBeNull();
  });

  it.each([
    ['acme', 'no number'],
    ['1kb:2ms', 'bounds in units of different kinds'],
    ['1kb:2kb:3kb', 'more than two bounds'],
    ['1kb-2kb', 'no colon between the bounds'],
    ['a5', 'text around the number'],
    ['64kb::', 'a second colon'],
    ['1kb: 2kb', 'a space'],
  ])('%j is a regexp (%s)', (text) => {
    expect(parseTagFilterRange(text)).toBeNull();
  });

  it('compares in the range unit, bounds included', () => {
    expect(inRange('64kb:', 65536, 'bytes')).toBe(true);
    expect(inRange('64kb:', 65535, 'bytes')).toBe(false);
    expect(inRange(':1kb', 1024, 'bytes')).toBe(true);
    expect(inRange(':1kb', 1025, 'bytes')).toBe(false);
    expect(inRange('16B', 16, 'bytes')).toBe(true);
    expect(inRange('16b', 17, 'bytes')).toBe(false);
    expect(inRange('1kb:10kb', 10240, 'bytes')).toBe(true);
    expect(inRange('1kb:10kb', 1023, 'bytes')).toBe(false);
    expect(inRange('1kb:2mb', 2 * 1024 * 1024, 'bytes')).toBe(true);
  });

  it('converts the label value from its own unit', () => {
    expect(inRange('64kb:', 64, 'kilobytes')).toBe(true);
    expect(inRange('1s:', 1500, 'ms')).toBe(true);
    expect(inRange('1s:', 999, 'ms')).toBe(false);
    expect(inRange('1ms:1s', 2_500_000, 'nanoseconds')).toBe(true);
  });

  it('never matches a label whose unit is of another kind', () => {
    expect(inRange('1kb:', 5000, 'ms')).toBe(false);
    expect(inRange('1s:', 5000, 'bytes')).toBe(false);
  });

  it('compares a label of a unit pprof does not know as a plain number, whatever the range unit', () => {
    expect(inRange('64kb:', 64, 'retries')).toBe(true);
    expect(inRange('64kb:', 63, 'retries')).toBe(false);
    expect(inRange('3', 3, 'retries')).toBe(true);
  });

  it('gives a range without a unit to unknown units only', () => {
    expect(inRange('512', 512, 'shard')).toBe(true);
    expect(inRange('512', 512, 'bytes')).toBe(false);
  });

  it('reads signs', () => {
    expect(inRange('-1:', 0, 'retries')).toBe(true);
    expect(inRange('-1:', -2, 'retries')).toBe(false);
  });

  it('refuses a bound past 64 bits as pprof does', () => {
    expect(() => parseTagFilterRange('99999999999999999999kb:')).toThrow(ReportError);
    expect(() => parseTagFilterRange('99999999999999999999kb:')).toThrow(
      'failed to parse int 99999999999999999999: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    );
  });
});
