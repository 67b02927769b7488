import { Growable } from './growable.js';
import { EMPTY, emptySlots, insertIndex, mixHash } from './index-slots.js';

/**
 * The merge's functions by identity: start line and the merged string indices of name, system name
 * and file. Numbers in a hash table, where a Map keyed by the four joined as text built a string
 * of a hundred characters or more per function, and hashed it (a million functions: a second).
 */
export class FunctionTable {
  private slots: Int32Array;
  private readonly hashes = new Growable(Int32Array);
  private readonly startLine = new Growable(Float64Array);
  private readonly name = new Growable(Uint32Array);
  private readonly systemName = new Growable(Uint32Array);
  private readonly filename = new Growable(Uint32Array);
  private count = 0;

  /** A table for about `expected` functions. */
  constructor(expected: number) {
    this.slots = emptySlots(expected);
  }

  /** The index of the function with this identity, or -1 when there is none yet. */
  find(startLine: number, name: number, systemName: number, filename: number): number {
    const hash = hashFunction(startLine, name, systemName, filename);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== EMPTY; slot = (slot + 1) & mask) {
      const i = this.slots[slot];
      if (
        this.hashes.at(i) === hash &&
        this.startLine.at(i) === startLine &&
        this.name.at(i) === name &&
        this.systemName.at(i) === systemName &&
        this.filename.at(i) === filename
      )
        return i;
    }
    return EMPTY;
  }

  /** Records the next function (index = the number recorded so far) with this identity. */
  add(startLine: number, name: number, systemName: number, filename: number): void {
    const hash = hashFunction(startLine, name, systemName, filename);
    this.hashes.push(hash);
    this.startLine.push(startLine);
    this.name.push(name);
    this.systemName.push(systemName);
    this.filename.push(filename);
    if (++this.count * 2 > this.slots.length) this.grow();
    else insertIndex(this.slots, hash, this.count - 1);
  }

  private grow(): void {
    this.slots = emptySlots(this.slots.length);
    for (let i = 0; i < this.count; i++) insertIndex(this.slots, this.hashes.at(i), i);
  }
}

/** FNV-1a over the four numbers (the start line, which may pass 32 bits, as two halves), mixed. */
function hashFunction(startLine: number, name: number, systemName: number, filename: number): number {
  let h = Math.imul(0x811c9dc5 ^ (startLine | 0), 16777619);
  h = Math.imul(h ^ Math.floor(startLine / 4294967296), 16777619);
  h = Math.imul(h ^ name, 16777619);
  h = Math.imul(h ^ systemName, 16777619);
  h = Math.imul(h ^ filename, 16777619);
  return mixHash(h);
}
