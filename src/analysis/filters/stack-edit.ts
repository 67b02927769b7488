import type { LocationTable, Profile, SampleTable } from '../../profile/model.js';

/** What to keep of the stacks. */
export interface StackEdit {
  /** Per line of the location table: 1 to keep it. */
  readonly keepLine?: Uint8Array;
  /** Per location: 1 to take it out of every stack (pprof's hidden locations). */
  readonly hideLocation?: Uint8Array;
  /** Per sample, the part of its location list to keep: [spanStart, spanEnd), leaf first. */
  readonly spanStart?: Int32Array;
  readonly spanEnd?: Int32Array;
}

/**
 * A copy of `p` with some lines of locations removed and stacks cut. Samples, their values and
 * labels stay one-to-one with `p` (cached per-sample weights still apply); location ids stay too.
 */
export function editStacks(p: Profile, edit: StackEdit): Profile {
  const locations = edit.keepLine ? keepLines(p.locations, edit.keepLine) : p.locations;
  return { ...p, locations, samples: cutStacks(p.samples, edit) };
}

/**
 * Per sample, 1 where its stack is empty. pprof drops such samples when hide or show took a
 * location out of any stack (its filter keeps no sample without locations, then): `-raw` and
 * `proto` leave them out, and no report counts them.
 */
export function emptyStacks(s: SampleTable): Uint8Array {
  const empty = new Uint8Array(s.count);
  for (let i = 0; i < s.count; i++) if (s.locStart[i] === s.locStart[i + 1]) empty[i] = 1;
  return empty;
}

function keepLines(l: LocationTable, keep: Uint8Array): LocationTable {
  const lineStart = new Uint32Array(l.count + 1);
  const lineFunction: number[] = [];
  const lineNumber: number[] = [];
  for (let loc = 0; loc < l.count; loc++) {
    lineStart[loc] = lineFunction.length;
    for (let k = l.lineStart[loc]; k < l.lineStart[loc + 1]; k++) {
      if (!keep[k]) continue;
      lineFunction.push(l.lineFunction[k]);
      lineNumber.push(l.lineNumber[k]);
    }
  }
  lineStart[l.count] = lineFunction.length;
  return { ...l, lineStart, lineFunction: Int32Array.from(lineFunction), lineNumber: Float64Array.from(lineNumber) };
}

function cutStacks(s: SampleTable, edit: StackEdit): SampleTable {
  const locStart = new Uint32Array(s.count + 1);
  const locs: number[] = [];
  for (let i = 0; i < s.count; i++) {
    locStart[i] = locs.length;
    const from = s.locStart[i] + (edit.spanStart ? edit.spanStart[i] : 0);
    const to = edit.spanEnd ? s.locStart[i] + edit.spanEnd[i] : s.locStart[i + 1];
    for (let k = from; k < to; k++) {
      const loc = s.locs[k];
      if (!edit.hideLocation?.[loc]) locs.push(loc);
    }
  }
  locStart[s.count] = locs.length;
  return { ...s, locStart, locs: Uint32Array.from(locs) };
}
