import type { Profile, SampleTable } from '../../profile/model.js';

/**
 * Sample labels as pprof's reports see them. A label with a string value is a string label; one
 * without a string but with a number or a unit is numeric; one with neither does not exist (Go's
 * decoder drops it). A sample's values for one key keep their order.
 */

/** True when label `i` is a string label. */
export function isStringLabel(ss: SampleTable, i: number): boolean {
  return ss.labelStr[i] !== 0;
}

/** True when label `i` is a numeric label. */
export function isNumericLabel(ss: SampleTable, i: number): boolean {
  return ss.labelStr[i] === 0 && (ss.labelNum[i] !== 0 || ss.labelNumUnit[i] !== 0);
}

/** The unit of each numeric label key, and the other units some of its values were written with. */
export interface NumLabelUnits {
  /** Key → unit: the first unit written for the key, else one inferred from the key's name. */
  readonly units: ReadonlyMap<string, string>;
  /** Key → the other units seen for it, sorted (pprof warns about them). */
  readonly ignored: ReadonlyMap<string, readonly string[]>;
}

const unitsCache = new WeakMap<Uint32Array, NumLabelUnits>();

/**
 * The unit pprof gives each numeric label key: the first unit any sample wrote for it; without
 * one, `bytes` for the keys `alignment` and `request` and the key's own name for the rest (so a
 * `bytes` key means bytes). Computed over every sample, filtered or not; cached per label columns.
 */
export function numLabelUnits(p: Profile): NumLabelUnits {
  const ss = p.samples;
  const cached = unitsCache.get(ss.labelKey);
  if (cached) return cached;
  const units = new Map<string, string>();
  const ignored = new Map<string, Set<string>>();
  const keys = new Set<string>();
  // Seeing a (key, unit) pair again changes nothing, and most labels repeat the one before (a Go
  // heap profile has a `bytes` label on every sample): those are skipped by their string indices.
  let lastKey = -1,
    lastUnit = -1;
  for (let i = 0; i < ss.labelKey.length; i++) {
    if (!isNumericLabel(ss, i)) continue;
    if (ss.labelKey[i] === lastKey && ss.labelNumUnit[i] === lastUnit) continue;
    lastKey = ss.labelKey[i];
    lastUnit = ss.labelNumUnit[i];
    const key = p.strings[ss.labelKey[i]];
    keys.add(key);
    const unit = p.strings[ss.labelNumUnit[i]];
    if (unit === '') continue;
    const wanted = units.get(key);
    if (wanted === undefined) units.set(key, unit);
    else if (wanted !== unit) ignored.set(key, (ignored.get(key) ?? new Set()).add(unit));
  }
  for (const key of keys) {
    if (!units.has(key)) units.set(key, key === 'alignment' || key === 'request' ? 'bytes' : key);
  }
  const result: NumLabelUnits = {
    units,
    ignored: new Map([...ignored].map(([key, set]) => [key, [...set].sort(compareGoStrings)])),
  };
  unitsCache.set(ss.labelKey, result);
  return result;
}

/** pprof's warning for each key written with more than one unit. */
export function unitConflictWarnings(u: NumLabelUnits): string[] {
  return [...u.ignored].map(
    ([key, others]) => `For tag ${key} used unit ${u.units.get(key)}, also encountered unit(s) ${others.join(', ')}`,
  );
}

/** Compares strings as Go does (by UTF-8 bytes, i.e. by code points), not by UTF-16 units. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every other BMP character in UTF-8.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
