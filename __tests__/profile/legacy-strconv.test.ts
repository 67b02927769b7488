/** Go's integer syntax and error messages, which pprof's legacy parsers quote. */
import { float64ToInt64, goParseInt, goParseUint, goQuote } from '../../src/profile/legacy-strconv.js';

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

describe('strconv.ParseInt(s, 0, 64)', () => {
  it.each([
    ['0', 0n],
    ['10', 10n],
    ['-10', -10n],
    ['+7', 7n],
    ['010', 8n],
    ['0x1f', 31n],
    ['0X1F', 31n],
    ['0o17', 15n],
    ['0b101', 5n],
    ['1_000', 1000n],
    ['0x_1f', 31n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
  ])('%s', (s, value) => {
    expect(goParseInt(s, 0)).toBe(value);
  });

  it.each([
    ['', 'invalid syntax'],
    ['08', 'invalid syntax'],
    ['0x', 'invalid syntax'],
    ['1__0', 'invalid syntax'],
    ['_1', 'invalid syntax'],
    ['1_', 'invalid syntax'],
    ['9a', 'invalid syntax'],
    ['9223372036854775808', 'value out of range'],
    ['-9223372036854775809', 'value out of range'],
  ])('%s: %s', (s, why) => {
    expect(errorOf(() => goParseInt(s, 0))).toBe(`strconv.ParseInt: parsing ${JSON.stringify(s)}: ${why}`);
  });

  it('base 10 takes no prefixes and no underscores', () => {
    expect(goParseInt('010', 10)).toBe(10n);
    expect(errorOf(() => goParseInt('1_0', 10))).toBe('strconv.ParseInt: parsing "1_0": invalid syntax');
  });
});

describe('strconv.ParseUint', () => {
  it('hex to 2^64-1, and past it out of range', () => {
    expect(goParseUint('ffffffffffffffff', 16)).toBe((1n << 64n) - 1n);
    expect(errorOf(() => goParseUint('10000000000000000', 16))).toBe('strconv.ParseUint: parsing "10000000000000000": value out of range');
    expect(goParseUint('0x10', 0)).toBe(16n);
  });
});

it('strconv.Quote escapes as Go does', () => {
  expect(goQuote('a"b\\c\t\x01')).toBe('"a\\"b\\\\c\\t\\x01"');
  expect(goQuote('h\xc3\xa9')).toBe('"h\xc3\xa9"'); // binary strings in and out: é stays its two bytes
  expect(goQuote('\xff\xc3')).toBe('"\\xff\\xc3"');
});

it('int64(float64) on amd64: truncation, and -2^63 for what does not fit', () => {
  expect([2.9, -2.9, 1e300, -1e300, Infinity, NaN].map(float64ToInt64)).toEqual([
    2n,
    -2n,
    -(2n ** 63n),
    -(2n ** 63n),
    -(2n ** 63n),
    -(2n ** 63n),
  ]);
});
