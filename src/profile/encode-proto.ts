/**
 * Writes a profile as profile.proto (what `proto` and `topproto` save), with protobufjs's Writer.
 * Strings get a fresh table (only those used, "" first); ids are the model's own, so locations,
 * functions and mappings keep the numbers `raw` shows.
 */
import { createRequire } from 'node:module';
import protobuf from 'protobufjs/minimal.js';
import type { Mapping, Profile, ValueType } from './model.js';

type Fflate = typeof import('fflate');
let fflate: Fflate | undefined;

/**
 * Gzips with fflate, loaded (from node_modules, unbundled) when a profile is first written: its
 * module builds its tables when it loads, about 4 ms that every start paid when it was imported.
 */
function gzipSync(bytes: Uint8Array): Uint8Array {
  fflate ??= createRequire(import.meta.url)('fflate/browser') as Fflate;
  return fflate.gzipSync(bytes);
}

type Writer = protobuf.Writer;

/** Field numbers of proto/profile.proto's messages. */
const PROFILE = {
  sampleType: 1,
  sample: 2,
  mapping: 3,
  location: 4,
  function: 5,
  stringTable: 6,
  dropFrames: 7,
  keepFrames: 8,
  timeNanos: 9,
  durationNanos: 10,
  periodType: 11,
  period: 12,
  comment: 13,
  defaultSampleType: 14,
} as const;
const VALUE_TYPE = { type: 1, unit: 2 } as const;
const SAMPLE = { locationId: 1, value: 2, label: 3 } as const;
const LABEL = { key: 1, str: 2, num: 3, numUnit: 4 } as const;
const MAPPING = {
  id: 1,
  memoryStart: 2,
  memoryLimit: 3,
  fileOffset: 4,
  filename: 5,
  buildId: 6,
  hasFunctions: 7,
  hasFilenames: 8,
  hasLineNumbers: 9,
  hasInlineFrames: 10,
} as const;
const LOCATION = { id: 1, mappingId: 2, address: 3, line: 4, isFolded: 5 } as const;
const LINE = { functionId: 1, line: 2 } as const;
const FUNCTION = { id: 1, name: 2, systemName: 3, filename: 4, startLine: 5 } as const;

const VARINT = 0;
const LEN = 2;

/** What to write besides the profile itself. */
export interface EncodeOptions {
  /** Samples to leave out (1 = left out), as the filters mark them. */
  readonly exclude?: Uint8Array | null;
  /** Each sample value is multiplied by this and truncated to an integer (pprof's divide_by). */
  readonly ratio?: number;
  /** Gzip the result (default true, as pprof writes profiles). */
  readonly gzip?: boolean;
}

/** Encodes `p` as profile.proto bytes, gzipped unless `gzip` is false. */
export function encodeProfileProto(p: Profile, options: EncodeOptions = {}): Uint8Array {
  const strings = new StringTable();
  const w = protobuf.Writer.create();
  for (const t of p.sampleTypes) writeValueType(w, PROFILE.sampleType, t, strings);
  writeSamples(w, p, strings, options);
  for (const m of p.mappings) writeMapping(w, m, strings);
  writeLocations(w, p);
  writeFunctions(w, p, strings);
  writeInt(w, PROFILE.dropFrames, strings.index(p.dropFrames));
  writeInt(w, PROFILE.keepFrames, strings.index(p.keepFrames));
  writeInt(w, PROFILE.timeNanos, p.timeNanos);
  writeInt(w, PROFILE.durationNanos, p.durationNanos);
  writeValueType(w, PROFILE.periodType, p.periodType, strings);
  writeInt(w, PROFILE.period, p.period);
  if (p.comments.length > 0)
    writePacked(
      w,
      PROFILE.comment,
      p.comments.map((c) => strings.index(c)),
    );
  writeInt(w, PROFILE.defaultSampleType, strings.index(p.defaultSampleType));
  // The string table goes last: only now is it complete.
  for (const s of strings.all) w.uint32((PROFILE.stringTable << 3) | LEN).string(s);
  const bytes = w.finish();
  return options.gzip === false ? bytes : gzipSync(bytes);
}

/** Strings by first use, "" at index 0 as profile.proto requires. */
class StringTable {
  readonly all: string[] = [''];
  private readonly indices = new Map<string, number>([['', 0]]);

  index(s: string): number {
    let i = this.indices.get(s);
    if (i === undefined) {
      i = this.all.length;
      this.all.push(s);
      this.indices.set(s, i);
    }
    return i;
  }
}

function writeValueType(w: Writer, field: number, t: ValueType, strings: StringTable): void {
  w.uint32((field << 3) | LEN).fork();
  writeInt(w, VALUE_TYPE.type, strings.index(t.type));
  writeInt(w, VALUE_TYPE.unit, strings.index(t.unit));
  w.ldelim();
}

function writeSamples(w: Writer, p: Profile, strings: StringTable, options: EncodeOptions): void {
  const ss = p.samples;
  const ratio = options.ratio ?? 1;
  const values: number[] = [];
  for (let s = 0; s < ss.count; s++) {
    if (options.exclude?.[s]) continue;
    w.uint32((PROFILE.sample << 3) | LEN).fork();
    const ids: number[] = [];
    for (let i = ss.locStart[s]; i < ss.locStart[s + 1]; i++) ids.push(p.locations.id[ss.locs[i]]);
    writePacked(w, SAMPLE.locationId, ids);
    values.length = 0;
    for (let i = 0; i < ss.valuesPerSample; i++) {
      const v = ss.values[s * ss.valuesPerSample + i];
      values.push(Math.trunc(ratio === 1 ? v : v * ratio));
    }
    writePacked(w, SAMPLE.value, values);
    for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
      w.uint32((SAMPLE.label << 3) | LEN).fork();
      writeInt(w, LABEL.key, strings.index(p.strings[ss.labelKey[i]]));
      if (ss.labelStr[i] !== 0) writeInt(w, LABEL.str, strings.index(p.strings[ss.labelStr[i]]));
      else {
        writeInt(w, LABEL.num, ss.labelNum[i]);
        if (ss.labelNumUnit[i] !== 0) writeInt(w, LABEL.numUnit, strings.index(p.strings[ss.labelNumUnit[i]]));
      }
      w.ldelim();
    }
    w.ldelim();
  }
}

function writeMapping(w: Writer, m: Mapping, strings: StringTable): void {
  const wide = m.wide ?? {};
  w.uint32((PROFILE.mapping << 3) | LEN).fork();
  writeInt(w, MAPPING.id, m.id);
  writeInt(w, MAPPING.memoryStart, wide.start ?? m.start);
  writeInt(w, MAPPING.memoryLimit, wide.limit ?? m.limit);
  writeInt(w, MAPPING.fileOffset, wide.offset ?? m.offset);
  writeInt(w, MAPPING.filename, strings.index(m.file));
  writeInt(w, MAPPING.buildId, strings.index(m.buildId));
  writeBool(w, MAPPING.hasFunctions, m.hasFunctions);
  writeBool(w, MAPPING.hasFilenames, m.hasFilenames);
  writeBool(w, MAPPING.hasLineNumbers, m.hasLineNumbers);
  writeBool(w, MAPPING.hasInlineFrames, m.hasInlineFrames);
  w.ldelim();
}

function writeLocations(w: Writer, p: Profile): void {
  const { locations: ls, functions: fs, mappings } = p;
  for (let l = 0; l < ls.count; l++) {
    w.uint32((PROFILE.location << 3) | LEN).fork();
    writeInt(w, LOCATION.id, ls.id[l]);
    if (ls.mapping[l] >= 0) writeInt(w, LOCATION.mappingId, mappings[ls.mapping[l]].id);
    writeInt(w, LOCATION.address, ls.address[l]);
    for (let k = ls.lineStart[l]; k < ls.lineStart[l + 1]; k++) {
      w.uint32((LOCATION.line << 3) | LEN).fork();
      const f = ls.lineFunction[k];
      if (f >= 0) writeInt(w, LINE.functionId, fs.id[f]);
      writeInt(w, LINE.line, ls.lineNumber[k]);
      w.ldelim();
    }
    writeBool(w, LOCATION.isFolded, ls.isFolded[l] !== 0);
    w.ldelim();
  }
}

function writeFunctions(w: Writer, p: Profile, strings: StringTable): void {
  const fs = p.functions;
  for (let f = 0; f < fs.count; f++) {
    w.uint32((PROFILE.function << 3) | LEN).fork();
    writeInt(w, FUNCTION.id, fs.id[f]);
    writeInt(w, FUNCTION.name, strings.index(p.strings[fs.name[f]]));
    writeInt(w, FUNCTION.systemName, strings.index(p.strings[fs.systemName[f]]));
    writeInt(w, FUNCTION.filename, strings.index(p.strings[fs.filename[f]]));
    writeInt(w, FUNCTION.startLine, fs.startLine[f]);
    w.ldelim();
  }
}

/** A varint field, left out when zero (proto3's default). Numbers past 2^53 come as bigint, exact. */
function writeInt(w: Writer, field: number, value: number | bigint): void {
  if (value === 0 || value === 0n) return;
  w.uint32((field << 3) | VARINT);
  writeVarint(w, value);
}

function writeBool(w: Writer, field: number, value: boolean): void {
  if (value) w.uint32((field << 3) | VARINT).bool(true);
}

/** A packed repeated varint field (nothing when empty). */
function writePacked(w: Writer, field: number, values: readonly number[]): void {
  if (values.length === 0) return;
  w.uint32((field << 3) | LEN).fork();
  for (const v of values) writeVarint(w, v);
  w.ldelim();
}

/** A 64-bit varint: small numbers as uint32, the rest (negatives too, two's complement) in 64 bits. */
function writeVarint(w: Writer, value: number | bigint): void {
  if (typeof value === 'number' && value >= 0 && value <= 0xffffffff && Number.isInteger(value)) {
    w.uint32(value);
    return;
  }
  const bits = BigInt.asUintN(64, typeof value === 'bigint' ? value : int64Of(value));
  w.uint64({ low: Number(bits & 0xffffffffn), high: Number(bits >> 32n), unsigned: true } as unknown as number);
}

/** A number as Go's int64(x) makes it on amd64: truncated; NaN, infinities and values out of range become -2^63. */
function int64Of(value: number): bigint {
  return Number.isFinite(value) && Math.abs(value) < 2 ** 63 ? BigInt(Math.trunc(value)) : -(2n ** 63n);
}
