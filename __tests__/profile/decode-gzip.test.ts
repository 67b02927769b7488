/** Gzip handling: truncation, corruption, bombs, and the inflated-size limit. */
import zlib from 'node:zlib';
import { gzipSync } from 'fflate';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { parseProfile, type DecodeLimits } from '../../src/profile/decode.js';
import { ProfileError } from '../../src/profile/errors.js';
import { formatRaw } from '../../src/format/raw.js';
import { concatBytes, heapMessage } from '../helpers/profile-fixtures.js';

/** kind and message of the ProfileError decoding `bytes` throws, or 'decoded'. */
function outcome(bytes: Uint8Array, limits?: DecodeLimits): { kind: string; message: string } | 'decoded' {
  try {
    parseProfile(bytes, limits);
    return 'decoded';
  } catch (err) {
    if (!(err instanceof ProfileError)) throw err;
    return { kind: err.kind, message: err.message };
  }
}

const MESSAGE = heapMessage({
  samples: Array.from({ length: 40 }, (_, i) => ({
    stack: [`main.f${i}`, `main.g${i % 7}`, 'main.main'],
    values: [i, i * 64, i % 3, (i % 3) * 64],
  })),
});
const RAW = encodeProfile(MESSAGE, false);
const GZ = encodeProfile(MESSAGE);
const TRUNCATED = { kind: 'gzip', message: 'truncated gzip data (unexpected end of file)' };

it('the gzipped fixture decodes (the reference for the damage below)', () => {
  expect(parseProfile(GZ).samples.count).toBe(40);
  expect(GZ.length).toBeGreaterThan(200);
});

describe('well-formed gzip from other writers', () => {
  const expected = formatRaw(parseProfile(RAW));

  it('a header with a file name and modification time, as the gzip tool writes', () => {
    const named = gzipSync(RAW, { filename: 'heap.pb', mtime: 1700000000000 });
    expect(named[3] & 0x08).toBe(0x08); // FNAME flag
    expect(formatRaw(parseProfile(named))).toBe(expected);
  });

  it.each([1, 6, 9])('node:zlib at level %i', (level) => {
    expect(formatRaw(parseProfile(zlib.gzipSync(RAW, { level })))).toBe(expected);
  });
});

describe('truncated gzip', () => {
  it.each([10, 17])('cut to %i bytes: shorter than header and trailer', (cut) => {
    expect(outcome(GZ.subarray(0, cut))).toEqual({ kind: 'gzip', message: 'truncated gzip data (shorter than a gzip header and trailer)' });
  });

  it.each([
    ['just after the header', 18],
    ['a quarter in', GZ.length >> 2],
    ['half way', GZ.length >> 1],
    ['without the trailer', GZ.length - 8],
    ['without the length field', GZ.length - 4],
    ['without the last byte', GZ.length - 1],
  ])('cut %s', (_where, cut) => {
    expect(outcome(GZ.subarray(0, cut))).toEqual(TRUNCATED);
  });
});

describe('corrupt gzip', () => {
  it('a reserved deflate block type', () => {
    const bad = Uint8Array.from(GZ);
    bad[10] |= 0b110; // BTYPE of the first block (bits 1-2 after the 10-byte header) = 11, reserved
    expect(outcome(bad)).toEqual({ kind: 'gzip', message: 'corrupt gzip data (invalid block type)' });
  });

  // A complete stream whose trailer length is wrong is corrupt, not truncated (Go: "gzip: invalid checksum").
  it('a length field that disagrees with the data is corrupt, not truncated', () => {
    const bad = Uint8Array.from(GZ);
    bad[bad.length - 2] ^= 1;
    expect(outcome(bad)).toMatchObject({ kind: 'gzip', message: expect.stringMatching(/^corrupt gzip data/) });
  });

  it('gzip of nothing', () => {
    expect(outcome(gzipSync(new Uint8Array(0)))).toEqual({ kind: 'not-a-profile', message: 'parsing profile: empty input file' });
  });

  // zlib checks each member's trailer; Go's gzip reader, and so pprof, fails likewise ("gzip:
  // invalid checksum").
  it('a CRC-32 that disagrees with the data', () => {
    const bad = Uint8Array.from(GZ);
    bad[bad.length - 8] ^= 0xff;
    const result = outcome(bad);
    expect(result).not.toBe('decoded');
    expect(result).toMatchObject({ kind: 'gzip', message: expect.stringMatching(/^corrupt gzip data/) });
  });

  // A gzip file of several members (what `cat a.gz b.gz` makes) is valid gzip, and Go's reader
  // (multistream by default) inflates all of them; so do we, checking each member's trailer.
  it('a profile split over two gzip members', () => {
    const split = RAW.length >> 1;
    const twoMembers = concatBytes(gzipSync(RAW.subarray(0, split)), gzipSync(RAW.subarray(split)));
    expect(outcome(twoMembers)).toBe('decoded');
  });
});

// fflate goes on to a following member by calling itself with a copy of the rest of the input:
// 10,000 members overflowed the stack ("Maximum call stack size exceeded"). Go's reader takes them.
describe('many gzip members', () => {
  const EMPTY_ZLIB = zlib.gzipSync(Buffer.alloc(0)); // a fixed-Huffman empty block, as zlib writes
  // Go's gzip.Writer closed without data: a stored empty block; with a file name, for the header's sake.
  const EMPTY_STORED = Uint8Array.from([0x1f, 0x8b, 8, 8, 0, 0, 0, 0, 0, 0xff, 0x61, 0, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]);
  const expected = formatRaw(parseProfile(GZ));

  it.each([
    ['zlib', EMPTY_ZLIB],
    ['stored', EMPTY_STORED],
    ['fflate', gzipSync(new Uint8Array(0))],
  ])('a profile followed by 10,000 empty members (%s)', (_writer, empty) => {
    const bytes = concatBytes(GZ, ...Array.from({ length: 10_000 }, () => empty));
    expect(formatRaw(parseProfile(bytes))).toBe(expected);
  });

  it('empty members before the profile and between its parts', () => {
    const split = RAW.length >> 1;
    const bytes = concatBytes(
      EMPTY_ZLIB,
      EMPTY_STORED,
      gzipSync(RAW.subarray(0, split)),
      EMPTY_ZLIB,
      gzipSync(RAW.subarray(split)),
      EMPTY_ZLIB,
    );
    expect(formatRaw(parseProfile(bytes))).toBe(expected);
  });

  it('a profile in 3,000 members of a few bytes each', () => {
    const size = Math.ceil(RAW.length / 3000);
    const parts = Array.from({ length: Math.ceil(RAW.length / size) }, (_, i) => zlib.gzipSync(RAW.subarray(i * size, (i + 1) * size)));
    expect(parts.length).toBeGreaterThan(1000);
    expect(formatRaw(parseProfile(concatBytes(...parts)))).toBe(expected);
  });

  it('an empty member whose trailer claims data is still checked', () => {
    const lying = Uint8Array.from(EMPTY_ZLIB);
    lying[lying.length - 4] = 1; // length 1
    expect(outcome(concatBytes(GZ, lying))).toEqual({ kind: 'gzip', message: 'corrupt gzip data (length mismatch)' });
  });

  it('a cut-off empty member at the end is truncated', () => {
    expect(outcome(concatBytes(GZ, EMPTY_ZLIB.subarray(0, 15)))).toEqual(TRUNCATED);
  });
});

describe('gzip bomb', () => {
  const MB = 1024 * 1024;
  // 50 MB of zeros compress to about 50 kB.
  const bomb = gzipSync(new Uint8Array(50 * MB), { level: 9 });

  it('is small on disk', () => {
    expect(bomb.length).toBeLessThan(100 * 1024);
  });

  it('stops with too-large when it would inflate past the limit', () => {
    expect(outcome(bomb, { maxInflatedBytes: MB })).toEqual({
      kind: 'too-large',
      message: 'inflates to more than 1048576 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)',
    });
  });

  it('one byte under its inflated size is still too large; exactly its size is allowed', () => {
    expect(outcome(bomb, { maxInflatedBytes: 50 * MB - 1 })).toMatchObject({ kind: 'too-large' });
    expect(outcome(bomb, { maxInflatedBytes: 50 * MB })).toMatchObject({ kind: 'not-a-profile' });
  });

  it('cut short, it is still refused as too large (the output passed the limit before the cut)', () => {
    expect(outcome(bomb.subarray(0, bomb.length >> 1), { maxInflatedBytes: MB })).toMatchObject({ kind: 'too-large' });
  });

  // The input is fed to fflate in slices, so the limit applies as the output grows: damage 45 MB
  // into the output is never reached, the bomb is refused first.
  it('is refused while inflating, before damage far past the limit is reached', () => {
    const damaged = Uint8Array.from(bomb);
    const at = Math.floor(bomb.length * 0.9);
    damaged.fill(0xff, at, at + 16);
    expect(outcome(damaged, { maxInflatedBytes: MB })).toMatchObject({ kind: 'too-large' });
  });

  it('under the (default) limit it inflates, and zeros are not a profile: field number 0', () => {
    expect(outcome(bomb)).toEqual({
      kind: 'not-a-profile',
      message: 'not a pprof profile: the inflated data is not profile.proto (invalid field number 0 at offset 1)',
    });
  });

  it('a real profile under a tight limit is too large too', () => {
    expect(outcome(GZ, { maxInflatedBytes: RAW.length - 1 })).toEqual({
      kind: 'too-large',
      message: `inflates to more than ${RAW.length - 1} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`,
    });
    expect(outcome(GZ, { maxInflatedBytes: RAW.length })).toBe('decoded');
  });
});

describe('after the last member (Node zlib)', () => {
  it('other bytes are corrupt gzip data', () => {
    expect(outcome(concatBytes(GZ, new TextEncoder().encode('garbage!')))).toEqual({
      kind: 'gzip',
      message: 'corrupt gzip data (invalid gzip data)',
    });
  });

  // Beyond pprof, which says "gzip: invalid header": zlib takes zero bytes there for padding.
  it('zero bytes are padding, and the profile reads as without them', () => {
    expect(formatRaw(parseProfile(concatBytes(GZ, new Uint8Array(20))))).toBe(formatRaw(parseProfile(GZ)));
  });
});
