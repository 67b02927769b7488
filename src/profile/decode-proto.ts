import { DECODE_LIMITS, refuseOver } from './decode-limits.js';
import { SampleReader, readId } from './decode-samples.js';
import { RawMapping, RawProfile } from './raw.js';
import * as F from './proto-fields.js';
import { StringSpans } from './string-spans.js';
import {
  LEN,
  Reader,
  VARINT,
  checkEnd,
  createReader,
  endOfMessage,
  expectWire,
  readFields,
  readInt64,
  readInt64Exact,
  readTag,
  readRepeated,
  readUint64,
  readUint64Exact,
} from './wire.js';

export { DECODE_LIMITS } from './decode-limits.js';

/**
 * Reads profile.proto bytes into raw columns (field numbers from proto/profile.proto). Throws a
 * plain Error on wire-level damage, whose meaning the caller decides ("not a profile"), and a
 * ProfileError for a count past DECODE_LIMITS.
 */
export function readProfileProto(bytes: Uint8Array): RawProfile {
  const r = createReader(bytes);
  const raw = new RawProfile();
  const strings = new StringSpans();
  readFields(r, r.len, (field, wire) => readProfileField(r, raw, field, wire, strings));
  raw.samples = (raw.sampleReader ?? new SampleReader(0)).finish();
  raw.strings = strings.decode(bytes);
  return raw;
}

function readProfileField(r: Reader, raw: RawProfile, field: number, wire: number, strings: StringSpans): boolean {
  switch (field) {
    case F.PROFILE_SAMPLE_TYPE:
      refuseOver(raw.sampleTypes.length + 1, DECODE_LIMITS.sampleTypes, 'sample types');
      raw.sampleTypes.push(readValueType(r, wire));
      return true;
    case F.PROFILE_SAMPLE:
      readSample(r, raw, wire);
      return true;
    case F.PROFILE_MAPPING:
      refuseOver(raw.mappings.length + 1, DECODE_LIMITS.mappings, 'mappings');
      raw.mappings.push(readMapping(r, raw, wire));
      return true;
    case F.PROFILE_LOCATION:
      readLocation(r, raw, wire);
      return true;
    case F.PROFILE_FUNCTION:
      readFunction(r, raw, wire);
      return true;
    case F.PROFILE_STRING_TABLE: {
      expectWire(wire, LEN);
      refuseOver(strings.length + 1, DECODE_LIMITS.strings, 'strings', 'the string table');
      // Only where it lies: the strings are decoded together once the wire is read.
      const length = r.uint32();
      const start = r.pos;
      r.skip(length);
      strings.add(start, r.pos);
      return true;
    }
    case F.PROFILE_DROP_FRAMES:
      raw.dropFrames = readVarintField(r, wire);
      return true;
    case F.PROFILE_KEEP_FRAMES:
      raw.keepFrames = readVarintField(r, wire);
      return true;
    case F.PROFILE_TIME_NANOS:
      expectWire(wire, VARINT);
      raw.timeNanos = readInt64Exact(r);
      return true;
    case F.PROFILE_DURATION_NANOS:
      expectWire(wire, VARINT);
      raw.durationNanos = readInt64Exact(r);
      return true;
    case F.PROFILE_PERIOD_TYPE:
      raw.periodType = readValueType(r, wire);
      return true;
    case F.PROFILE_PERIOD:
      raw.period = readVarintField(r, wire);
      return true;
    case F.PROFILE_COMMENT:
      readRepeated(r, wire, readInt64, (v) => {
        refuseOver(raw.comments.length + 1, DECODE_LIMITS.comments, 'comments');
        raw.comments.push(v);
      });
      return true;
    case F.PROFILE_DEFAULT_SAMPLE_TYPE:
      raw.defaultSampleType = readVarintField(r, wire);
      return true;
    default:
      return false;
  }
}

function readVarintField(r: Reader, wire: number): number {
  expectWire(wire, VARINT);
  return readInt64(r);
}

function readValueType(r: Reader, wire: number): [number, number] {
  expectWire(wire, LEN);
  const vt: [number, number] = [0, 0];
  readFields(r, endOfMessage(r), (field, w) => {
    if (field === F.VALUE_TYPE_TYPE) vt[0] = readVarintField(r, w);
    else if (field === F.VALUE_TYPE_UNIT) vt[1] = readVarintField(r, w);
    else return false;
    return true;
  });
  return vt;
}

/** Reads a sample into the sample columns. */
function readSample(r: Reader, raw: RawProfile, wire: number): void {
  expectWire(wire, LEN);
  const end = endOfMessage(r);
  raw.sampleReader ??= new SampleReader(r.len);
  raw.sampleReader.read(r, raw, end);
}

/** A mapping's bool fields by field number. */
const MAPPING_FLAGS: Record<number, 'hasFunctions' | 'hasFilenames' | 'hasLineNumbers' | 'hasInlineFrames'> = {
  [F.MAPPING_HAS_FUNCTIONS]: 'hasFunctions',
  [F.MAPPING_HAS_FILENAMES]: 'hasFilenames',
  [F.MAPPING_HAS_LINE_NUMBERS]: 'hasLineNumbers',
  [F.MAPPING_HAS_INLINE_FRAMES]: 'hasInlineFrames',
};

function readMapping(r: Reader, raw: RawProfile, wire: number): RawMapping {
  expectWire(wire, LEN);
  const m: RawMapping = {
    id: 0,
    start: 0,
    limit: 0,
    offset: 0,
    filename: 0,
    buildId: 0,
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
  };
  readFields(r, endOfMessage(r), (field, w) => {
    const flag = MAPPING_FLAGS[field];
    if (field === F.MAPPING_ID) m.id = readIdField(r, raw, w);
    else if (field === F.MAPPING_MEMORY_START) readBound(r, w, m, 'start');
    else if (field === F.MAPPING_MEMORY_LIMIT) readBound(r, w, m, 'limit');
    else if (field === F.MAPPING_FILE_OFFSET) readBound(r, w, m, 'offset');
    else if (field === F.MAPPING_FILENAME) m.filename = readVarintField(r, w);
    else if (field === F.MAPPING_BUILD_ID) m.buildId = readVarintField(r, w);
    else if (flag !== undefined) m[flag] = readVarintField(r, w) !== 0;
    else return false;
    return true;
  });
  return m;
}

/** Reads a mapping's start, limit or offset, keeping it exact as well when a number would round it. */
function readBound(r: Reader, wire: number, m: RawMapping, field: 'start' | 'limit' | 'offset'): void {
  expectWire(wire, VARINT);
  const exact = readUint64Exact(r);
  m[field] = Number(exact);
  if (exact > BigInt(Number.MAX_SAFE_INTEGER)) (m.wide ??= {})[field] = exact;
}

function readIdField(r: Reader, raw: RawProfile, wire: number): number {
  expectWire(wire, VARINT);
  return readId(r, raw);
}

function readUnsigned(r: Reader, wire: number): number {
  expectWire(wire, VARINT);
  return readUint64(r);
}

function readLocation(r: Reader, raw: RawProfile, wire: number): void {
  expectWire(wire, LEN);
  const end = endOfMessage(r);
  let id = 0,
    mappingId = 0,
    address = 0,
    folded = 0;
  const location = raw.locId.length;
  const lines = raw.lineFunctionId.length;
  raw.locLineStart.push(lines);
  // A loop rather than readFields' callback, as in the sample reader: a large profile has tens of
  // thousands of locations, each with its lines, read before V8 has optimised anything.
  while (r.pos < end) {
    const tag = readTag(r);
    const field = tag >>> 3,
      w = tag & 7;
    if (field === F.LOCATION_ID) id = readIdField(r, raw, w);
    else if (field === F.LOCATION_MAPPING_ID) mappingId = readIdField(r, raw, w);
    else if (field === F.LOCATION_ADDRESS) address = readUnsigned(r, w);
    else if (field === F.LOCATION_LINE) {
      refuseOver(raw.lineFunctionId.length - lines + 1, DECODE_LIMITS.linesPerLocation, 'lines', 'location', location);
      readLine(r, raw, w);
    } else if (field === F.LOCATION_IS_FOLDED) folded = readVarintField(r, w) !== 0 ? 1 : 0;
    else r.skipType(w);
  }
  checkEnd(r, end);
  raw.locId.push(id);
  raw.locMappingId.push(mappingId);
  raw.locAddress.push(address);
  raw.locFolded.push(folded);
}

function readLine(r: Reader, raw: RawProfile, wire: number): void {
  expectWire(wire, LEN);
  const end = endOfMessage(r);
  let functionId = 0,
    line = 0;
  while (r.pos < end) {
    const tag = readTag(r);
    const field = tag >>> 3,
      w = tag & 7;
    if (field === F.LINE_FUNCTION_ID) functionId = readIdField(r, raw, w);
    else if (field === F.LINE_LINE) line = readVarintField(r, w);
    else r.skipType(w);
  }
  checkEnd(r, end);
  raw.lineFunctionId.push(functionId);
  raw.lineNumber.push(line);
}

function readFunction(r: Reader, raw: RawProfile, wire: number): void {
  expectWire(wire, LEN);
  let id = 0,
    name = 0,
    systemName = 0,
    filename = 0,
    startLine = 0;
  readFields(r, endOfMessage(r), (field, w) => {
    if (field === F.FUNCTION_ID) id = readIdField(r, raw, w);
    else if (field === F.FUNCTION_NAME) name = readVarintField(r, w);
    else if (field === F.FUNCTION_SYSTEM_NAME) systemName = readVarintField(r, w);
    else if (field === F.FUNCTION_FILENAME) filename = readVarintField(r, w);
    else if (field === F.FUNCTION_START_LINE) startLine = readVarintField(r, w);
    else return false;
    return true;
  });
  raw.fnId.push(id);
  raw.fnName.push(name);
  raw.fnSystemName.push(systemName);
  raw.fnFilename.push(filename);
  raw.fnStartLine.push(startLine);
}
