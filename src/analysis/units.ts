import { formatFixed, formatGeneral } from './go-numbers.js';

/** A family of units that convert into each other (bytes, time); counts have none. */
interface UnitFamily {
  /** Spellings (lower case, singular) of each unit, mapped to its factor in the base unit. */
  readonly spellings: ReadonlyMap<string, number>;
  /** Displayed name of each factor, from the smallest up; `autoScale` picks among these. */
  readonly scale: readonly { factor: number; name: string }[];
  /** The name to show when the requested unit is not one of this family's. */
  readonly fallback: string;
}

const KIB = 1024;
const MEMORY: UnitFamily = {
  spellings: new Map([
    ['b', 1], ['byte', 1],
    ['kb', KIB], ['kbyte', KIB], ['kilobyte', KIB],
    ['mb', KIB ** 2], ['mbyte', KIB ** 2], ['megabyte', KIB ** 2],
    ['gb', KIB ** 3], ['gbyte', KIB ** 3], ['gigabyte', KIB ** 3],
    ['tb', KIB ** 4], ['tbyte', KIB ** 4], ['terabyte', KIB ** 4],
    ['pb', KIB ** 5], ['pbyte', KIB ** 5], ['petabyte', KIB ** 5],
  ]),
  scale: [
    { factor: 1, name: 'B' }, { factor: KIB, name: 'kB' }, { factor: KIB ** 2, name: 'MB' },
    { factor: KIB ** 3, name: 'GB' }, { factor: KIB ** 4, name: 'TB' }, { factor: KIB ** 5, name: 'PB' },
  ],
  fallback: 'B',
};

const SECOND = 1e9;
const TIME: UnitFamily = {
  spellings: new Map([
    ['nanosecond', 1], ['ns', 1],
    ['microsecond', 1e3], ['us', 1e3], ['µs', 1e3],
    ['millisecond', 1e6], ['ms', 1e6],
    ['second', SECOND], ['sec', SECOND], ['s', SECOND],
    ['minute', 60 * SECOND], ['m', 60 * SECOND],
    ['hour', 3600 * SECOND], ['h', 3600 * SECOND],
  ]),
  scale: [
    { factor: 1, name: 'ns' }, { factor: 1e3, name: 'us' }, { factor: 1e6, name: 'ms' },
    { factor: SECOND, name: 's' }, { factor: 60 * SECOND, name: 'mins' }, { factor: 3600 * SECOND, name: 'hrs' },
  ],
  fallback: 's',
};

const FAMILIES = [MEMORY, TIME];

/** Lower-cases a unit and drops a plural `s` (kept for two-letter units such as `ms`). */
function normaliseUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length > 2 && lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

function familyOf(unit: string): { family: UnitFamily; factor: number } | null {
  const key = normaliseUnit(unit);
  for (const family of FAMILIES) {
    const factor = family.spellings.get(key);
    if (factor !== undefined) return { family, factor };
  }
  return null;
}

function autoScale(family: UnitFamily, base: number): { factor: number; name: string } {
  let chosen = family.scale[0];
  for (const step of family.scale) if (Math.abs(base) >= step.factor) chosen = step;
  return chosen;
}

/**
 * Converts `value` in `fromUnit` to `toUnit`, which may be `minimum` or `auto` (the best unit for
 * this value). Returns the number and the unit's display name ('' for counts).
 */
export function scaleValue(value: number, fromUnit: string, toUnit: string): { value: number; unit: string } {
  const from = familyOf(fromUnit);
  if (from) {
    const base = value * from.factor;
    const target = toUnit === 'minimum' || toUnit === 'auto' ? autoScale(from.family, base) : null;
    if (target) return { value: base / target.factor, unit: target.name };
    const to = familyOf(toUnit);
    if (to && to.family === from.family) return { value: base / to.factor, unit: displayName(to.family, to.factor) };
    return { value: base, unit: from.family.fallback };
  }
  const silent = ['count', 'sample', 'unit', 'minimum', 'auto'].includes(toUnit);
  return { value, unit: silent ? '' : toUnit };
}

function displayName(family: UnitFamily, factor: number): string {
  return family.scale.find((step) => step.factor === factor)?.name ?? family.fallback;
}

/** A value as pprof prints it: two decimals, `.00` dropped, zero as `0`, then the unit. */
export function scaledLabel(value: number, fromUnit: string, toUnit: string): string {
  const scaled = scaleValue(value, fromUnit, toUnit);
  let text = formatFixed(scaled.value, 2);
  if (text.endsWith('.00')) text = text.slice(0, -3);
  if (text === '0' || text === '-0') return '0';
  return text + scaled.unit;
}

/** `value` as a share of `total`, as pprof prints it (always positive, five columns). */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  const text = ratio >= 1 ? formatFixed(ratio, 2) : formatGeneral(ratio, 2);
  return `${text.padStart(5)}%`;
}

/**
 * The one unit for a whole report under `unit=minimum`: the unit of the smallest value shown,
 * moved up a step when that is a hundredth of the total or less (so small values read as 0.01).
 */
export function selectMinimumUnit(min: number, total: number, sampleUnit: string): string {
  const minUnit = scaleValue(min, sampleUnit, 'minimum').unit;
  const maxUnit = scaleValue(total, sampleUnit, 'minimum').unit;
  const unit = minUnit !== maxUnit && min * 100 < total ? scaleValue(100 * min, sampleUnit, 'minimum').unit : minUnit;
  return unit !== '' ? unit : sampleUnit;
}
