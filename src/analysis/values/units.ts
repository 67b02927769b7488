import { formatFixed, formatGeneral } from '../../go/numbers.js';

/** A family of units that convert into each other (bytes, time); counts have none. */
interface UnitFamily {
  /** Spellings (lower case, singular) of each unit, mapped to its factor in the base unit. */
  readonly spellings: ReadonlyMap<string, number>;
  /** Displayed name of each factor, from the smallest up; `autoScale` picks among these. */
  readonly scale: readonly { factor: number; name: string }[];
  /** The unit a value converts to when the requested unit is not one of this family's. */
  readonly fallback: { readonly factor: number; readonly name: string };
}

const KIB = 1024;
const MEMORY: UnitFamily = {
  spellings: new Map([
    ['b', 1],
    ['byte', 1],
    ['kb', KIB],
    ['kbyte', KIB],
    ['kilobyte', KIB],
    ['mb', KIB ** 2],
    ['mbyte', KIB ** 2],
    ['megabyte', KIB ** 2],
    ['gb', KIB ** 3],
    ['gbyte', KIB ** 3],
    ['gigabyte', KIB ** 3],
    ['tb', KIB ** 4],
    ['tbyte', KIB ** 4],
    ['terabyte', KIB ** 4],
    ['pb', KIB ** 5],
    ['pbyte', KIB ** 5],
    ['petabyte', KIB ** 5],
  ]),
  scale: [
    { factor: 1, name: 'B' },
    { factor: KIB, name: 'kB' },
    { factor: KIB ** 2, name: 'MB' },
    { factor: KIB ** 3, name: 'GB' },
    { factor: KIB ** 4, name: 'TB' },
    { factor: KIB ** 5, name: 'PB' },
  ],
  fallback: { factor: 1, name: 'B' },
};

// Time and GCU units as the pprof of Go 1.19 knows them: no minutes, hours only as `hour`/`hr`
// (so `hrs`, with its plural dropped).
const SECOND = 1e9;
const TIME: UnitFamily = {
  spellings: new Map([
    ['nanosecond', 1],
    ['ns', 1],
    ['microsecond', 1e3],
    ['us', 1e3],
    ['μs', 1e3],
    ['millisecond', 1e6],
    ['ms', 1e6],
    ['second', SECOND],
    ['sec', SECOND],
    ['s', SECOND],
    ['hour', 3600 * SECOND],
    ['hr', 3600 * SECOND],
  ]),
  scale: [
    { factor: 1, name: 'ns' },
    { factor: 1e3, name: 'us' },
    { factor: 1e6, name: 'ms' },
    { factor: SECOND, name: 's' },
    { factor: 3600 * SECOND, name: 'hrs' },
  ],
  fallback: { factor: SECOND, name: 's' },
};

const GCU_STEPS: [string, string, number][] = [
  ['nanogcu', 'n*GCU', 1e-9],
  ['microgcu', 'u*GCU', 1e-6],
  ['milligcu', 'm*GCU', 1e-3],
  ['gcu', 'GCU', 1],
  ['kilogcu', 'k*GCU', 1e3],
  ['megagcu', 'M*GCU', 1e6],
  ['gigagcu', 'G*GCU', 1e9],
  ['teragcu', 'T*GCU', 1e12],
  ['petagcu', 'P*GCU', 1e15],
];
const GCU: UnitFamily = {
  spellings: new Map(GCU_STEPS.map(([spelling, , factor]) => [spelling, factor])),
  scale: GCU_STEPS.map(([, name, factor]) => ({ factor, name })),
  fallback: { factor: 1, name: 'GCU' },
};

const FAMILIES = [MEMORY, TIME, GCU];

/**
 * Lower-cases a unit and drops a plural `s` (kept for two-byte units such as `ms`; Go counts
 * UTF-8 bytes, so `μs` loses its `s` and is never found, as in pprof).
 */
function normaliseUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return new TextEncoder().encode(lower).length > 2 && lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

const families = new Map<string, { family: UnitFamily; factor: number } | null>();

/** The family and factor of a unit's spelling, or null (remembered: reports ask for few units). */
function familyOf(unit: string): { family: UnitFamily; factor: number } | null {
  let found = families.get(unit);
  if (found === undefined) {
    const key = normaliseUnit(unit);
    found = null;
    for (const family of FAMILIES) {
      const factor = family.spellings.get(key);
      if (factor !== undefined) {
        found = { family, factor };
        break;
      }
    }
    if (families.size < 1000) families.set(unit, found);
  }
  return found;
}

/** The largest unit in which |base| is at least 1; the fallback unit when there is none (zero). */
function autoScale(family: UnitFamily, base: number): { factor: number; name: string } {
  let chosen = family.fallback;
  for (const step of family.scale) if (Math.abs(base) / step.factor >= 1) chosen = step;
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
    return { value: base / from.family.fallback.factor, unit: from.family.fallback.name };
  }
  const silent = ['count', 'sample', 'unit', 'minimum', 'auto'].includes(toUnit);
  return { value, unit: silent ? '' : toUnit };
}

function displayName(family: UnitFamily, factor: number): string {
  return family.scale.find((step) => step.factor === factor)?.name ?? family.fallback.name;
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

/**
 * The output unit of a report: `unit` itself unless it is `minimum`, where one unit is picked for
 * the whole table from its smallest nonzero [flat, cum] (the total when none), scaled by divide_by.
 */
export function reportUnit(
  unit: string,
  values: readonly (readonly [number, number])[],
  total: number,
  ratio: number,
  sampleUnit: string,
): string {
  if (unit !== 'minimum') return unit;
  let smallest = 0;
  for (const [flat, cum] of values) {
    const v = Math.abs(flat) || Math.abs(cum);
    if (v > 0 && (smallest === 0 || v < smallest)) smallest = v;
  }
  const min = smallest || total;
  return selectMinimumUnit(Math.trunc(min * ratio), Math.trunc(total * ratio), sampleUnit);
}

/**
 * The shortest spelling `unit=` understands for each unit of `sampleUnit`'s family, smallest unit
 * first (`b kb mb gb tb pb` for bytes); none for counts. For completion: only spellings that find
 * their unit again are offered (`μs` does not, see normaliseUnit).
 */
export function unitSpellings(sampleUnit: string): string[] {
  const family = familyOf(sampleUnit)?.family;
  if (!family) return [];
  const shortest = new Map<number, string>();
  for (const [spelling, factor] of family.spellings) {
    const known = shortest.get(factor);
    if (familyOf(spelling)?.factor === factor && (known === undefined || spelling.length < known.length)) shortest.set(factor, spelling);
  }
  return family.scale.map((step) => shortest.get(step.factor)).filter((s): s is string => s !== undefined);
}
