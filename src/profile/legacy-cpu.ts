/**
 * The legacy binary CPU profile of gperftools' profiler (C++, and Go before profile.proto) and
 * of Google's Java agent: a header of five machine words (0, 3, 0 or 1 for Java, the sampling
 * period in microseconds, 0), then samples (count, depth, addresses), an end marker (0, 1, 0),
 * and a memory map in text (C++) or a table of Java frames. Words are 32 or 64 bits, in either
 * byte order; pprof tries 32-bit little-endian, 32-bit big-endian, 64-bit little, 64-bit big.
 */
import { readJavaFrames } from './legacy-java-frames.js';
import { readMemoryMap } from './legacy-maps.js';
import { LegacyProfile } from './legacy-profile.js';
import { dropRepeatedLeaves } from './legacy-thread.js';
import { wrapInt64 } from './legacy-strconv.js';
import { LineScanner, binaryString, minusOne } from './legacy-text.js';

/** How words are laid out. */
interface WordFormat {
  readonly size: 4 | 8;
  readonly littleEndian: boolean;
}

const FORMATS: readonly WordFormat[] = [
  { size: 4, littleEndian: true },
  { size: 4, littleEndian: false },
  { size: 8, littleEndian: true },
  { size: 8, littleEndian: false },
];

/** Reads words as Go's legacy parser does: past the end a read gives 0 and nothing more is read. */
class WordReader {
  private readonly view: DataView;
  pos = 0;
  exhausted = false;

  constructor(
    readonly data: Uint8Array,
    readonly format: WordFormat,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get remaining(): number {
    return this.exhausted ? 0 : this.data.length - this.pos;
  }

  next(): bigint {
    const { size, littleEndian } = this.format;
    if (this.exhausted || this.data.length - this.pos < size) {
      this.exhausted = true;
      return 0n;
    }
    const word = size === 4 ? BigInt(this.view.getUint32(this.pos, littleEndian)) : this.view.getBigUint64(this.pos, littleEndian);
    this.pos += size;
    return word;
  }
}

/** The profile's kind and sampling period, read from the header in the first format it fits. */
function readHeader(data: Uint8Array): { reader: WordReader; java: boolean; periodMicros: bigint } | null {
  for (const format of FORMATS) {
    const reader = new WordReader(data, format);
    const [n1, n2, n3, n4, n5] = [reader.next(), reader.next(), reader.next(), reader.next(), reader.next()];
    if (reader.exhausted || n1 !== 0n || n2 !== 3n || n4 === 0n || n5 !== 0n) continue;
    if (n3 === 0n || n3 === 1n) return { reader, java: n3 === 1n, periodMicros: n4 };
  }
  return null;
}

/**
 * A legacy binary CPU profile, or null when the bytes are not one (pprof's "unrecognized": also a
 * sample whose depth is more than what is left). Throws ProfileError for a bad memory map or Java
 * frame table.
 */
export function parseLegacyCpu(data: Uint8Array): LegacyProfile | null {
  const header = readHeader(data);
  if (!header) return null;
  const lp = new LegacyProfile([
    { type: 'samples', unit: 'count' },
    { type: 'cpu', unit: 'nanoseconds' },
  ]);
  lp.periodType = { type: 'cpu', unit: 'nanoseconds' };
  lp.period = Number(wrapInt64(BigInt.asIntN(64, header.periodMicros) * 1000n));
  // Java's addresses are frame ids, not return addresses: nothing to take one from.
  if (!readSamples(header.reader, lp, !header.java)) return null;
  const rest = header.reader.exhausted ? new Uint8Array(0) : data.subarray(header.reader.pos);
  if (header.java) {
    readJavaFrames(binaryString(rest), lp);
    return lp;
  }
  dropSignalFrames(lp);
  readMemoryMap(new LineScanner(binaryString(rest)), lp);
  dropRepeatedLeaves(lp);
  return lp;
}

/** Reads samples up to the end marker or the data's end; false when a depth cannot be right. */
function readSamples(reader: WordReader, lp: LegacyProfile, adjust: boolean): boolean {
  while (reader.remaining > 0) {
    const count = reader.next();
    const depth = reader.next();
    // pprof measures what is left in 4-byte units whatever the word size.
    if (reader.exhausted || depth > BigInt(Math.floor(reader.remaining / 4))) return false;
    const addresses = Array.from({ length: Number(depth) }, () => reader.next());
    if (count === 0n && depth === 1n && addresses[0] === 0n) break;
    const n = BigInt.asIntN(64, count);
    const values = [Number(n), Number(wrapInt64(n * BigInt(lp.period)))];
    // Return addresses point after the call; one less lands on it. The leaf is no return address.
    lp.addSample(values, adjust ? addresses.map((a, i) => (i > 0 ? minusOne(a) : a)) : addresses);
  }
  return true;
}

/**
 * When nearly every sample (all but one in 32) has the same caller of its leaf, that frame was
 * pushed by the signal handler, not by the program: it goes from every sample. Twice at most.
 */
function dropSignalFrames(lp: LegacyProfile): void {
  const margin = Math.floor(lp.samples.length / 32);
  for (let round = 0; round < 2; round++) {
    const counts = new Map<bigint, number>();
    for (const s of lp.samples)
      if (s.locations.length > 1) counts.set(s.locations[1].address, (counts.get(s.locations[1].address) ?? 0) + 1);
    const frame = [...counts].find(([, n]) => n >= lp.samples.length - margin)?.[0];
    if (frame === undefined) continue;
    for (const s of lp.samples) if (s.locations.length > 1 && s.locations[1].address === frame) s.locations.splice(1, 1);
  }
}
