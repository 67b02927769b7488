import { exactFixedDigits, formatFixed, formatGeneral, formatGoFloat } from '../../src/go/numbers.js';

// Expected strings are what Go 1.19's fmt and strconv printed for the same numbers.
describe('Go number formatting', () => {
  it('%.2f rounds exact ties to even, as Go does (JavaScript rounds them up)', () => {
    const inputs = [0.125, 0.375, 0.625, 1.005, 2.675, 64.315, -0.125, 0, 123456.789, 0.004999, 1e-7];
    expect(inputs.map((x) => formatFixed(x, 2))).toEqual([
      '0.12',
      '0.38',
      '0.62',
      '1.00',
      '2.67',
      '64.31',
      '-0.12',
      '0.00',
      '123456.79',
      '0.00',
      '0.00',
    ]);
  });

  it('%.Nf takes the fast toFixed path only where it prints what exact math prints', () => {
    // Ties on binary fractions (k/1024 MB), decimal-looking values, and random doubles of every scale.
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values: number[] = [];
    for (let k = 0; k < 4096; k++) values.push(k / 1024, k / 200, k * 1.005, (k * 1048576) / 1e6);
    for (let k = 0; k < 4000; k++) values.push(random() * 10 ** Math.floor(random() * 30 - 8));
    values.push(2 ** 52 + 0.5, 2 ** 53, 4503599627370495.5, 1e20 + 0.5, 0.045, 0.055, 1e21, 5e-324);
    for (const decimals of [0, 1, 2, 3]) {
      for (const x of values) {
        for (const v of [x, -x]) {
          const expected = (v < 0 || Object.is(v, -0) ? '-' : '') + exactFixedDigits(v, decimals);
          if (formatFixed(v, decimals) !== expected)
            throw new Error(`formatFixed(${v}, ${decimals}) = ${formatFixed(v, decimals)}, exact ${expected}`);
        }
      }
    }
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(-0, 2)).toBe('-0.00');
  });

  it('%.2g uses two significant digits and an exponent below 1e-4', () => {
    const inputs = [0.43, 0.0051, 0.00001, 0.5, 0.125, 0.135, 0.99999, 0.0016, 9.96, 0.00099995, 1e-5, 0.000123];
    expect(inputs.map((x) => formatGeneral(x, 2))).toEqual([
      '0.43',
      '0.0051',
      '1e-05',
      '0.5',
      '0.12',
      '0.14',
      '1',
      '0.0016',
      '10',
      '0.001',
      '1e-05',
      '0.00012',
    ]);
  });

  it("strconv.FormatFloat(x, 'g', -1, 64) switches to an exponent from 1e6", () => {
    const inputs = [0.005, 0.001, 1, 1e6, 123456, 1234567, 1e-5, 0.5, 1e20, 1e21, 2.5e25, 100];
    expect(inputs.map(formatGoFloat)).toEqual([
      '0.005',
      '0.001',
      '1',
      '1e+06',
      '123456',
      '1.234567e+06',
      '1e-05',
      '0.5',
      '1e+20',
      '1e+21',
      '2.5e+25',
      '100',
    ]);
  });
});
