import { type ProfileHeader, ProfileBuilder } from './builder.js';
import { ProfileError } from './errors.js';
import { Growable } from './growable.js';
import type { Profile, ValueType } from './model.js';

/**
 * Merges profiles as pprof does on every load (one profile included): samples whose values are all
 * zero are dropped; samples with the same stack and labels are summed; identical functions,
 * locations and mappings become one, renumbered from 1 in order of first use (the first profile's
 * first mapping first, as it names the main binary). If summing leaves zero samples, merge again.
 */
export function mergeProfiles(profiles: readonly Profile[]): Profile {
  const header = combineHeaders(profiles);
  const typeCount = header.sampleTypes.length;
  const b = new ProfileBuilder(typeCount);
  const values = new Growable(Float64Array, 4096);
  const keys = { mapping: new Map<string, number>(), fn: new Map<string, number>(), loc: new Map<string, number>() };
  const index = new SampleIndex(b);
  let locs = new Uint32Array(256);
  for (const p of profiles) {
    const m = new SourceMapper(p, b, keys);
    if (b.mappings.length === 0 && p.mappings.length > 0) m.mapping(0);
    const { count, valuesPerSample: n, values: src, locStart, locs: sourceLocs } = p.samples;
    for (let s = 0; s < count; s++) {
      if (isZero(src, s * n, n)) continue;
      const depth = locStart[s + 1] - locStart[s];
      if (depth > locs.length) locs = new Uint32Array(depth * 2);
      for (let i = 0; i < depth; i++) locs[i] = m.location(sourceLocs[locStart[s] + i]);
      const labels = m.labels(s);
      const found = index.find(locs, depth, labels);
      if (found === -1) {
        index.add(b.addSample(locs, labels, depth));
        for (let i = 0; i < n; i++) values.push(src[s * n + i]);
      } else {
        for (let i = 0; i < n; i++) values.addAt(found * n + i, src[s * n + i]);
      }
    }
  }
  const result = b.finish(header, values.finish());
  for (let s = 0; s < result.samples.count; s++) {
    if (isZero(result.samples.values, s * typeCount, typeCount)) return mergeProfiles([result]);
  }
  return result;
}

function isZero(values: Float64Array, from: number, n: number): boolean {
  for (let i = from; i < from + n; i++) if (values[i] !== 0) return false;
  return true;
}

/** Maps one source profile's mappings, functions and locations to merged indices, memoised. */
class SourceMapper {
  private readonly mappings: Int32Array;
  private readonly addressShift: Float64Array;
  private readonly functions: Int32Array;
  private readonly locations: Int32Array;
  private readonly strings: Int32Array;

  constructor(
    private readonly p: Profile,
    private readonly b: ProfileBuilder,
    private readonly keys: { mapping: Map<string, number>; fn: Map<string, number>; loc: Map<string, number> },
  ) {
    this.mappings = new Int32Array(p.mappings.length).fill(-2);
    this.addressShift = new Float64Array(p.mappings.length);
    this.functions = new Int32Array(p.functions.count).fill(-2);
    this.locations = new Int32Array(p.locations.count).fill(-2);
    this.strings = new Int32Array(p.strings.length).fill(-1);
  }

  /**
   * The labels of sample `s` as interned (key, str, num, unit) quadruples, less the all-zero ones
   * Go's decoder drops, in a canonical order so equal label sets compare equal.
   */
  labels(s: number): number[] {
    const { samples: ss } = this.p;
    const out: number[] = [];
    for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
      if (ss.labelStr[i] === 0 && ss.labelNum[i] === 0 && ss.labelNumUnit[i] === 0) continue;
      out.push(this.string(ss.labelKey[i]), this.string(ss.labelStr[i]), ss.labelNum[i], this.string(ss.labelNumUnit[i]));
    }
    return out.length > 4 ? sortQuadruples(out) : out;
  }

  /** The merged string index of source string `i`. */
  private string(i: number): number {
    if (this.strings[i] === -1) this.strings[i] = this.b.intern(this.p.strings[i]);
    return this.strings[i];
  }

  /** Merged index of mapping `i`. Mappings match by size (rounded to 4 KiB), offset, build id or file. */
  mapping(i: number): number {
    if (this.mappings[i] !== -2) return this.mappings[i];
    const m = this.p.mappings[i];
    const size = Math.ceil((m.limit - m.start) / 0x1000) * 0x1000;
    const key = `${size}/${m.offset}/${m.buildId || m.file}`;
    let index = this.keys.mapping.get(key);
    if (index === undefined) {
      index = this.b.mappings.length;
      this.b.mappings.push({ ...m, id: index + 1 });
      this.keys.mapping.set(key, index);
    }
    this.mappings[i] = index;
    // Addresses move with the mapping they are in (address-space randomisation).
    this.addressShift[i] = this.b.mappings[index].start - m.start;
    return index;
  }

  /** Merged index of function `i`. Functions match by start line, name, system name and file. */
  fn(i: number): number {
    if (this.functions[i] !== -2) return this.functions[i];
    const { functions: f, strings } = this.p;
    const name = strings[f.name[i]], system = strings[f.systemName[i]], file = strings[f.filename[i]];
    const key = `${f.startLine[i]}\u0000${name}\u0000${system}\u0000${file}`;
    let index = this.keys.fn.get(key);
    if (index === undefined) {
      index = this.b.addFunction(name, system, file, f.startLine[i]);
      this.keys.fn.set(key, index);
    }
    this.functions[i] = index;
    return index;
  }

  /** Merged index of location `i`. Locations match by mapping, address within it, folding and lines. */
  location(i: number): number {
    if (this.locations[i] !== -2) return this.locations[i];
    const { locations: l } = this.p;
    const mapping = l.mapping[i] >= 0 ? this.mapping(l.mapping[i]) : -1;
    const address = l.address[i] + (l.mapping[i] >= 0 ? this.addressShift[l.mapping[i]] : 0);
    const lines: [number, number][] = [];
    for (let k = l.lineStart[i]; k < l.lineStart[i + 1]; k++) {
      lines.push([l.lineFunction[k] >= 0 ? this.fn(l.lineFunction[k]) : -1, l.lineNumber[k]]);
    }
    const relative = mapping >= 0 ? address - this.b.mappings[mapping].start : address;
    const key = `${relative}/${mapping}/${l.isFolded[i]}/${lines.map(([f, n]) => `${f}:${n}`).join('|')}`;
    let index = this.keys.loc.get(key);
    if (index === undefined) {
      index = this.b.addLocation(mapping, address, l.isFolded[i] === 1, lines);
      this.keys.loc.set(key, index);
    }
    this.locations[i] = index;
    return index;
  }
}

/** The merged header; profiles must agree on period and sample types. */
function combineHeaders(profiles: readonly Profile[]): ProfileHeader {
  if (profiles.length === 0) throw new ProfileError('malformed', 'no profiles to merge');
  const first = profiles[0];
  const show = (types: readonly ValueType[]) => `[${types.map((t) => `${t.type}/${t.unit}`).join(' ')}]`;
  let timeNanos = 0n;
  let durationNanos = 0n;
  let period = 0;
  const comments: string[] = [];
  let defaultSampleType = '';
  for (const p of profiles) {
    if (show(p.sampleTypes) !== show(first.sampleTypes)) {
      throw new ProfileError('malformed', `incompatible sample types ${show(first.sampleTypes)} and ${show(p.sampleTypes)}`);
    }
    if (show([p.periodType]) !== show([first.periodType])) {
      throw new ProfileError('malformed', `incompatible period types ${show([first.periodType])} and ${show([p.periodType])}`);
    }
    if (timeNanos === 0n || p.timeNanos < timeNanos) timeNanos = p.timeNanos;
    durationNanos += p.durationNanos;
    if (period === 0 || period < p.period) period = p.period;
    for (const c of p.comments) if (!comments.includes(c)) comments.push(c);
    if (defaultSampleType === '') defaultSampleType = p.defaultSampleType;
  }
  return {
    sampleTypes: first.sampleTypes, defaultSampleType, periodType: first.periodType, period,
    timeNanos, durationNanos, comments, dropFrames: first.dropFrames, keepFrames: first.keepFrames,
  };
}

/**
 * Orders labels by key and keeps each key's values in their order: pprof compares label sets key
 * by key with the values in order, and keeps that order (`tenant:[initech acme]` stays so).
 */
function sortQuadruples(flat: number[]): number[] {
  const quads: number[][] = [];
  for (let i = 0; i < flat.length; i += 4) quads.push(flat.slice(i, i + 4));
  quads.sort((a, b) => a[0] - b[0]);
  return quads.flat();
}

/** Finds merged samples by stack and labels: a numeric hash, chained, checked against the builder. */
class SampleIndex {
  private readonly heads = new Map<number, number>();
  private readonly next = new Growable(Int32Array, 1024);
  private lastHash = 0;

  constructor(private readonly b: ProfileBuilder) {}

  /** The merged sample with these locations and labels, or -1; remembers the hash for `add`. */
  find(locs: Uint32Array, depth: number, labels: readonly number[]): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < depth; i++) h = Math.imul(h ^ locs[i], 16777619);
    for (const v of labels) h = Math.imul(h ^ (v | 0) ^ Math.floor(v / 4294967296), 16777619);
    this.lastHash = h;
    for (let i = this.heads.get(h) ?? -1; i !== -1; i = this.next.at(i)) {
      if (this.b.sameSample(i, locs, depth, labels)) return i;
    }
    return -1;
  }

  /** Records sample `index`, just added, under the hash of the last `find`. */
  add(index: number): void {
    this.next.push(this.heads.get(this.lastHash) ?? -1);
    this.heads.set(this.lastHash, index);
  }
}
