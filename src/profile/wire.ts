import protobuf from 'protobufjs/minimal.js';

/**
 * protobufjs's wire reader. Its 64-bit methods (which give Long objects when long.js is around)
 * are never called: 64-bit varints are read here as plain numbers (exact below 2^53, which no
 * heap profile's counts or 48-bit addresses reach) or as bigints, so protobufjs's settings stay
 * as they are for anyone else in the process.
 */
export type Reader = protobuf.Reader;

/** Wire types of the protobuf encoding. */
export const VARINT = 0;
export const LEN = 2;

/** A reader over `bytes`. */
export function createReader(bytes: Uint8Array): Reader {
  return protobuf.Reader.create(bytes);
}

/** True when the varint at the reader's position ends within four bytes (so it is < 2^28). */
export function isShortVarint(r: Reader): boolean {
  const { buf, pos } = r;
  return pos + 4 <= r.len && (buf[pos] < 128 || buf[pos + 1] < 128 || buf[pos + 2] < 128 || buf[pos + 3] < 128);
}

/**
 * A varint of at most seven bytes (under 2^49, so exact in a number), read without protobufjs's
 * 64-bit path, which allocates an object per value; -1 when it is longer or runs off the data.
 */
function readShortNumber(r: Reader): number {
  const { buf, pos } = r;
  if (pos + 7 > r.len) return -1;
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 7; i++) {
    const b = buf[pos + i];
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      r.pos = pos + i + 1;
      return value;
    }
    scale *= 128;
  }
  return -1;
}

/** Reads an int64 varint as a number. */
export function readInt64(r: Reader): number {
  const value = readShortNumber(r);
  if (value >= 0) return value;
  return isShortVarint(r) ? r.uint32() : Number(BigInt.asIntN(64, readVarintBits(r)));
}

/** Reads a uint64 varint as a number. */
export function readUint64(r: Reader): number {
  const value = readShortNumber(r);
  if (value >= 0) return value;
  return isShortVarint(r) ? r.uint32() : Number(readVarintBits(r));
}

/** Calls `each` for every value of a repeated varint field, packed (LEN) or not (VARINT). */
export function readRepeated(r: Reader, wire: number, read: (r: Reader) => number, each: (v: number) => void): void {
  if (wire !== LEN) {
    expectWire(wire, VARINT);
    each(read(r));
    return;
  }
  const end = endOfMessage(r);
  while (r.pos < end) each(read(r));
  if (r.pos !== end) throw new Error('packed field overruns its length');
}

/** Reads a length prefix and returns where that sub-message ends, checking it fits. */
export function endOfMessage(r: Reader): number {
  const length = r.uint32();
  const end = r.pos + length;
  if (end > r.len) throw new Error(`length ${length} at offset ${r.pos} runs past the end of the data`);
  return end;
}

/** Throws unless the field has the wire type its schema gives. */
export function expectWire(wire: number, expected: number): void {
  if (wire !== expected) throw new Error(`wire type ${wire} where ${expected} was expected`);
}

/** Iterates the fields of a message ending at `end`, skipping those `onField` does not know. */
export function readFields(r: Reader, end: number, onField: (field: number, wire: number) => boolean): void {
  while (r.pos < end) {
    const tag = readTag(r);
    if (!onField(tag >>> 3, tag & 7)) r.skipType(tag & 7);
  }
  checkEnd(r, end);
}

/** Reads a field's tag (field number << 3 | wire type); for loops too hot for `readFields`' callback. */
export function readTag(r: Reader): number {
  const tag = r.uint32();
  if (tag >>> 3 === 0) throw new Error(`invalid field number 0 at offset ${r.pos}`);
  return tag;
}

/** Throws unless a message's fields ended exactly at its end. */
export function checkEnd(r: Reader, end: number): void {
  if (r.pos !== end) throw new Error('a message overruns its length');
}

/** Reads an int64 varint exactly, as a bigint (for timestamps in nanoseconds, which pass 2^53). */
export function readInt64Exact(r: Reader): bigint {
  return BigInt.asIntN(64, readVarintBits(r));
}

/** Reads a uint64 varint exactly, as a bigint (mapping bounds such as 0xffffffffffffffff). */
export function readUint64Exact(r: Reader): bigint {
  return readVarintBits(r);
}

/** The low 64 bits of a varint, unsigned. */
function readVarintBits(r: Reader): bigint {
  let result = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (r.pos >= r.len) throw new Error(`varint runs past the end of the data at offset ${r.pos}`);
    const byte = r.buf[r.pos++];
    result |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return BigInt.asUintN(64, result);
    shift += 7n;
  }
  throw new Error(`varint longer than 10 bytes at offset ${r.pos}`);
}
