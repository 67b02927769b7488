type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** An append-only typed array that doubles its storage, so decoding never builds an object per value. */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    initialCapacity = 64,
  ) {
    this.data = new make(initialCapacity);
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  /**
   * Makes room for `n` more values and returns the storage: write them from index `length` on,
   * then add how many were written to `length`. For loops too hot for a call per value.
   */
  reserve(n: number): T {
    while (this.length + n > this.data.length) this.grow();
    return this.data;
  }

  /** The value at `index` (no bounds check beyond the typed array's own). */
  at(index: number): number {
    return this.data[index];
  }

  /** Adds `delta` to the value at `index`. */
  addAt(index: number, delta: number): void {
    this.data[index] += delta;
  }

  /** What was pushed, without copying (valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** A right-sized copy of what was pushed. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }

  private grow(): void {
    const bigger = new this.make(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}
