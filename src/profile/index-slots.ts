/**
 * The slots of an open-addressing hash table of indices (linear probing), shared by the merge's
 * tables of samples and of locations. Each table keeps its own entries and hashes; looking an
 * entry up stays in the table, whose comparison is its own.
 */

/** An empty slot. */
export const EMPTY = -1;

/** Empty slots for about `expected` entries: a power of two, at least twice as many (1,024 or more). */
export function emptySlots(expected: number): Int32Array {
  let capacity = 1024;
  while (capacity < expected * 2) capacity *= 2;
  return new Int32Array(capacity).fill(EMPTY);
}

/**
 * A hash's high bits folded into its low ones, which pick the slot. FNV-style hashes move a
 * number's bits only upwards, so numbers that differ only high up (a label's string index shifted
 * left, addresses 16 apart) all started at one slot: 300,000 samples with one stack and distinct
 * labels took 17 s to merge, walking one long run of slots each.
 */
export function mixHash(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) | 0;
}

/** Puts `index` in the first empty slot from `hash`'s own on. */
export function insertIndex(slots: Int32Array, hash: number, index: number): void {
  const mask = slots.length - 1;
  let slot = hash & mask;
  while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
  slots[slot] = index;
}
