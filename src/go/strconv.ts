/** Parsers for option values, failing with the messages Go's strconv and pprof print. */

/** Go's strconv.Atoi on a 64-bit machine. */
export function parseGoInt(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`);
  const value = BigInt(text);
  if (value > 2n ** 63n - 1n || value < -(2n ** 63n)) throw new Error(`strconv.Atoi: parsing ${goQuote(text)}: value out of range`);
  return Number(value);
}

/** Go's strconv.ParseFloat(text, 64), for decimal spellings and inf/nan. */
export function parseGoFloat(text: string): number {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    throw new Error(`strconv.ParseFloat: parsing ${goQuote(text)}: invalid syntax`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`strconv.ParseFloat: parsing ${goQuote(text)}: value out of range`);
  return value;
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', ''];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'];

/** pprof's bool spelling: true/t/yes/y/1/'' and false/f/no/n/0, any case. */
export function parsePprofBool(text: string): boolean {
  const lower = text.toLowerCase();
  if (TRUE_WORDS.includes(lower)) return true;
  if (FALSE_WORDS.includes(lower)) return false;
  throw new Error(`illegal value ${goQuote(text)} for bool variable`);
}

/** Go's strconv.ParseBool, which accepts fewer spellings (no '' and no yes/no). */
export function parseGoBool(text: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return null;
}

/** A string quoted as Go's %q quotes it (for the ASCII cases error messages meet). */
export function goQuote(text: string): string {
  return JSON.stringify(text).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}
