/**
 * Small legacy profiles for the parser tests, built in code: binary CPU profiles in each word size
 * and byte order, and texts of each format. The expected outputs in the tests are what Go 1.19's
 * `go tool pprof -raw` printed for these exact bytes.
 */
import { framelessSamples } from '../../src/analysis/filters/filter.js';
import { formatRaw } from '../../src/format/raw.js';
import { parseProfile } from '../../src/profile/decode.js';
import { ProfileError } from '../../src/profile/errors.js';
import { normalizeProfile } from '../../src/profile/merge.js';

/** Word layout of a binary CPU profile. */
export type WordFormat = '32le' | '32be' | '64le' | '64be';

/** A sample of a binary CPU profile: its count and its stack, leaf first. */
export type CpuSample = readonly [count: number, stack: readonly (number | bigint)[]];

/** A binary CPU profile: header (Java's when `java`), samples, end marker unless `end` is false, then `tail`. */
export function cpuProfile(
  format: WordFormat,
  periodMicros: number,
  samples: readonly CpuSample[],
  options: { java?: boolean; tail?: string; end?: boolean } = {},
): Uint8Array {
  const words: bigint[] = [0n, 3n, options.java ? 1n : 0n, BigInt(periodMicros), 0n];
  for (const [count, stack] of samples) words.push(BigInt(count), BigInt(stack.length), ...stack.map((a) => BigInt(a)));
  if (options.end !== false) words.push(0n, 1n, 0n);
  const size = format.startsWith('32') ? 4 : 8;
  const little = format.endsWith('le');
  const tail = new TextEncoder().encode(options.tail ?? '');
  const out = new Uint8Array(words.length * size + tail.length);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => (size === 4 ? view.setUint32(i * size, Number(w), little) : view.setBigUint64(i * size, w, little)));
  out.set(tail, words.length * size);
  return out;
}

/** The bytes of a text. */
export const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** What `heapcli -raw` prints for the bytes (decoded and merged as on load), or the error's message. */
export function rawOf(bytes: Uint8Array): string {
  try {
    const p = normalizeProfile(parseProfile(bytes));
    return formatRaw(p, framelessSamples(p));
  } catch (err) {
    if (err instanceof ProfileError) return `error (${err.kind}): ${err.message}`;
    throw err;
  }
}

/** A /proc/self/maps listing with a main binary (two pieces, one not executable) and libc. */
export const MAPS_64 = [
  '00400000-00500000 r-xp 00000000 fc:01 1234 /usr/bin/app',
  '00500000-00600000 rw-p 00100000 fc:01 1234 /usr/bin/app',
  '7f0000000000-7f0000100000 r-xp 00000000 fc:01 99 /lib/libc.so.6',
  '',
].join('\n');

/** Four samples: a repeated caller, an address in libc, a zero count, a leaf the caller repeats. */
export const CPU_SAMPLES: readonly CpuSample[] = [
  [3, [0x400100, 0x400200, 0x400300]],
  [2, [0x400101, 0x400200, 0x7f0000000500]],
  [0, [0x400555]],
  [5, [0x400102, 0x400103, 0x400300]],
];
