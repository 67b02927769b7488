/**
 * Builders of profile.proto messages for tests, in the plain-object form `encodeProfile` takes.
 * Tests describe samples by function names; the builder interns strings, functions and locations
 * so each test reads as the profile it means rather than as a table of indices.
 */
import { encodeProfile, type ProfileMessage } from '../../tools/profile-pb/encode.js';
import { parseProfile } from '../../src/profile/decode.js';
import type { Profile } from '../../src/profile/model.js';

/** One line of a location: a function (by name) and a line number in it. */
export interface LineSpec {
  readonly fn: string;
  readonly line?: number;
  readonly file?: string;
  readonly systemName?: string;
  readonly startLine?: number;
}

/**
 * A location. `lines` go innermost first, as profile.proto orders them: with inlining, the
 * inlined callee comes first and the real (calling) frame last.
 */
export interface LocationSpec {
  readonly lines: readonly (string | LineSpec)[];
  readonly address?: number;
  /** A mapping id; 0 for none. Defaults to the first mapping's id when there are mappings. */
  readonly mapping?: number;
  readonly folded?: boolean;
}

/** A frame of a stack: a function name (one line, no inlining) or a whole location. */
export type FrameSpec = string | LocationSpec;

/** A label: a string value, or a number with an optional unit. */
export interface LabelSpec {
  readonly key: string;
  readonly str?: string;
  readonly num?: number;
  readonly unit?: string;
}

/** A sample: its stack leaf first (as `location_id` is ordered), values, labels. */
export interface SampleSpec {
  readonly stack: readonly FrameSpec[];
  readonly values: readonly number[];
  readonly labels?: readonly LabelSpec[];
}

/** A mapping; fields default to those of `DEFAULT_MAPPING`. */
export interface MappingSpec {
  readonly id?: number;
  readonly start?: number;
  readonly limit?: number;
  readonly offset?: number;
  readonly file?: string;
  readonly buildId?: string;
  readonly hasFunctions?: boolean;
  readonly hasFilenames?: boolean;
  readonly hasLineNumbers?: boolean;
  readonly hasInlineFrames?: boolean;
}

/** Everything a test may say about a profile; unset fields take Go heap-profile defaults. */
export interface ProfileSpec {
  readonly samples?: readonly SampleSpec[];
  readonly sampleTypes?: readonly (readonly [string, string])[];
  readonly periodType?: readonly [string, string];
  readonly period?: number;
  readonly defaultSampleType?: string;
  readonly timeNanos?: bigint;
  readonly durationNanos?: bigint;
  readonly comments?: readonly string[];
  readonly dropFrames?: string;
  readonly keepFrames?: string;
  /** Defaults to `[DEFAULT_MAPPING]`; `[]` for a profile without mappings. */
  readonly mappings?: readonly MappingSpec[];
  /** Ids to give the n-th (0-based) interned location / function; 1-based in order by default. */
  readonly ids?: { readonly location?: (n: number) => number | bigint; readonly function?: (n: number) => number | bigint };
}

/** The sample types of a Go heap profile, in the order the runtime writes them. */
export const GO_HEAP_TYPES: readonly (readonly [string, string])[] = [
  ['alloc_objects', 'count'],
  ['alloc_space', 'bytes'],
  ['inuse_objects', 'count'],
  ['inuse_space', 'bytes'],
];

/** A main-binary mapping like the Go runtime writes for a non-PIE executable. */
export const DEFAULT_MAPPING: Required<MappingSpec> = {
  id: 1,
  start: 0x400000,
  limit: 0x4b6000,
  offset: 0,
  file: '/bin/app',
  buildId: '',
  hasFunctions: true,
  hasFilenames: false,
  hasLineNumbers: false,
  hasInlineFrames: false,
};

/** Where the default addresses of locations start (inside DEFAULT_MAPPING). */
export const FIRST_ADDRESS = 0x401000;

/**
 * A 64-bit integer in the form protobufjs's writer accepts exactly (low and high words): numbers
 * past 2^53 would be rounded. Typed as a number because the generated message types say so.
 */
export function int64(value: number | bigint): number {
  if (typeof value === 'number') return value;
  const bits = BigInt.asUintN(64, value);
  return { low: Number(bits & 0xffffffffn) | 0, high: Number(bits >> 32n) | 0, unsigned: value >= 0n } as unknown as number;
}

/** Builds a profile.proto message (see ProfileSpec) ready for `encodeProfile`. */
export function heapMessage(spec: ProfileSpec = {}): ProfileMessage {
  const strings = new Map<string, number>([['', 0]]);
  const str = (s: string): number => {
    if (!strings.has(s)) strings.set(s, strings.size);
    return strings.get(s)!;
  };
  const valueType = ([type, unit]: readonly [string, string]) => ({ type: str(type), unit: str(unit) });
  // Sample and period types first, so their names get the low string indices a Go writer gives them.
  const sampleType = (spec.sampleTypes ?? GO_HEAP_TYPES).map(valueType);
  const periodType = valueType(spec.periodType ?? ['space', 'bytes']);
  const mappings = (spec.mappings ?? [DEFAULT_MAPPING]).map((m, i) => ({ ...DEFAULT_MAPPING, id: i + 1, ...m }));
  const defaultMapping = mappings.length > 0 ? mappings[0].id : 0;

  const functions: ProfileMessage['function'] & object = [];
  const functionIds = new Map<string, number>();
  const fnId = (l: LineSpec): number => {
    const file = l.file ?? 'main.go';
    const key = JSON.stringify([l.fn, l.systemName ?? l.fn, file, l.startLine ?? 0]);
    if (!functionIds.has(key)) {
      const id = int64(spec.ids?.function?.(functionIds.size) ?? functionIds.size + 1);
      functionIds.set(key, id);
      functions.push({ id, name: str(l.fn), systemName: str(l.systemName ?? l.fn), filename: str(file), startLine: l.startLine ?? 0 });
    }
    return functionIds.get(key)!;
  };

  const locations: ProfileMessage['location'] & object = [];
  const locationIds = new Map<string, number>();
  const locId = (frame: FrameSpec): number => {
    const loc: LocationSpec = typeof frame === 'string' ? { lines: [frame] } : frame;
    const key = JSON.stringify(loc);
    if (!locationIds.has(key)) {
      const n = locationIds.size;
      const id = int64(spec.ids?.location?.(n) ?? n + 1);
      locationIds.set(key, id);
      const lines = loc.lines.map((l) => (typeof l === 'string' ? { fn: l } : l));
      locations.push({
        id,
        mappingId: loc.mapping ?? defaultMapping,
        address: loc.address ?? FIRST_ADDRESS + 0x100 * n,
        line: lines.map((l) => ({ functionId: fnId(l), line: l.line ?? 0 })),
        isFolded: loc.folded ?? false,
      });
    }
    return locationIds.get(key)!;
  };

  const sample = (spec.samples ?? []).map((s) => ({
    locationId: s.stack.map(locId),
    value: s.values.map(int64),
    label: (s.labels ?? []).map((l) => ({
      key: str(l.key),
      str: l.str === undefined ? 0 : str(l.str),
      num: l.num ?? 0,
      numUnit: l.unit === undefined ? 0 : str(l.unit),
    })),
  }));

  return {
    sampleType,
    sample,
    mapping: mappings.map((m) => ({
      id: m.id,
      memoryStart: m.start,
      memoryLimit: m.limit,
      fileOffset: m.offset,
      filename: str(m.file),
      buildId: str(m.buildId),
      hasFunctions: m.hasFunctions,
      hasFilenames: m.hasFilenames,
      hasLineNumbers: m.hasLineNumbers,
      hasInlineFrames: m.hasInlineFrames,
    })),
    location: locations,
    function: functions,
    dropFrames: str(spec.dropFrames ?? ''),
    keepFrames: str(spec.keepFrames ?? ''),
    timeNanos: int64(spec.timeNanos ?? 0n),
    durationNanos: int64(spec.durationNanos ?? 0n),
    periodType,
    period: spec.period ?? 524288,
    comment: (spec.comments ?? []).map(str),
    defaultSampleType: str(spec.defaultSampleType ?? ''),
    // Last, after every str() call above has interned its string.
    stringTable: [...strings.keys()],
  };
}

/** Encodes and decodes a spec (through gzip, as profiles come), without the load-time merge. */
export function decodeSpec(spec: ProfileSpec = {}): Profile {
  return parseProfile(encodeProfile(heapMessage(spec)));
}

/** mulberry32: a small seeded PRNG, so random-input tests fail the same way every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `length` pseudo-random bytes drawn from `next`. */
export function randomBytes(next: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

/** The bytes of several arrays one after another (protobuf messages concatenate as a merge). */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
