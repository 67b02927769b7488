/**
 * Number formatting as Go's fmt prints it. Go rounds the exact binary value half to even, while
 * JavaScript's toFixed rounds half up: they differ only on exact ties (0.125 → Go "0.12"), which
 * values in MB hit often (131072 bytes = 0.125MB), so ties are settled with exact integer math.
 */

/** The exact value of a finite double as num / 2^shift. */
function exactFraction(x: number): { num: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  return power >= 0 ? { num: mantissa << BigInt(power), shift: 0n } : { num: mantissa, shift: BigInt(-power) };
}

/** round(|x| × 10^digits), ties to even, computed exactly. */
function roundScaled(x: number, digits: number): bigint {
  const { num, shift } = exactFraction(x);
  const scaled = digits >= 0 ? num * 10n ** BigInt(digits) : num;
  const den = (1n << shift) * (digits < 0 ? 10n ** BigInt(-digits) : 1n);
  const quotient = scaled / den;
  const twiceRemainder = 2n * (scaled % den);
  if (twiceRemainder > den || (twiceRemainder === den && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** Inserts a decimal point `decimals` digits from the right of a digit string. */
function placePoint(digits: string, decimals: number): string {
  if (decimals <= 0) return digits;
  const padded = digits.padStart(decimals + 1, '0');
  return `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

/** Go's `%.Nf`. */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  const text = mayBeTie(Math.abs(x), decimals) ? exactFixedDigits(x, decimals) : Math.abs(x).toFixed(decimals);
  return x < 0 || Object.is(x, -0) ? `-${text}` : text;
}

/** Go's `%.Nf` of |x| by exact integer math alone (formatFixed's slow path, exported for tests). */
export function exactFixedDigits(x: number, decimals: number): string {
  return placePoint(roundScaled(x, decimals).toString(), decimals);
}

/**
 * False when |x| × 10^decimals is surely not an exact tie, so toFixed (exact, ties up) prints what
 * Go prints. An exact tie k + 0.5 below 2^52 is representable, so the rounded product shows it
 * exactly; a product that merely rounds to .5 takes the slow path too, which is still right.
 */
function mayBeTie(abs: number, decimals: number): boolean {
  if (decimals < 0 || decimals > 20 || abs >= 1e21) return true;
  const scaled = abs * 10 ** decimals;
  return scaled >= 2 ** 52 || scaled - Math.floor(scaled) === 0.5;
}

/** Go's `%.Pg` (P ≥ 1): P significant digits, exponent form below 1e-4 or at 10^P and above. */
export function formatGeneral(x: number, precision: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  let digits = roundScaled(x, precision - 1 - exponent).toString();
  if (digits.length > precision) {
    exponent += 1;
    digits = roundScaled(x, precision - 1 - exponent).toString();
  } else if (digits.length < precision) {
    // log10 overshot (x just below a power of ten).
    exponent -= 1;
    digits = roundScaled(x, precision - 1 - exponent).toString();
  }
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= precision) {
    const mantissa = trimZeros(placePoint(digits, digits.length - 1));
    const e = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  const decimals = precision - 1 - exponent;
  const text = decimals > 0 ? placePoint(digits, decimals) : digits + '0'.repeat(-decimals);
  return sign + trimZeros(text);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Right-aligns `text` in `width` columns, as Go's `%Ns` does. */
export function padLeft(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** A float as Go's strconv.FormatFloat(x, 'g', -1, 64) prints it: shortest digits, exponent form from 1e6 or below 1e-4. */
export function formatGoFloat(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const exponent = Number(exp);
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return sign + String(Math.abs(x));
}
