/**
 * Values by key, keeping those of the `size` keys used last. A Map iterates in insertion order, so
 * a key used again is moved to the end and the first key is the one to drop.
 */
export class RecentCache<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly size: number) {}

  /** The value for `key`, made by `make` when not kept; `key` becomes the most recently used. */
  get(key: string, make: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make();
      if (this.values.size >= this.size) this.values.delete(this.values.keys().next().value!);
    } else {
      this.values.delete(key);
    }
    this.values.set(key, value);
    return value;
  }
}
