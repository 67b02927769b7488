/** Strings numbered in order of first sight, from 0: equal strings, equal numbers. */
export class StringTable {
  /** The strings by number. */
  readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The number of `s`, giving it the next one when new. */
  intern(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(s);
      this.numbers.set(s, n);
    }
    return n;
  }
}
