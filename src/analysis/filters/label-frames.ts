import type { Profile } from '../../profile/model.js';
import { scaledLabel } from '../values/units.js';

/** The values of label `key` on sample `s`: strings first, then numbers in `unit` (pprof's order). */
function labelValues(p: Profile, s: number, key: string, unit: string): string[] {
  const { samples: ss, strings } = p;
  const text: string[] = [];
  const numbers: string[] = [];
  for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
    if (strings[ss.labelKey[i]] !== key) continue;
    if (ss.labelStr[i] !== 0) text.push(strings[ss.labelStr[i]]);
    else if (ss.labelNum[i] !== 0 || ss.labelNumUnit[i] !== 0) numbers.push(scaledLabel(ss.labelNum[i], strings[ss.labelNumUnit[i]], unit));
  }
  return [...text, ...numbers];
}

/** Splits a comma-separated list of label keys. */
export function labelKeys(value: string): string[] {
  return value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/**
 * tagroot/tagleaf: each sample gets a pseudo-frame per key, named by its values joined with ','
 * (empty when the sample has no such label) and filed under the key, above its root or below its
 * leaf; the first key is nearest the root. Samples stay one-to-one with `p`.
 */
export function addLabelFrames(
  p: Profile,
  rootKeys: string[],
  leafKeys: string[],
  unit: string,
): { profile: Profile; rootMatched: boolean; leafMatched: boolean } {
  const strings = [...p.strings];
  const stringIndex = new Map(strings.map((s, i) => [s, i]));
  const intern = (s: string) => stringIndex.get(s) ?? (stringIndex.set(s, strings.push(s) - 1), strings.length - 1);
  const { functions: f, locations: l, samples: ss } = p;
  const fn = { id: [...f.id], name: [...f.name], systemName: [...f.systemName], filename: [...f.filename], startLine: [...f.startLine] };
  const loc = {
    id: [...l.id],
    mapping: [...l.mapping],
    address: [...l.address],
    isFolded: [...l.isFolded],
    lineStart: [...l.lineStart.subarray(0, l.count)],
    lineFunction: [...l.lineFunction],
    lineNumber: [...l.lineNumber],
  };
  const made = new Map<string, number>();
  const maxFn = f.id.reduce((a, b) => Math.max(a, b), 0);
  const maxLoc = l.id.reduce((a, b) => Math.max(a, b), 0);
  const frameFor = (name: string, key: string): number => {
    const k = `${name}\u0000${key}`;
    let index = made.get(k);
    if (index === undefined) {
      fn.id.push(maxFn + made.size + 1);
      fn.name.push(intern(name));
      // pprof's label frames have no system name (its raw report shows them as `name ...()`).
      fn.systemName.push(intern(''));
      fn.filename.push(intern(key));
      fn.startLine.push(0);
      index = loc.id.length;
      loc.id.push(maxLoc + made.size + 1);
      loc.mapping.push(-1);
      loc.address.push(0);
      loc.isFolded.push(0);
      loc.lineStart.push(loc.lineFunction.length);
      loc.lineFunction.push(fn.id.length - 1);
      loc.lineNumber.push(0);
      made.set(k, index);
    }
    return index;
  };
  let rootMatched = false;
  let leafMatched = false;
  const frames = (s: number, keys: string[], onMatch: () => void) =>
    [...keys].reverse().map((key) => {
      const values = labelValues(p, s, key, unit);
      if (values.length > 0) onMatch();
      return frameFor(values.join(','), key);
    });
  const locStart = new Uint32Array(ss.count + 1);
  const locs: number[] = [];
  for (let s = 0; s < ss.count; s++) {
    locStart[s] = locs.length;
    locs.push(...frames(s, leafKeys, () => (leafMatched = true)));
    for (let i = ss.locStart[s]; i < ss.locStart[s + 1]; i++) locs.push(ss.locs[i]);
    locs.push(...frames(s, rootKeys, () => (rootMatched = true)));
  }
  locStart[ss.count] = locs.length;
  loc.lineStart.push(loc.lineFunction.length);
  const profile: Profile = {
    ...p,
    strings,
    functions: {
      count: fn.id.length,
      id: Float64Array.from(fn.id),
      name: Uint32Array.from(fn.name),
      systemName: Uint32Array.from(fn.systemName),
      filename: Uint32Array.from(fn.filename),
      startLine: Float64Array.from(fn.startLine),
    },
    locations: {
      count: loc.id.length,
      id: Float64Array.from(loc.id),
      mapping: Int32Array.from(loc.mapping),
      address: Float64Array.from(loc.address),
      isFolded: Uint8Array.from(loc.isFolded),
      lineStart: Uint32Array.from(loc.lineStart),
      lineFunction: Int32Array.from(loc.lineFunction),
      lineNumber: Float64Array.from(loc.lineNumber),
    },
    samples: { ...ss, locStart, locs: Uint32Array.from(locs) },
  };
  return { profile, rootMatched, leafMatched };
}
