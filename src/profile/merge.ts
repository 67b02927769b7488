import { type ProfileHeader, ProfileBuilder, type SampleLabel } from './builder.js';
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
  const keys = { mapping: new Map<string, number>(), fn: new Map<string, number>(), loc: new Map<string, number>(), sample: new Map<string, number>() };
  for (const p of profiles) {
    const m = new SourceMapper(p, b, keys);
    if (b.mappings.length === 0 && p.mappings.length > 0) m.mapping(0);
    const { count, valuesPerSample: n, values: src, locStart, locs } = p.samples;
    for (let s = 0; s < count; s++) {
      if (isZero(src, s * n, n)) continue;
      const merged: number[] = [];
      for (let i = locStart[s]; i < locStart[s + 1]; i++) merged.push(m.location(locs[i]));
      const labels = sampleLabels(p, s);
      const key = `${merged.join('|')}#${labelKey(labels)}`;
      let index = keys.sample.get(key);
      if (index === undefined) {
        index = b.addSample(merged, labels);
        keys.sample.set(key, index);
        for (let i = 0; i < n; i++) values.push(src[s * n + i]);
      } else {
        for (let i = 0; i < n; i++) values.addAt(index * n + i, src[s * n + i]);
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

  constructor(
    private readonly p: Profile,
    private readonly b: ProfileBuilder,
    private readonly keys: { mapping: Map<string, number>; fn: Map<string, number>; loc: Map<string, number> },
  ) {
    this.mappings = new Int32Array(p.mappings.length).fill(-2);
    this.addressShift = new Float64Array(p.mappings.length);
    this.functions = new Int32Array(p.functions.count).fill(-2);
    this.locations = new Int32Array(p.locations.count).fill(-2);
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

/** The labels of sample `s`, less the all-zero ones Go's decoder drops. */
function sampleLabels(p: Profile, s: number): SampleLabel[] {
  const { samples: ss, strings } = p;
  const labels: SampleLabel[] = [];
  for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
    if (ss.labelStr[i] === 0 && ss.labelNum[i] === 0 && ss.labelNumUnit[i] === 0) continue;
    labels.push({ key: strings[ss.labelKey[i]], str: strings[ss.labelStr[i]], num: ss.labelNum[i], unit: strings[ss.labelNumUnit[i]] });
  }
  return labels;
}

/** Labels in a canonical order, so the same label set gives the same key. */
function labelKey(labels: readonly SampleLabel[]): string {
  if (labels.length === 0) return '';
  if (labels.length === 1) return JSON.stringify(labels[0]);
  return labels.map((l) => JSON.stringify(l)).sort().join('');
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
