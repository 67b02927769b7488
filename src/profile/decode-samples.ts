import { DECODE_LIMITS, refuseOver } from './decode-limits.js';
import { Growable } from './growable.js';
import { LABEL_KEY, LABEL_NUM, LABEL_NUM_UNIT, LABEL_STR, SAMPLE_LABEL, SAMPLE_LOCATION_ID, SAMPLE_VALUE } from './proto-fields.js';
import type { RawProfile } from './raw.js';
import { LEN, Reader, VARINT, checkEnd, endOfMessage, expectWire, isShortVarint, readInt64, readInt64Exact, readTag } from './wire.js';

/** The samples as read from the wire, one column per field; ids not yet resolved. */
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

/**
 * Reads sample messages into columns as they come. The columns start at a size guessed from the
 * data's length, on the large side: growing by copying millions of location ids costs more than
 * memory set aside and never touched, which the system does not commit.
 */
export class SampleReader {
  private readonly valueStart: Growable<Uint32Array>;
  private readonly values: Growable<Float64Array>;
  private readonly locStart: Growable<Uint32Array>;
  private readonly locIds: Growable<Uint32Array>;
  private readonly wideLocIds = new Map<number, number>();
  private readonly labelStart: Growable<Uint32Array>;
  private readonly labels: Growable<Float64Array>[];

  /** Columns for samples of data `dataLength` bytes long. */
  constructor(dataLength: number) {
    // A location id takes at least a byte, a value a byte, a label and a sample several. The caps
    // keep a huge file from setting aside gigabytes up front: past them, the columns grow.
    const guess = (bytesEach: number, cap: number) => Math.max(1024, Math.min(cap, Math.ceil(dataLength / bytesEach)));
    this.valueStart = new Growable(Uint32Array, guess(40, 2 ** 24));
    this.values = new Growable(Float64Array, guess(8, 2 ** 25));
    this.locStart = new Growable(Uint32Array, guess(40, 2 ** 24));
    this.locIds = new Growable(Uint32Array, guess(2, 2 ** 26));
    this.labelStart = new Growable(Uint32Array, guess(40, 2 ** 24));
    this.labels = [0, 1, 2, 3].map(() => new Growable(Float64Array, guess(64, 2 ** 23)));
  }

  /** Reads the sample message at the reader, which ends at `end`. */
  read(r: Reader, raw: RawProfile, end: number): void {
    const sample = this.locStart.length;
    this.valueStart.push(this.values.length);
    this.locStart.push(this.locIds.length);
    this.labelStart.push(this.labels[0].length);
    while (r.pos < end) {
      const tag = readTag(r);
      const field = tag >>> 3,
        wire = tag & 7;
      if (field === SAMPLE_LOCATION_ID) this.readLocationIds(r, raw, wire, sample);
      else if (field === SAMPLE_VALUE) this.readValues(r, wire, sample);
      else if (field === SAMPLE_LABEL) this.readLabel(r, wire, sample);
      else r.skipType(wire);
    }
    checkEnd(r, end);
  }

  /** The columns, trimmed to what was read. */
  finish(): RawSamples {
    const count = this.locStart.length;
    const withEnd = (starts: Growable<Uint32Array>, end: number) => {
      starts.push(end);
      return starts.view();
    };
    return {
      count,
      valueStart: withEnd(this.valueStart, this.values.length),
      values: this.values.view(),
      locStart: withEnd(this.locStart, this.locIds.length),
      locIds: this.locIds.view(),
      wideLocIds: this.wideLocIds,
      labelStart: withEnd(this.labelStart, this.labels[0].length),
      labelKey: this.labels[0].view(),
      labelStr: this.labels[1].view(),
      labelNum: this.labels[2].view(),
      labelNumUnit: this.labels[3].view(),
    };
  }

  /**
   * A sample's location ids, packed or not: the hottest loop of decoding, so written straight into
   * the column. The stack-depth limit is checked around the loop: before it, a packed field too long
   * to hold fewer ids than the limit (an id takes at most 10 bytes) is refused unread.
   */
  private readLocationIds(r: Reader, raw: RawProfile, wire: number, sample: number): void {
    const first = this.locStart.at(sample);
    const limit = DECODE_LIMITS.locationsPerSample;
    if (wire !== LEN) {
      expectWire(wire, VARINT);
      refuseOver(this.locIds.length - first + 1, limit, 'locations', 'sample', sample);
      this.storeId(this.locIds.length++, readId(r, raw));
      return;
    }
    const end = endOfMessage(r);
    refuseOver(this.locIds.length - first + Math.ceil((end - r.pos) / 10), limit, 'locations', 'sample', sample);
    const ids = this.locIds.reserve(end - r.pos);
    const buf = r.buf;
    let i = this.locIds.length;
    // Ids under 2^28 (four bytes) are decoded here, the position kept in a local; longer ones,
    // rare, by readId from where they start.
    let p = r.pos;
    while (p < end) {
      const start = p;
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
              r.pos = start;
              this.storeId(i++, readId(r, raw));
              p = r.pos;
              continue;
            }
          }
        }
      }
      ids[i++] = id;
    }
    r.pos = p;
    this.locIds.length = i;
    if (r.pos !== end) throw new Error('packed field overruns its length');
    refuseOver(i - first, limit, 'locations', 'sample', sample);
  }

  private storeId(i: number, id: number): void {
    if (id > 0 && id <= 0xffffffff) this.locIds.reserve(1)[i] = id;
    else {
      this.locIds.reserve(1)[i] = 0;
      this.wideLocIds.set(i, id);
    }
  }

  /**
   * A sample's values, packed or not. Like the location ids, read without a call per value: a
   * small profile's decoding runs before V8 has compiled it, where every call costs.
   */
  private readValues(r: Reader, wire: number, sample: number): void {
    const first = this.valueStart.at(sample);
    if (wire !== LEN) {
      expectWire(wire, VARINT);
      this.values.reserve(1)[this.values.length++] = readInt64(r);
      refuseOver(this.values.length - first, DECODE_LIMITS.valuesPerSample, 'values', 'sample', sample);
      return;
    }
    const end = endOfMessage(r);
    // As for location ids: a packed field too long to hold fewer values than the limit is refused
    // before room is made for it.
    refuseOver(this.values.length - first + Math.ceil((end - r.pos) / 10), DECODE_LIMITS.valuesPerSample, 'values', 'sample', sample);
    const values = this.values.reserve(end - r.pos);
    const buf = r.buf;
    let i = this.values.length;
    while (r.pos < end) {
      const b = buf[r.pos];
      if (b < 0x80) {
        values[i++] = b;
        r.pos++;
      } else {
        values[i++] = readInt64(r);
      }
    }
    this.values.length = i;
    if (r.pos !== end) throw new Error('packed field overruns its length');
    refuseOver(i - first, DECODE_LIMITS.valuesPerSample, 'values', 'sample', sample);
  }

  private readLabel(r: Reader, wire: number, sample: number): void {
    refuseOver(this.labels[0].length - this.labelStart.at(sample) + 1, DECODE_LIMITS.labelsPerSample, 'labels', 'sample', sample);
    expectWire(wire, LEN);
    const end = endOfMessage(r);
    let key = 0,
      str = 0,
      num = 0,
      unit = 0;
    while (r.pos < end) {
      const tag = readTag(r);
      const field = tag >>> 3;
      if (field < LABEL_KEY || field > LABEL_NUM_UNIT) {
        r.skipType(tag & 7);
        continue;
      }
      expectWire(tag & 7, VARINT);
      const value = readInt64(r);
      if (field === LABEL_KEY) key = value;
      else if (field === LABEL_STR) str = value;
      else if (field === LABEL_NUM) num = value;
      else unit = value;
    }
    checkEnd(r, end);
    this.labels[0].push(key);
    this.labels[1].push(str);
    this.labels[2].push(num);
    this.labels[3].push(unit);
  }
}

/** Reads a uint64 id; ids past 2^53 get a stand-in, so distinct ids stay distinct. */
export function readId(r: Reader, raw: RawProfile): number {
  return isShortVarint(r) ? r.uint32() : raw.idNumber(BigInt.asUintN(64, readInt64Exact(r)));
}
