/**
 * A legacy profile as its parser reads it, before it becomes the read-only model: objects that
 * the memory-map and pruning steps move around as pprof does, with 64-bit addresses kept exact.
 * `buildLegacyProfile` turns it into a Profile.
 */
import { ProfileBuilder } from './builder.js';
import { pruneFrames } from './legacy-prune.js';
import { utf8 } from './legacy-text.js';
import type { Mapping, Profile, ValueType, WideMappingFields } from './model.js';
import { noSamples } from './model-checks.js';

/** A function named by the profile itself (Java's location lines, Go's `#` lines). */
export interface LegacyFunction {
  readonly name: string;
  readonly file: string;
}

/** One line of a location: a function and a line number. */
export interface LegacyLine {
  readonly fn: LegacyFunction;
  readonly line: number;
}

/** A mapping of the memory map (a binary or a library), or pprof's stand-in for one. */
export interface LegacyMapping {
  start: bigint;
  limit: bigint;
  offset: bigint;
  file: string;
  buildId: string;
}

/** A location: an address, the mapping it falls in, and its lines (none until symbolized). */
export interface LegacyLocation {
  address: bigint;
  mapping: LegacyMapping | null;
  lines: LegacyLine[];
}

/** A sample: its values, its stack (leaf first) and, in heap profiles, the block size. */
export interface LegacySample {
  readonly values: number[];
  locations: LegacyLocation[];
  readonly blockSize: number | null;
}

/** The whole legacy profile, mutable while its parser works on it. */
export class LegacyProfile {
  period = 0;
  periodType: ValueType = { type: '', unit: '' };
  durationNanos = 0n;
  dropFrames = '';
  keepFrames = '';
  /** Frames were named from Go's `#` lines (beyond pprof), so the mappings say they have names. */
  namedByComments = false;
  samples: LegacySample[] = [];
  locations: LegacyLocation[] = [];
  mappings: LegacyMapping[] = [];
  /** Locations by address, so each address is one location, as pprof's parsers share them. */
  private readonly byAddress = new Map<bigint, LegacyLocation>();

  constructor(public sampleTypes: ValueType[]) {}

  /** The location at `address`, made on first use. */
  locationAt(address: bigint): LegacyLocation {
    let loc = this.byAddress.get(address);
    if (!loc) {
      loc = { address, mapping: null, lines: [] };
      this.byAddress.set(address, loc);
      this.locations.push(loc);
    }
    return loc;
  }

  /** The location already made for `address`, if any. */
  existingLocation(address: bigint): LegacyLocation | undefined {
    return this.byAddress.get(address);
  }

  /** Adds a sample whose stack is given as addresses (leaf first). */
  addSample(values: number[], addresses: readonly bigint[], blockSize: number | null = null): void {
    this.samples.push({ values, locations: addresses.map((a) => this.locationAt(a)), blockSize });
  }

  /** Keeps only the locations some sample uses, in order of first use (pprof's remapLocationIDs). */
  keepUsedLocations(): void {
    const used = new Set<LegacyLocation>();
    for (const s of this.samples) for (const loc of s.locations) used.add(loc);
    this.locations = [...used];
  }
}

/**
 * The read-only model of a legacy profile. As pprof's driver does, a profile without mappings gets
 * one empty mapping for all its locations. Once frames have names, stacks are pruned of the
 * profile's drop_frames (pprof's RemoveUninteresting).
 */
export function buildLegacyProfile(lp: LegacyProfile): Profile {
  // No sample types and no samples (a Java profile without its resolution): pprof loads it, then
  // has nothing to report.
  if (lp.sampleTypes.length === 0) throw noSamples();
  const locations = usedLocations(lp);
  const indexOf = new Map(locations.map((loc, i) => [loc, i]));
  const stacks = lp.samples.map((s) => s.locations.map((loc) => indexOf.get(loc)!));
  const dropped =
    lp.dropFrames === ''
      ? locations.map(() => 0)
      : pruneFrames(
          locations.map((l) => l.lines.map((line) => line.fn.name)),
          stacks,
          lp.dropFrames,
          lp.keepFrames,
        );
  const b = new ProfileBuilder(lp.sampleTypes.length);
  const mappings = lp.mappings.length > 0 ? lp.mappings : [{ start: 0n, limit: 0n, offset: 0n, file: '', buildId: '' }];
  const flags = {
    symbolized: lp.namedByComments && locations.some((l) => l.lines.length > 0),
    inlined: lp.namedByComments && locations.some((l) => l.lines.length > 1),
  };
  mappings.forEach((m, i) => b.mappings.push(toMapping(m, i + 1, flags)));
  const functions = new Map<LegacyFunction, number>();
  locations.forEach((loc, l) => {
    const lines = loc.lines.slice(dropped[l] < loc.lines.length ? dropped[l] : 0).map((line): [number, number] => {
      let fn = functions.get(line.fn);
      if (fn === undefined) functions.set(line.fn, (fn = b.addFunction(utf8(line.fn.name), utf8(line.fn.name), utf8(line.fn.file), 0)));
      return [fn, line.line];
    });
    const mapping = lp.mappings.length === 0 ? 0 : loc.mapping ? lp.mappings.indexOf(loc.mapping) : -1;
    b.addLocation(mapping, Number(loc.address), false, lines);
  });
  const width = lp.sampleTypes.length;
  const values = new Float64Array(lp.samples.length * width);
  const bytes = b.intern('bytes');
  lp.samples.forEach((s, i) => {
    b.addSample(stacks[i], s.blockSize === null ? [] : [bytes, 0, s.blockSize, 0]);
    values.set(s.values, i * width);
  });
  const text = (t: ValueType): ValueType => ({ type: utf8(t.type), unit: utf8(t.unit) });
  return b.finish(
    {
      sampleTypes: lp.sampleTypes.map(text),
      defaultSampleType: '',
      periodType: text(lp.periodType),
      period: lp.period,
      timeNanos: 0n,
      durationNanos: lp.durationNanos,
      comments: [],
      dropFrames: lp.dropFrames,
      keepFrames: lp.keepFrames,
    },
    values,
  );
}

/** The profile's locations, and any a sample uses that a parser did not list, in order. */
function usedLocations(lp: LegacyProfile): LegacyLocation[] {
  const listed = new Set(lp.locations);
  const extra = new Set<LegacyLocation>();
  for (const s of lp.samples) for (const loc of s.locations) if (!listed.has(loc)) extra.add(loc);
  return extra.size === 0 ? lp.locations : [...lp.locations, ...extra];
}

/**
 * A model mapping, its bounds past 2^53 (the mapping over everything ends at 2^64-1) kept exact in
 * `wide`. heapcli's own names (Go's `#` lines) set the flags pprof's symbolizer would.
 */
function toMapping(m: LegacyMapping, id: number, flags: { symbolized: boolean; inlined: boolean }): Mapping {
  const wide: WideMappingFields = {};
  for (const field of ['start', 'limit', 'offset'] as const) if (m[field] > BigInt(Number.MAX_SAFE_INTEGER)) wide[field] = m[field];
  return {
    id,
    start: Number(m.start),
    limit: Number(m.limit),
    offset: Number(m.offset),
    file: utf8(m.file),
    buildId: utf8(m.buildId),
    hasFunctions: flags.symbolized,
    hasFilenames: flags.symbolized,
    hasLineNumbers: flags.symbolized,
    hasInlineFrames: flags.inlined,
    ...(Object.keys(wide).length > 0 ? { wide } : {}),
  };
}
