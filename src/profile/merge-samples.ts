import { EMPTY, emptySlots, insertIndex, mixHash } from './index-slots.js';
import type { SampleTable } from './model.js';

/** How one source profile's indices map to merged ones (see SourceMapper in merge.ts). */
export interface SampleSource {
  readonly samples: SampleTable;
  /** The merged index of source location `l`, assigned on first use. */
  location(l: number): number;
  /** The merged index of each source location assigned so far, else a negative number. */
  readonly locationIndex: Int32Array;
  /** The merged string index of source string `i`. */
  string(i: number): number;
}

/**
 * Merges samples into typed columns sized for the total up front: a sample whose values are all
 * zero is dropped, one with the same stack and labels as an earlier one adds its values to it.
 * Given `reuse` (the only source's own columns, which the caller gives up), it writes in place:
 * a sample is never written past where it was read, so compacting forward is safe, and a profile
 * without duplicates costs no second copy of its largest columns.
 */
export class SampleMerger {
  private readonly out: { -readonly [K in keyof SampleTable]: SampleTable[K] };
  /** The hash table of merged samples. */
  private readonly table: Int32Array;
  private readonly hashes: Int32Array;
  private count = 0;
  private locCount = 0;
  private labelCount = 0;

  constructor(sources: readonly SampleSource[], reuse: SampleTable | null) {
    const n = sources[0].samples.valuesPerSample;
    let samples = 0,
      locs = 0,
      labels = 0;
    for (const { samples: t } of sources) {
      samples += t.count;
      locs += t.locs.length;
      labels += t.labelKey.length;
    }
    this.out = reuse
      ? { ...reuse }
      : {
          count: 0,
          valuesPerSample: n,
          values: new Float64Array(samples * n),
          locStart: new Uint32Array(samples + 1),
          locs: new Uint32Array(locs),
          labelStart: new Uint32Array(samples + 1),
          labelKey: new Uint32Array(labels),
          labelStr: new Uint32Array(labels),
          labelNum: new Float64Array(labels),
          labelNumUnit: new Uint32Array(labels),
        };
    this.table = emptySlots(samples);
    this.hashes = new Int32Array(samples);
  }

  /** Merges every sample of `source`, in order. */
  addAll(source: SampleSource): void {
    const t = source.samples;
    for (let s = 0; s < t.count; s++) this.add(source, s);
  }

  /** The merged columns. */
  finish(): SampleTable {
    const o = this.out;
    const n = o.valuesPerSample;
    o.locStart[this.count] = this.locCount;
    o.labelStart[this.count] = this.labelCount;
    return {
      count: this.count,
      valuesPerSample: n,
      values: o.values.subarray(0, this.count * n),
      locStart: o.locStart.subarray(0, this.count + 1),
      locs: o.locs.subarray(0, this.locCount),
      labelStart: o.labelStart.subarray(0, this.count + 1),
      labelKey: o.labelKey.subarray(0, this.labelCount),
      labelStr: o.labelStr.subarray(0, this.labelCount),
      labelNum: o.labelNum.subarray(0, this.labelCount),
      labelNumUnit: o.labelNumUnit.subarray(0, this.labelCount),
    };
  }

  private add(source: SampleSource, s: number): void {
    const t = source.samples;
    const o = this.out;
    const n = t.valuesPerSample;
    const inValues = t.values,
      outValues = o.values;
    if (allZero(inValues, s * n, n)) return;
    // The candidate is written at the end of the output, then kept or folded into its twin. The
    // columns are read into locals: V8 cannot tell that writing one leaves the others alone.
    const inLocs = t.locs,
      outLocs = o.locs,
      known = source.locationIndex;
    const locFrom = this.locCount;
    let locTo = locFrom;
    let hash = 0x811c9dc5;
    for (let i = t.locStart[s], end = t.locStart[s + 1]; i < end; i++) {
      const l = inLocs[i];
      let merged = known[l];
      if (merged < 0) merged = source.location(l);
      outLocs[locTo++] = merged;
      hash = Math.imul(hash ^ merged, 16777619);
    }
    const labelFrom = this.labelCount;
    const labelTo = t.labelStart[s] === t.labelStart[s + 1] ? labelFrom : this.copyLabels(source, s, labelFrom);
    const table = this.table;
    hash = mixHash(this.withLabels(hash, labelFrom, labelTo));
    const twin = this.find(table, hash, locFrom, locTo, labelFrom, labelTo);
    if (twin !== EMPTY) {
      for (let i = 0; i < n; i++) outValues[twin * n + i] += inValues[s * n + i];
      return;
    }
    const index = this.count++;
    for (let i = 0; i < n; i++) outValues[index * n + i] = inValues[s * n + i];
    o.locStart[index] = locFrom;
    o.labelStart[index] = labelFrom;
    this.locCount = locTo;
    this.labelCount = labelTo;
    this.hashes[index] = hash;
    insertIndex(table, hash, index);
  }

  /** Writes sample `s`'s labels, strings mapped and sorted by key, from `at`; returns where they end. */
  private copyLabels(source: SampleSource, s: number, at: number): number {
    const t = source.samples;
    const o = this.out;
    let to = at;
    for (let i = t.labelStart[s]; i < t.labelStart[s + 1]; i++) {
      // Go's decoder drops labels with neither a value nor a unit.
      if (t.labelStr[i] === 0 && t.labelNum[i] === 0 && t.labelNumUnit[i] === 0) continue;
      o.labelKey[to] = source.string(t.labelKey[i]);
      o.labelStr[to] = source.string(t.labelStr[i]);
      o.labelNum[to] = t.labelNum[i];
      o.labelNumUnit[to] = source.string(t.labelNumUnit[i]);
      to++;
    }
    if (to - at > 1) sortLabelsByKey(o, at, to);
    return to;
  }

  /** The sample hash `h` (of its stack) extended by its labels. */
  private withLabels(h: number, labelFrom: number, labelTo: number): number {
    const o = this.out;
    for (let i = labelFrom; i < labelTo; i++) {
      const num = o.labelNum[i];
      h = Math.imul(h ^ o.labelKey[i] ^ (o.labelStr[i] << 16), 16777619);
      h = Math.imul(h ^ (num | 0) ^ Math.floor(num / 4294967296) ^ o.labelNumUnit[i], 16777619);
    }
    return h | 0;
  }

  /** The merged sample equal to the candidate at the end of the output, or EMPTY. */
  private find(table: Int32Array, hash: number, locFrom: number, locTo: number, labelFrom: number, labelTo: number): number {
    const mask = table.length - 1;
    for (let slot = hash & mask; table[slot] !== EMPTY; slot = (slot + 1) & mask) {
      const other = table[slot];
      if (this.hashes[other] === hash && this.sameAs(other, locFrom, locTo, labelFrom, labelTo)) return other;
    }
    return EMPTY;
  }

  private sameAs(other: number, locFrom: number, locTo: number, labelFrom: number, labelTo: number): boolean {
    const o = this.out;
    const otherLoc = o.locStart[other];
    const otherLocEnd = other + 1 < this.count ? o.locStart[other + 1] : this.locCount;
    if (otherLocEnd - otherLoc !== locTo - locFrom) return false;
    for (let i = 0; i < locTo - locFrom; i++) if (o.locs[otherLoc + i] !== o.locs[locFrom + i]) return false;
    const otherLabel = o.labelStart[other];
    const otherLabelEnd = other + 1 < this.count ? o.labelStart[other + 1] : this.labelCount;
    if (otherLabelEnd - otherLabel !== labelTo - labelFrom) return false;
    for (let i = 0; i < labelTo - labelFrom; i++) {
      const a = otherLabel + i,
        b = labelFrom + i;
      if (o.labelKey[a] !== o.labelKey[b] || o.labelStr[a] !== o.labelStr[b]) return false;
      if (o.labelNum[a] !== o.labelNum[b] || o.labelNumUnit[a] !== o.labelNumUnit[b]) return false;
    }
    return true;
  }
}

/** True when the `n` values from `from` are all zero (a sample the merge drops). */
export function allZero(values: Float64Array, from: number, n: number): boolean {
  for (let i = from; i < from + n; i++) if (values[i] !== 0) return false;
  return true;
}

/**
 * Orders a sample's labels by key, keeping each key's values in their order (a stable insertion
 * sort over the four columns): pprof compares label sets key by key with the values in order, and
 * keeps that order (`tenant:[initech acme]` stays so).
 */
function sortLabelsByKey(o: Pick<SampleTable, 'labelKey' | 'labelStr' | 'labelNum' | 'labelNumUnit'>, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const key = o.labelKey[i],
      str = o.labelStr[i],
      num = o.labelNum[i],
      unit = o.labelNumUnit[i];
    let j = i - 1;
    for (; j >= from && o.labelKey[j] > key; j--) {
      o.labelKey[j + 1] = o.labelKey[j];
      o.labelStr[j + 1] = o.labelStr[j];
      o.labelNum[j + 1] = o.labelNum[j];
      o.labelNumUnit[j + 1] = o.labelNumUnit[j];
    }
    o.labelKey[j + 1] = key;
    o.labelStr[j + 1] = str;
    o.labelNum[j + 1] = num;
    o.labelNumUnit[j + 1] = unit;
  }
}
