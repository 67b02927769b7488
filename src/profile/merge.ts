import { type ProfileHeader, ProfileBuilder } from './builder.js';
import { ProfileError } from './errors.js';
import type { Mapping, Profile, SampleTable, ValueType } from './model.js';
import { FunctionTable } from './function-table.js';
import { LocationTable } from './location-table.js';
import { type SampleSource, SampleMerger, allZero } from './merge-samples.js';
import { simplifyFunctionNames } from './simplify-names.js';

/**
 * Merges profiles as pprof does on every load (one profile included): samples whose values are all
 * zero are dropped; samples with the same stack and labels are summed; identical functions,
 * locations and mappings become one, renumbered from 1 in order of first use (the first profile's
 * first mapping first, as it names the main binary). If summing leaves zero samples, merge again.
 * The inputs are left as they are.
 */
export function mergeProfiles(profiles: readonly Profile[]): Profile {
  return merge(profiles, false);
}

/**
 * The merge of one profile (pprof's normalisation of every profile it loads), reusing `p`'s
 * sample columns for the result: `p` must not be used afterwards. Function names are then
 * simplified as pprof's symbolizer leaves them (simplify-names.ts).
 *
 * With `mergeOnLoad` false, for reports that only ever sum samples (a one-shot `-top`, `-list`,
 * ...), `p` is kept as it was resolved, unmerged, with only its comments made unique (the header
 * prints them). Their numbers come out the same:
 * - samples with the same stack and labels, kept apart, sum as they would folded, since whole
 *   numbers below 2^53 add exactly in any grouping;
 * - functions and locations the merge would make one have the same names, files, lines and
 *   addresses, and those are what the reports' nodes are keyed by, never an index;
 * - a sample whose values are all zero, which the merge drops, weighs nothing in any sum, and
 *   the reports list only nodes with some weight.
 * A profile where that does not hold is merged all the same: one with a negative or fractional
 * value (see sumsDependOnFolding), or with two mappings the merge would make one (it moves the
 * second one's addresses into the first).
 */
export function normalizeProfile(p: Profile, mergeOnLoad = true): Profile {
  if (mergeOnLoad || sumsDependOnFolding(p.samples) || hasMappingsToMerge(p)) return simplifyFunctionNames(merge([p], true));
  return simplifyFunctionNames(withUniqueComments(p));
}

/**
 * `p` with its header and each sample type's sum of absolute values (what a console greets with)
 * as normalizeProfile would leave them, without folding its samples: only the comments change.
 * Null where folding would change a sum. Folding also drops the samples whose values are all
 * zero (`zeroSamples` says if there are any), which weigh nothing but may carry labels.
 */
export function headerAsNormalized(p: Profile): { readonly profile: Profile; readonly zeroSamples: boolean } | null {
  return sumsDependOnFolding(p.samples) ? null : { profile: withUniqueComments(p), zeroSamples: hasZeroSample(p.samples) };
}

/** `p` with each comment once, as the merge leaves them (a writer may repeat one). */
function withUniqueComments(p: Profile): Profile {
  const comments = [...new Set(p.comments)];
  return comments.length === p.comments.length ? p : { ...p, comments };
}

function merge(profiles: readonly Profile[], consume: boolean): Profile {
  const header = combineHeaders(profiles);
  const b = new ProfileBuilder(header.sampleTypes.length);
  const locationCount = profiles.reduce((n, p) => n + p.locations.count, 0);
  const functionCount = profiles.reduce((n, p) => n + p.functions.count, 0);
  const keys: MergeKeys = { mapping: new Map(), fn: new FunctionTable(functionCount), loc: new LocationTable(locationCount) };
  const mappers = profiles.map((p) => new SourceMapper(p, b, keys));
  const samples = new SampleMerger(mappers, consume && profiles.length === 1 ? profiles[0].samples : null);
  for (const [i, m] of mappers.entries()) {
    if (b.mappings.length === 0 && profiles[i].mappings.length > 0) m.mapping(0);
    samples.addAll(m);
  }
  const result = b.finishWith(header, samples.finish());
  return hasZeroSample(result.samples) ? mergeProfiles([result]) : result;
}

/** True when some sample's values are all zero (duplicates summed to nothing). */
function hasZeroSample({ values, count, valuesPerSample: n }: SampleTable): boolean {
  for (let s = 0; s < count; s++) if (allZero(values, s * n, n)) return true;
  return false;
}

/**
 * True when folding repeats could change a sum: a negative value (repeats that sum to zero are
 * dropped when folded, and a node only they reach goes with them), or one that is not a whole
 * number below 2^53 (sums would depend on the order they are added in).
 */
function sumsDependOnFolding({ values }: SampleTable): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Math.floor(v) === v)) return true;
  }
  return false;
}

/** What makes two mappings one: size (rounded to 4 KiB), offset, and build id or else file. */
function mappingKey(m: Mapping): string {
  const size = Math.ceil((m.limit - m.start) / 0x1000) * 0x1000;
  return `${size}/${m.offset}/${m.buildId || m.file}`;
}

/** True when merging `p` would make two of its mappings one. */
function hasMappingsToMerge(p: Profile): boolean {
  const keys = new Set(p.mappings.map(mappingKey));
  return keys.size !== p.mappings.length;
}

/** What identifies merged mappings (key strings), functions and locations, to find repeats. */
interface MergeKeys {
  readonly mapping: Map<string, number>;
  readonly fn: FunctionTable;
  readonly loc: LocationTable;
}

/** Maps one source profile's mappings, functions and locations to merged indices, memoised. */
class SourceMapper implements SampleSource {
  private readonly mappings: Int32Array;
  private readonly addressShift: Float64Array;
  private readonly functions: Int32Array;
  readonly locationIndex: Int32Array;
  private readonly strings: Int32Array;
  /** A location's lines as merged function indices and line numbers, reused from one to the next. */
  private readonly lineFns: number[] = [];
  private readonly lineNumbers: number[] = [];

  readonly samples: SampleTable;

  constructor(
    private readonly p: Profile,
    private readonly b: ProfileBuilder,
    private readonly keys: MergeKeys,
  ) {
    this.mappings = new Int32Array(p.mappings.length).fill(-2);
    this.addressShift = new Float64Array(p.mappings.length);
    this.functions = new Int32Array(p.functions.count).fill(-2);
    this.locationIndex = new Int32Array(p.locations.count).fill(-2);
    this.strings = new Int32Array(p.strings.length).fill(-1);
    this.samples = p.samples;
  }

  /** The merged string index of source string `i`. */
  string(i: number): number {
    if (this.strings[i] === -1) this.strings[i] = this.b.intern(this.p.strings[i]);
    return this.strings[i];
  }

  /** Merged index of mapping `i`. Mappings match by size (rounded to 4 KiB), offset, build id or file. */
  mapping(i: number): number {
    if (this.mappings[i] !== -2) return this.mappings[i];
    const m = this.p.mappings[i];
    const key = mappingKey(m);
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

  /**
   * Merged index of function `i`. Functions match by start line, name, system name and file: by
   * their merged string indices, each source string interned once (in this order, as a new
   * function's strings always were).
   */
  fn(i: number): number {
    if (this.functions[i] !== -2) return this.functions[i];
    const f = this.p.functions;
    const name = this.string(f.name[i]),
      system = this.string(f.systemName[i]),
      file = this.string(f.filename[i]);
    const startLine = f.startLine[i];
    let index = this.keys.fn.find(startLine, name, system, file);
    if (index < 0) {
      index = this.b.addFunctionStrings(name, system, file, startLine);
      this.keys.fn.add(startLine, name, system, file);
    }
    this.functions[i] = index;
    return index;
  }

  /** Merged index of location `i`. Locations match by mapping, address within it, folding and lines. */
  location(i: number): number {
    if (this.locationIndex[i] !== -2) return this.locationIndex[i];
    const { locations: l } = this.p;
    const mapping = l.mapping[i] >= 0 ? this.mapping(l.mapping[i]) : -1;
    const address = l.address[i] + (l.mapping[i] >= 0 ? this.addressShift[l.mapping[i]] : 0);
    const relative = mapping >= 0 ? address - this.b.mappings[mapping].start : address;
    const from = l.lineStart[i],
      n = l.lineStart[i + 1] - from;
    const { lineFns: fns, lineNumbers: numbers } = this;
    for (let k = 0; k < n; k++) {
      const fn = l.lineFunction[from + k];
      fns[k] = fn >= 0 ? this.fn(fn) : -1;
      numbers[k] = l.lineNumber[from + k];
    }
    const folded = l.isFolded[i];
    // The table numbers locations as the builder does: from 0, in the order they are added.
    let index = this.keys.loc.find(mapping, relative, folded, fns, numbers, n);
    if (index < 0) {
      index = this.b.addLocationLines(mapping, address, folded === 1, fns, numbers, n);
      this.keys.loc.add(mapping, relative, folded, fns, numbers, n);
    }
    this.locationIndex[i] = index;
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
    sampleTypes: first.sampleTypes,
    defaultSampleType,
    periodType: first.periodType,
    period,
    timeNanos,
    durationNanos,
    comments,
    dropFrames: first.dropFrames,
    keepFrames: first.keepFrames,
  };
}
