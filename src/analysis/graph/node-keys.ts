import { EMPTY, emptySlots, insertIndex } from '../../profile/index-slots.js';

/**
 * Graph node keys (address, name, file, line, object file, start line; the texts as small numbers) numbered
 * from 0 in order of first sight, in typed columns found by hash. A Map keyed by a string built
 * from the five numbers cost about 2 µs a key, most of building the frames of a large profile at
 * line granularity (tens of thousands of keys).
 */
export class NodeKeyTable {
  private slots = emptySlots(512);
  private hashes = new Int32Array(512);
  private address = new Float64Array(512);
  private line = new Float64Array(512);
  private startLine = new Float64Array(512);
  private texts = new Int32Array(512 * 3);
  /** How many distinct keys there are. */
  count = 0;

  /** The number of the key, a new one (`count` before the call) when it was not seen before. */
  intern(address: number, name: number, file: number, line: number, objfile: number, startLine = 0): number {
    const hash = keyHash(address, name, file, line, objfile, startLine);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== EMPTY; slot = (slot + 1) & mask) {
      const k = this.slots[slot];
      if (
        this.hashes[k] === hash &&
        this.address[k] === address &&
        this.line[k] === line &&
        this.startLine[k] === startLine &&
        this.texts[3 * k] === name &&
        this.texts[3 * k + 1] === file &&
        this.texts[3 * k + 2] === objfile
      )
        return k;
    }
    if (this.count === this.hashes.length) this.grow();
    const k = this.count++;
    this.hashes[k] = hash;
    this.address[k] = address;
    this.line[k] = line;
    this.startLine[k] = startLine;
    this.texts[3 * k] = name;
    this.texts[3 * k + 1] = file;
    this.texts[3 * k + 2] = objfile;
    insertIndex(this.slots, hash, k);
    return k;
  }

  /** Twice the room: the columns copied, the slots (kept at least twice the keys) rebuilt. */
  private grow(): void {
    const size = this.hashes.length * 2;
    const wider = <T extends Int32Array | Float64Array>(old: T, make: new (n: number) => T, n: number): T => {
      const out = new make(n);
      out.set(old);
      return out;
    };
    this.hashes = wider(this.hashes, Int32Array, size);
    this.address = wider(this.address, Float64Array, size);
    this.line = wider(this.line, Float64Array, size);
    this.startLine = wider(this.startLine, Float64Array, size);
    this.texts = wider(this.texts, Int32Array, size * 3);
    this.slots = emptySlots(size);
    for (let k = 0; k < this.count; k++) insertIndex(this.slots, this.hashes[k], k);
  }
}

/** A hash of the six parts; addresses and lines are whole numbers up to 2^64, hashed in two halves. */
function keyHash(address: number, name: number, file: number, line: number, objfile: number, startLine: number): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ (address | 0), 16777619);
  h = Math.imul(h ^ (Math.floor(address / 4294967296) | 0), 16777619);
  h = Math.imul(h ^ name, 16777619);
  h = Math.imul(h ^ file, 16777619);
  h = Math.imul(h ^ (line | 0), 16777619);
  h = Math.imul(h ^ (Math.floor(line / 4294967296) | 0), 16777619);
  h = Math.imul(h ^ objfile, 16777619);
  h = Math.imul(h ^ (startLine | 0), 16777619);
  return h ^ (h >>> 15);
}
