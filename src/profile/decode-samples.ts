import { DECODE_LIMITS, refuseOver } from './decode-limits.js';
import type { RawProfile } from './raw.js';
import { LEN, Reader, VARINT, checkEnd, endOfMessage, expectWire, isShortVarint, readInt64, readInt64Exact, readTag } from './wire.js';

/** The samples as read from the wire, in columns of exactly their size; ids not yet resolved. */
export interface RawSamples {
  readonly count: number;
  /** Sample `s` has values `valueStart[s] .. valueStart[s+1]-1`; likewise locations and labels. */
  readonly valueStart: Uint32Array;
  readonly values: Float64Array;
  readonly locStart: Uint32Array;
  /**
   * Location ids, leaf first, 32 bits each: an id that does not fit is stored as 0 (no location
   * has id 0) and kept, as a number, in `wideLocIds` by its position.
   */
  readonly locIds: Uint32Array;
  readonly wideLocIds: Map<number, number>;
  readonly labelStart: Uint32Array;
  readonly labelKey: Float64Array;
  readonly labelStr: Float64Array;
  readonly labelNum: Float64Array;
  readonly labelNumUnit: Float64Array;
}

/** How many values, location ids and labels the samples hold, counted before reading them. */
interface Counts {
  values: number;
  locs: number;
  labels: number;
}

/**
 * Reads the sample messages at `spans` (start, end pairs recorded while reading the rest of the
 * profile). A first pass counts what they hold, so the columns are allocated once at their size
 * (the location ids of a large profile are millions) instead of grown by copying.
 */
export function readSamples(r: Reader, spans: Float64Array, raw: RawProfile): RawSamples {
  const count = spans.length / 2;
  const totals: Counts = { values: 0, locs: 0, labels: 0 };
  for (let s = 0; s < count; s++) countSample(r, spans[2 * s], spans[2 * s + 1], s, totals);
  const out: RawSamples = {
    count,
    valueStart: new Uint32Array(count + 1), values: new Float64Array(totals.values),
    locStart: new Uint32Array(count + 1), locIds: new Uint32Array(totals.locs), wideLocIds: new Map(),
    labelStart: new Uint32Array(count + 1),
    labelKey: new Float64Array(totals.labels), labelStr: new Float64Array(totals.labels),
    labelNum: new Float64Array(totals.labels), labelNumUnit: new Float64Array(totals.labels),
  };
  const at: Counts = { values: 0, locs: 0, labels: 0 };
  for (let s = 0; s < count; s++) {
    out.valueStart[s] = at.values;
    out.locStart[s] = at.locs;
    out.labelStart[s] = at.labels;
    r.pos = spans[2 * s];
    const end = spans[2 * s + 1];
    while (r.pos < end) {
      const tag = readTag(r);
      if (!readSampleField(r, raw, out, at, tag >>> 3, tag & 7)) r.skipType(tag & 7);
    }
    checkEnd(r, end);
  }
  out.valueStart[count] = at.values;
  out.locStart[count] = at.locs;
  out.labelStart[count] = at.labels;
  // Each varint read ends at one byte under 0x80, the bytes the first pass counted.
  if (at.values !== totals.values || at.locs !== totals.locs || at.labels !== totals.labels) throw new Error('sample fields changed between passes');
  return out;
}

/**
 * Counts sample `s`'s values, location ids and labels, refusing counts past DECODE_LIMITS. A packed
 * field holds as many varints as it has bytes under 0x80 (the last byte of each).
 */
function countSample(r: Reader, start: number, end: number, s: number, totals: Counts): void {
  let values = 0, locs = 0, labels = 0;
  for (r.pos = start; r.pos < end; ) {
    const tag = readTag(r);
    const field = tag >>> 3, wire = tag & 7;
    if (field === 1 || field === 2) {
      let n = 1;
      if (wire === LEN) {
        const fieldEnd = endOfMessage(r);
        n = 0;
        for (let i = r.pos; i < fieldEnd; i++) if (r.buf[i] < 0x80) n++;
        r.pos = fieldEnd;
      } else {
        expectWire(wire, VARINT);
        r.skipType(VARINT);
      }
      if (field === 1) refuseOver((locs += n), DECODE_LIMITS.locationsPerSample, 'locations', 'sample', s);
      else refuseOver((values += n), DECODE_LIMITS.valuesPerSample, 'values', 'sample', s);
    } else if (field === 3) {
      expectWire(wire, LEN);
      r.pos = endOfMessage(r);
      refuseOver(++labels, DECODE_LIMITS.labelsPerSample, 'labels', 'sample', s);
    } else r.skipType(wire);
  }
  checkEnd(r, end);
  totals.values += values;
  totals.locs += locs;
  totals.labels += labels;
}

function readSampleField(r: Reader, raw: RawProfile, out: RawSamples, at: Counts, field: number, wire: number): boolean {
  if (field === 1) readLocationIds(r, raw, out, at, wire);
  else if (field === 2) readValues(r, out, at, wire);
  else if (field === 3) readLabel(r, out, at.labels++, wire);
  else return false;
  return true;
}

/** A sample's location ids, packed or not: the hottest loop of decoding, so without callbacks. */
function readLocationIds(r: Reader, raw: RawProfile, out: RawSamples, at: Counts, wire: number): void {
  const ids = out.locIds;
  if (wire !== LEN) {
    expectWire(wire, VARINT);
    storeId(out, at.locs++, readId(r, raw));
    return;
  }
  const end = endOfMessage(r);
  const buf = r.buf;
  let i = at.locs;
  // Ids under 2^28 (four bytes) are decoded here; longer ones, rare, by readId.
  while (r.pos < end) {
    let p = r.pos;
    let b = buf[p++];
    let id = b & 0x7f;
    if (b >= 0x80) {
      b = buf[p++];
      id |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = buf[p++];
        id |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = buf[p++];
          id |= (b & 0x7f) << 21;
          if (b >= 0x80) {
            storeId(out, i++, readId(r, raw));
            continue;
          }
        }
      }
    }
    r.pos = p;
    ids[i++] = id;
  }
  at.locs = i;
  if (r.pos !== end) throw new Error('packed field overruns its length');
}

function storeId(out: RawSamples, i: number, id: number): void {
  if (id > 0 && id <= 0xffffffff) out.locIds[i] = id;
  else {
    out.locIds[i] = 0;
    out.wideLocIds.set(i, id);
  }
}

/** Reads a uint64 id; ids past 2^53 get a stand-in, so distinct ids stay distinct. */
export function readId(r: Reader, raw: RawProfile): number {
  return isShortVarint(r) ? r.uint32() : raw.idNumber(BigInt.asUintN(64, readInt64Exact(r)));
}

function readValues(r: Reader, out: RawSamples, at: Counts, wire: number): void {
  if (wire !== LEN) {
    expectWire(wire, VARINT);
    out.values[at.values++] = readInt64(r);
    return;
  }
  const end = endOfMessage(r);
  while (r.pos < end) out.values[at.values++] = readInt64(r);
  if (r.pos !== end) throw new Error('packed field overruns its length');
}

function readLabel(r: Reader, out: RawSamples, i: number, wire: number): void {
  expectWire(wire, LEN);
  const end = endOfMessage(r);
  while (r.pos < end) {
    const tag = readTag(r);
    const field = tag >>> 3;
    if (field < 1 || field > 4) {
      r.skipType(tag & 7);
      continue;
    }
    expectWire(tag & 7, VARINT);
    const column = field === 1 ? out.labelKey : field === 2 ? out.labelStr : field === 3 ? out.labelNum : out.labelNumUnit;
    column[i] = readInt64(r);
  }
  checkEnd(r, end);
}
