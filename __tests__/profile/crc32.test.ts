/** gzip's CRC-32: the portable loop, used where Node has no zlib.crc32, agrees with zlib's. */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, crc32Portable } from '../../src/profile/crc32.js';

/** Deterministic bytes (a linear congruential sequence), so a failure repeats. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

test('the portable loop gives the standard check value and agrees with zlib, in one go or in two', () => {
  expect(crc32Portable(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  for (const n of [0, 1, 7, 255, 4096]) {
    const data = bytes(n, n + 1);
    expect(crc32Portable(data)).toBe(zlibCrc32(data));
    expect(crc32Portable(data.subarray(n >> 1), crc32Portable(data.subarray(0, n >> 1)))).toBe(zlibCrc32(data));
    expect(crc32(data.subarray(n >> 1), crc32(data.subarray(0, n >> 1)))).toBe(zlibCrc32(data));
  }
});
