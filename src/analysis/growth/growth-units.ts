/**
 * How the growth table prints its numbers. Values (first, last, change) take one unit chosen as
 * `top` chooses it. Slopes take a unit of their own: a time base that fits the series' span and one
 * value unit for the whole column, picked so the largest slope reads as `top` would print that
 * magnitude (`-11.93MB/min`, not `-12214.53kB/min`), and rows still compare down the column.
 */
import { formatFixed } from '../../go/numbers.js';
import type { ReportOptions } from '../options.js';
import { scaleValue, scaledLabel, selectMinimumUnit } from '../values/units.js';

/** The time in `/s`, `/min`, `/h`. */
export interface TimeBase {
  /** The suffix after the slash. */
  readonly name: 's' | 'min' | 'h';
  readonly seconds: number;
}

const TIME_BASES: readonly TimeBase[] = [
  { name: 's', seconds: 1 },
  { name: 'min', seconds: 60 },
  { name: 'h', seconds: 3600 },
];

/**
 * The time base for a series that spans `spanSeconds`: the longest of second, minute and hour that
 * the span covers at least once. A slope then says what the series saw happen in one such period,
 * rather than extrapolating two seconds of snapshots to an hour (or an hour's to a second).
 */
export function slopeTimeBase(spanSeconds: number): TimeBase {
  let chosen = TIME_BASES[0];
  for (const base of TIME_BASES) if (spanSeconds >= base.seconds) chosen = base;
  return chosen;
}

/**
 * The value unit of the slope column (slopes given per time base, divide_by applied). An explicit
 * `unit` is kept, as top keeps it. Under `minimum` it is the unit top prints the largest |slope|
 * in on its own (the largest unit in which it is 1 or more): that slope reads between 1 and 1024,
 * and every other slope is a fraction of it in the same unit.
 */
export function slopeValueUnit(slopes: readonly number[], sampleUnit: string, unit: string): string {
  if (unit !== 'minimum') return unit;
  let largest = 0;
  for (const s of slopes) largest = Math.max(largest, Math.abs(s));
  const chosen = scaleValue(largest, sampleUnit, 'auto').unit;
  return chosen !== '' ? chosen : sampleUnit;
}

/**
 * One slope as the column prints it: signed, two decimals (`.00` dropped, as pprof drops it), the
 * unit and the time base: `+14.14kB/s`. Exactly zero is `0`, as a value of zero is; a slope too
 * small to show in the column's unit is `+<0.01MB/min`, so it does not read as flat.
 */
export function formatSlope(perBase: number, sampleUnit: string, unit: string, base: TimeBase): string {
  if (perBase === 0) return '0';
  const scaled = scaleValue(perBase, sampleUnit, unit);
  let digits = formatFixed(Math.abs(scaled.value), 2);
  if (digits === '0.00') digits = '<0.01';
  else if (digits.endsWith('.00')) digits = digits.slice(0, -3);
  return `${scaled.value < 0 ? '-' : '+'}${digits}${scaled.unit}/${base.name}`;
}

/** Formats a growth table's values and slopes. */
export interface GrowthFormat {
  readonly value: (v: number) => string;
  /** `-` for a slope that is null (no times to fit). */
  readonly slope: (perSecond: number | null) => string;
  /** The slope's time base, null when no slope is shown. */
  readonly base: TimeBase | null;
}

/** What a table's units are chosen from: the values shown and their slopes per second. */
export interface GrowthFigures {
  readonly values: readonly number[];
  readonly slopes: readonly (number | null)[];
  /** The largest snapshot total, against which top's minimum unit is chosen. */
  readonly total: number;
  readonly spanSeconds: number;
  readonly sampleUnit: string;
}

/**
 * The units of a growth table. Values: one unit chosen as top chooses it (unit=minimum: the
 * smallest nonzero value shown against the largest snapshot total), truncated as pprof truncates
 * them, divide_by applied. Slopes: slopeTimeBase and slopeValueUnit.
 */
export function growthFormat(f: GrowthFigures, o: Pick<ReportOptions, 'unit' | 'divide_by'>): GrowthFormat {
  const ratio = 1 / o.divide_by;
  let smallest = 0;
  for (const v of f.values) {
    const a = Math.abs(Math.trunc(v * ratio));
    if (a > 0 && (smallest === 0 || a < smallest)) smallest = a;
  }
  const scaledTotal = Math.trunc(f.total * ratio);
  const unit = o.unit === 'minimum' ? selectMinimumUnit(smallest || scaledTotal, scaledTotal, f.sampleUnit) : o.unit;
  const timed = f.slopes.some((s) => s !== null);
  const base = slopeTimeBase(f.spanSeconds);
  const perBase = (perSecond: number) => perSecond * base.seconds * ratio;
  const slopeUnit = slopeValueUnit(
    f.slopes.flatMap((s) => (s === null ? [] : [perBase(s)])),
    f.sampleUnit,
    o.unit,
  );
  return {
    value: (v) => scaledLabel(Math.trunc(v * ratio), f.sampleUnit, unit),
    slope: (s) => (s === null ? '-' : formatSlope(perBase(s), f.sampleUnit, slopeUnit, base)),
    base: timed ? base : null,
  };
}
