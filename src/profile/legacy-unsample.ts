/**
 * Heap profiles record a sample of allocations: a block of `size` bytes is caught with probability
 * 1-exp(-size/rate). pprof estimates what a sampled (count, size) pair stands for by dividing both
 * by that probability, in float64, truncated back to int64; so does heapcli, to the same numbers.
 */
import { float64ToInt64 } from './legacy-strconv.js';

/**
 * The unsampled (count, size) of a pair recorded at `rate` (average bytes between samples), by
 * the pair's average block size. A rate of 1 or less means every allocation was recorded.
 */
export function unsampleHeapPair(count: bigint, size: bigint, rate: bigint): [bigint, bigint] {
  if (count === 0n || size === 0n) return [0n, 0n];
  if (rate <= 1n) return [count, size];
  const scale = 1 / (1 - Math.exp(-(Number(size) / Number(count)) / Number(rate)));
  return [float64ToInt64(Number(count) * scale), float64ToInt64(Number(size) * scale)];
}
