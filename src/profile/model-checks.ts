import { ProfileError, malformed } from './errors.js';
import type { RawProfile } from './raw.js';

/**
 * Maps wire ids to dense indices: a typed array when the ids are small, else a Map. Of two equal
 * ids the first is found; where an id is 0 or repeated is noted for checkTables, not refused here.
 */
export class IdIndex {
  /** Index by id when the ids are small (dense[id], -1 for none), else null and `sparse` is used. */
  readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  /** The position of the first id 0, or -1. */
  readonly firstZero: number = -1;
  /** The position of the first id seen before, or -1. */
  readonly firstRepeat: number = -1;

  constructor(ids: ArrayLike<number>) {
    let max = 0;
    let negative = false;
    for (let i = 0; i < ids.length; i++) {
      max = Math.max(max, ids[i]);
      negative ||= ids[i] < 0;
    }
    // Ids past 2^53 arrive as negative stand-ins (see RawProfile.idText): those go in the Map.
    const useDense = !negative && max <= ids.length * 4 + 1024;
    this.dense = useDense ? new Int32Array(max + 1).fill(-1) : null;
    this.sparse = useDense ? null : new Map();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === 0 && this.firstZero < 0) this.firstZero = i;
      if (this.get(id) !== -1) {
        if (this.firstRepeat < 0) this.firstRepeat = i;
      } else if (this.dense) this.dense[id] = i;
      else this.sparse!.set(id, i);
    }
  }

  /** The dense index of `id`, or -1. */
  get(id: number): number {
    if (this.dense) return id >= 0 && id < this.dense.length ? this.dense[id] : -1;
    return this.sparse!.get(id) ?? -1;
  }
}

/**
 * pprof's own checks of a decoded profile, in its order and with its words, so a profile it
 * refuses is refused with the same message (`found function with reserved ID=0`): first the
 * samples, then mappings, functions and locations, each table in the order it was written.
 */

/** A profile with neither sample types nor samples: pprof loads it, then has nothing to report. */
export function noSamples(): ProfileError {
  return new ProfileError('no-samples', 'profile has no samples');
}

/**
 * The samples' part: sample types present, and sample by sample, as many values as sample types,
 * then every location id known. `firstMissing` is the position (in the samples' location ids) of
 * the first unknown id, or -1: the caller finds it while resolving the ids, in one pass.
 */
export function checkSamples(raw: RawProfile, typeCount: number, firstMissing: number): void {
  const { count, valueStart, locStart } = raw.samples!;
  if (typeCount === 0) throw count > 0 ? malformed('missing sample type information') : noSamples();
  let missingSample = count;
  if (firstMissing >= 0) {
    missingSample = 0;
    while (locStart[missingSample + 1] <= firstMissing) missingSample++;
  }
  for (let s = 0; s < missingSample; s++) {
    const values = valueStart[s + 1] - valueStart[s];
    if (values !== typeCount) throw malformed(`mismatch: sample has ${values} values vs. ${typeCount} types`);
  }
  if (missingSample < count) throw malformed('sample has nil location');
}

/**
 * The tables' part: ids neither 0 nor repeated, and every line of a location naming a function
 * (`firstWithoutFunction`: the first location with a line that names none, or -1, found while
 * resolving them).
 */
export function checkTables(
  raw: RawProfile,
  mappings: IdIndex,
  functions: IdIndex,
  locations: IdIndex,
  firstWithoutFunction: number,
): void {
  checkIds(mappings, -1, 'found mapping with reserved ID=0', (i) => `multiple mappings with same id: ${raw.idText(raw.mappings[i].id)}`);
  checkIds(functions, -1, 'found function with reserved ID=0', (i) => `multiple functions with same id: ${raw.idText(raw.fnId.at(i))}`);
  // A location's id is checked before its lines, so a bad line stops only the locations after it.
  checkIds(
    locations,
    firstWithoutFunction,
    'found location with reserved id=0',
    (i) => `multiple locations with same id: ${raw.idText(raw.locId.at(i))}`,
  );
  if (firstWithoutFunction >= 0)
    throw malformed(`location id: ${raw.idText(raw.locId.at(firstWithoutFunction))} has a line with nil function`);
}

/** Throws for the first id 0 or repeat in `index`, if it is at position `upTo` or before (-1: anywhere). */
function checkIds(index: IdIndex, upTo: number, reserved: string, repeated: (i: number) => string): void {
  const limit = upTo < 0 ? Infinity : upTo + 1;
  const zero = index.firstZero >= 0 && index.firstZero < limit ? index.firstZero : Infinity;
  const repeat = index.firstRepeat >= 0 && index.firstRepeat < limit ? index.firstRepeat : Infinity;
  if (zero <= repeat && zero !== Infinity) throw malformed(reserved);
  if (repeat !== Infinity) throw malformed(repeated(repeat));
}
