const EMPTY = -1;
const NOT_INLINE = 1;
const RESIDUAL = 2;

/**
 * Caller→callee edges summed over samples, in typed arrays with open addressing: building a large
 * graph touches an edge per frame, and a Map of objects made that the slowest part of `top`.
 */
export class EdgeTable {
  private capacity: number;
  private callers: Int32Array;
  private callees: Int32Array;
  private weights: Float64Array;
  private weightDivs: Float64Array;
  private flags: Uint8Array;
  private lastSample: Int32Array;
  /** Number of edges. */
  size = 0;

  /** A table sized for the edges between `nodeCount` nodes (it grows when they are more). */
  constructor(nodeCount: number) {
    let capacity = 1024;
    while (capacity < nodeCount * 8) capacity *= 2;
    this.capacity = capacity;
    [this.callers, this.callees, this.weights, this.weightDivs, this.flags, this.lastSample] = emptyColumns(capacity);
  }

  /** Adds one sample's contribution to caller -> callee, once per sample. */
  add(caller: number, callee: number, sample: number, value: number, div: number, residual: boolean, inline: boolean): void {
    const slot = this.slotOf(caller, callee);
    if (this.callers[slot] === EMPTY) {
      this.callers[slot] = caller;
      this.callees[slot] = callee;
      this.lastSample[slot] = -1;
      this.size++;
    }
    if (this.lastSample[slot] === sample) return;
    this.lastSample[slot] = sample;
    this.weights[slot] += value;
    this.weightDivs[slot] += div;
    this.flags[slot] |= (residual ? RESIDUAL : 0) | (inline ? 0 : NOT_INLINE);
    if (this.size * 2 > this.capacity) this.grow();
  }

  /** Calls `each` for every edge: its nodes, summed weight, and whether it is inline and residual. */
  forEach(each: (caller: number, callee: number, weight: number, inline: boolean, residual: boolean, weightDiv: number) => void): void {
    for (let i = 0; i < this.capacity; i++) {
      if (this.callers[i] === EMPTY) continue;
      each(
        this.callers[i],
        this.callees[i],
        this.weights[i],
        (this.flags[i] & NOT_INLINE) === 0,
        (this.flags[i] & RESIDUAL) !== 0,
        this.weightDivs[i],
      );
    }
  }

  private slotOf(caller: number, callee: number): number {
    const mask = this.capacity - 1;
    let slot = (Math.imul(caller, 0x9e3779b1) ^ Math.imul(callee, 0x85ebca6b)) & mask;
    while (this.callers[slot] !== EMPTY && (this.callers[slot] !== caller || this.callees[slot] !== callee)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const old = {
      callers: this.callers,
      callees: this.callees,
      weights: this.weights,
      weightDivs: this.weightDivs,
      flags: this.flags,
      lastSample: this.lastSample,
    };
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    [this.callers, this.callees, this.weights, this.weightDivs, this.flags, this.lastSample] = emptyColumns(this.capacity);
    for (let i = 0; i < oldCapacity; i++) {
      if (old.callers[i] === EMPTY) continue;
      const slot = this.slotOf(old.callers[i], old.callees[i]);
      this.callers[slot] = old.callers[i];
      this.callees[slot] = old.callees[i];
      this.weights[slot] = old.weights[i];
      this.weightDivs[slot] = old.weightDivs[i];
      this.flags[slot] = old.flags[i];
      this.lastSample[slot] = old.lastSample[i];
    }
  }
}

/** The table's columns for `capacity` slots, all empty. */
function emptyColumns(capacity: number): [Int32Array, Int32Array, Float64Array, Float64Array, Uint8Array, Int32Array] {
  return [
    new Int32Array(capacity).fill(EMPTY),
    new Int32Array(capacity),
    new Float64Array(capacity),
    new Float64Array(capacity),
    new Uint8Array(capacity),
    new Int32Array(capacity),
  ];
}
