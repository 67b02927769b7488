import { Growable } from './growable.js';
import { EMPTY, emptySlots, insertIndex, mixHash } from './index-slots.js';

/**
 * The merged profile's locations by identity: mapping, address relative to the mapping's start,
 * folding, and lines (function, line number). A hash table over numbers, with the identities kept
 * in columns: a key string and a list of lines per location made a large profile's merge build
 * and keep tens of thousands of objects.
 */
export class LocationTable {
  private slots: Int32Array;
  private count = 0;
  private readonly hashes = new Growable(Int32Array);
  private readonly mapping = new Growable(Int32Array);
  private readonly relative = new Growable(Float64Array);
  private readonly folded = new Growable(Uint8Array);
  private readonly lineStart = new Growable(Uint32Array);
  private readonly lineFn = new Growable(Int32Array);
  private readonly lineNumber = new Growable(Float64Array);

  /** A table for about `expected` locations. */
  constructor(expected: number) {
    this.slots = emptySlots(expected);
  }

  /** The index of the location with this identity, its `n` lines given as columns, or -1 when new. */
  find(mapping: number, relative: number, folded: number, fns: ArrayLike<number>, numbers: ArrayLike<number>, n: number): number {
    const hash = hashLocation(mapping, relative, folded, fns, numbers, n);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== EMPTY; slot = (slot + 1) & mask) {
      const index = this.slots[slot];
      if (this.hashes.at(index) === hash && this.same(index, mapping, relative, folded, fns, numbers, n)) return index;
    }
    return EMPTY;
  }

  /** Records the next location (index = the number recorded so far) with this identity. */
  add(mapping: number, relative: number, folded: number, fns: ArrayLike<number>, numbers: ArrayLike<number>, n: number): void {
    const hash = hashLocation(mapping, relative, folded, fns, numbers, n);
    this.hashes.push(hash);
    this.mapping.push(mapping);
    this.relative.push(relative);
    this.folded.push(folded);
    this.lineStart.push(this.lineFn.length);
    for (let k = 0; k < n; k++) {
      this.lineFn.push(fns[k]);
      this.lineNumber.push(numbers[k]);
    }
    if (++this.count * 2 > this.slots.length) this.grow();
    else insertIndex(this.slots, hash, this.count - 1);
  }

  private same(
    index: number,
    mapping: number,
    relative: number,
    folded: number,
    fns: ArrayLike<number>,
    numbers: ArrayLike<number>,
    n: number,
  ): boolean {
    if (this.mapping.at(index) !== mapping || this.relative.at(index) !== relative || this.folded.at(index) !== folded) return false;
    const from = this.lineStart.at(index);
    const to = index + 1 < this.count ? this.lineStart.at(index + 1) : this.lineFn.length;
    if (to - from !== n) return false;
    for (let k = 0; k < n; k++) if (this.lineFn.at(from + k) !== fns[k] || this.lineNumber.at(from + k) !== numbers[k]) return false;
    return true;
  }

  private grow(): void {
    this.slots = emptySlots(this.slots.length);
    for (let index = 0; index < this.count; index++) insertIndex(this.slots, this.hashes.at(index), index);
  }
}

/** FNV-1a over the identity's numbers (a number past 32 bits as its two halves). */
function hashLocation(
  mapping: number,
  relative: number,
  folded: number,
  fns: ArrayLike<number>,
  numbers: ArrayLike<number>,
  n: number,
): number {
  let h = Math.imul(0x811c9dc5 ^ mapping, 16777619);
  h = Math.imul(h ^ relative, 16777619);
  h = Math.imul(h ^ Math.floor(relative / 4294967296), 16777619);
  h = Math.imul(h ^ folded, 16777619);
  for (let k = 0; k < n; k++) {
    h = Math.imul(h ^ fns[k], 16777619);
    h = Math.imul(h ^ numbers[k], 16777619);
    h = Math.imul(h ^ Math.floor(numbers[k] / 4294967296), 16777619);
  }
  return mixHash(h);
}
