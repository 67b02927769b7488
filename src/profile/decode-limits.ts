import { malformed } from './errors.js';

/**
 * Counts no real profile comes near, refused as they are read (a `malformed profile` error), so
 * that a small file cannot make the decoder allocate gigabytes: gzip turns a few kilobytes into
 * millions of empty entries. Capped are the lists of JavaScript objects and strings (they cost far
 * more than their bytes, and an array past 2^27 entries ends the process) and single entries of
 * absurd size (a location with a million lines). Typed columns grow with the data alone.
 */
export const DECODE_LIMITS = {
  strings: 2 ** 22,
  sampleTypes: 2 ** 16,
  mappings: 2 ** 20,
  comments: 2 ** 20,
  valuesPerSample: 2 ** 16,
  locationsPerSample: 2 ** 20,
  labelsPerSample: 2 ** 16,
  linesPerLocation: 2 ** 16,
} as const;

/** Refuses a count past its limit: `malformed profile: sample 7 has more than 65536 values (...)`. */
export function refuseOver(count: number, limit: number, things: string, owner = 'the profile', index = -1): void {
  if (count <= limit) return;
  throw malformed(`${index >= 0 ? `${owner} ${index}` : owner} has more than ${limit} ${things} (the most heapcli reads)`);
}
