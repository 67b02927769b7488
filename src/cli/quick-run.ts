import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { v8 } from '../host/lazy-builtins.js';
import { isGzip } from '../profile/gzip-format.js';

/** Inputs up to this many bytes in all make a quick run (about 3,000 samples of a gzipped profile). */
export const QUICK_RUN_MAX_BYTES = 64 * 1024;

/** A gzipped input counts as quick only if its trailer says it inflates to at most this much. */
export const QUICK_RUN_MAX_INFLATED = 1024 * 1024;

/** Limits on input files: their bytes in all, and each gzip file's inflated length (its trailer's). */
export interface SizeLimits {
  readonly bytes: number;
  readonly inflated: number;
}

/** A quick run's limits (isQuickRun). */
const QUICK_RUN_LIMITS: SizeLimits = { bytes: QUICK_RUN_MAX_BYTES, inflated: QUICK_RUN_MAX_INFLATED };

/**
 * The profiles a console greets before the rest of heapcli has loaded (cli/first-prompt.ts): read
 * on the console's thread in a few hundred milliseconds at most (a 1.5 MB one in about 180 ms).
 */
export const FIRST_PROMPT_LIMITS: SizeLimits = { bytes: 2 * 1024 * 1024, inflated: 32 * 1024 * 1024 };

/** What is known of one input file before it is read: its size, and a gzip trailer's length field. */
export interface InputSize {
  readonly bytes: number;
  /** The inflated length a gzip file's last trailer gives; null for anything else. */
  readonly inflated: number | null;
}

/**
 * True when a one-shot report's inputs are all local files small enough that the report takes
 * tens of milliseconds. For those, V8's optimising compiler costs more than it saves: it compiles
 * the hottest loops (the inflater's above all) on a second thread while the report is nearly done.
 * `sizeOf` returns null for an input that is not a readable file (a URL).
 */
export function isQuickRun(inputs: readonly string[], sizeOf: (path: string) => InputSize | null): boolean {
  return withinLimits(inputs, sizeOf, QUICK_RUN_LIMITS);
}

/** True when `inputs` are local files (`sizeOf` is null for anything else) within `limits`. */
export function withinLimits(inputs: readonly string[], sizeOf: (path: string) => InputSize | null, limits: SizeLimits): boolean {
  let total = 0;
  for (const input of inputs) {
    const size = sizeOf(input);
    if (size === null) return false;
    total += size.bytes;
    if (total > limits.bytes || (size.inflated !== null && size.inflated > limits.inflated)) return false;
  }
  return inputs.length > 0;
}

/** The size of a file, and its gzip trailer's length field when it is gzip; null if it cannot be read. */
export function inputSize(path: string): InputSize | null {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    return { bytes: stat.size, inflated: gzipTrailerLength(path, stat.size) };
  } catch {
    return null;
  }
}

/** The last four bytes of a gzip file (the last member's length, mod 2^32), or null if not gzip. */
function gzipTrailerLength(path: string, size: number): number | null {
  if (size < 18) return null;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const tail = Buffer.alloc(4);
    readSync(fd, head, 0, 2, 0);
    if (!isGzip(head)) return null;
    readSync(fd, tail, 0, 4, size - 4);
    return tail.readUInt32LE(0);
  } finally {
    closeSync(fd);
  }
}

/**
 * Stops V8 from tiering code past its baseline compiler, for the rest of the process. Only for a
 * process that runs one quick report and exits: a long run would stay slow.
 */
export function skipOptimizingCompiler(): void {
  v8().setFlagsFromString('--max-opt=1');
}
