/**
 * Absurd counts are refused, not allocated: a small file (a gzip of repeated bytes inflates a
 * thousandfold) that claims millions of lines in a location, of frames in a stack, of mappings, or
 * more than its bytes could hold, fails fast with `malformed profile: ...` or `not a pprof
 * profile: ...`, and the process's peak memory (maxRSS) grows by far less than a gigabyte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseProfile } from '../../src/profile/decode.js';
import { DECODE_LIMITS } from '../../src/profile/decode-proto.js';
import { ProfileError } from '../../src/profile/errors.js';
import { MAX_LEGACY_TEXT_BYTES } from '../../src/profile/legacy.js';
import { concat, varint } from '../fuzz/wire-tree.js';

/** `unit` `n` times. */
function repeat(unit: readonly number[], n: number): Uint8Array {
  const out = new Uint8Array(unit.length * n);
  for (let i = 0; i < n; i++) out.set(unit, i * unit.length);
  return out;
}

/** A length-delimited field: its tag byte, its length, its payload. */
const field = (tag: number, payload: Uint8Array) => concat(Uint8Array.of(tag), varint(payload.length), payload);

/** Strings '' and 'a', one sample type a/'' (what each case below adds to). */
const HEAD = Uint8Array.of(0x32, 0, 0x32, 1, 0x61, 0x0a, 2, 8, 1);

const MB = 2 ** 20;

/** Decodes `bytes`, returning the error and how much the peak memory and the time grew. */
function measure(bytes: Uint8Array, maxInflatedBytes?: number): { kind: string; message: string; peakGrowthMB: number; ms: number } {
  const peakBefore = process.resourceUsage().maxRSS;
  const start = performance.now();
  let error: ProfileError | null = null;
  try {
    parseProfile(bytes, { maxInflatedBytes });
  } catch (err) {
    if (!(err instanceof ProfileError)) throw err;
    error = err;
  }
  const ms = performance.now() - start;
  if (error === null) throw new Error('expected a ProfileError, but the profile decoded');
  return { kind: error.kind, message: error.message, peakGrowthMB: (process.resourceUsage().maxRSS - peakBefore) / 1024, ms };
}

describe('absurd counts in a tiny file fail fast, without allocating gigabytes', () => {
  const limit = (things: string, owner: string, n: number) =>
    `malformed profile: ${owner} has more than ${n} ${things} (the most heapcli reads)`;
  const cases: [string, () => Uint8Array, string, number][] = [
    // 5 million lines in one location: 10 MB inflated, 10 kB gzipped.
    [
      'a location with 5 million lines',
      () => concat(HEAD, field(0x22, concat(Uint8Array.of(8, 1), repeat([0x22, 0], 5_000_000)))),
      limit('lines', 'location 0', DECODE_LIMITS.linesPerLocation),
      64,
    ],
    [
      'a sample with 2^20 + 1 frames (refused before they are read)',
      () => concat(HEAD, field(0x12, field(0x0a, repeat([1], DECODE_LIMITS.locationsPerSample + 1)))),
      limit('locations', 'sample 0', DECODE_LIMITS.locationsPerSample),
      64,
    ],
    [
      'a sample with 2^16 + 1 labels',
      () => concat(HEAD, field(0x12, repeat([0x1a, 0], DECODE_LIMITS.labelsPerSample + 1))),
      limit('labels', 'sample 0', DECODE_LIMITS.labelsPerSample),
      64,
    ],
    [
      'a sample with 2^16 + 1 values',
      () => concat(HEAD, field(0x12, field(0x12, repeat([1], DECODE_LIMITS.valuesPerSample + 1)))),
      limit('values', 'sample 0', DECODE_LIMITS.valuesPerSample),
      64,
    ],
    // 20 MB of values would take 160 MB as numbers: refused before room is made for them.
    [
      'a sample with 20 million values (refused before they are read)',
      () => concat(HEAD, field(0x12, field(0x12, repeat([1], 20_000_000)))),
      limit('values', 'sample 0', DECODE_LIMITS.valuesPerSample),
      64,
    ],
    [
      '2^16 + 1 sample types',
      () => concat(HEAD, repeat([0x0a, 0], DECODE_LIMITS.sampleTypes + 1)),
      limit('sample types', 'the profile', DECODE_LIMITS.sampleTypes),
      64,
    ],
    [
      '2^20 + 1 comments',
      () => concat(HEAD, field(0x6a, repeat([0], DECODE_LIMITS.comments + 1))),
      limit('comments', 'the profile', DECODE_LIMITS.comments),
      128,
    ],
    // An empty mapping costs two bytes and a JavaScript object: 64 MB of them ended the process.
    [
      '2^20 + 1 mappings',
      () => concat(HEAD, repeat([0x1a, 0], DECODE_LIMITS.mappings + 1)),
      limit('mappings', 'the profile', DECODE_LIMITS.mappings),
      512,
    ],
    // An array past 2^27 entries ends the process; 2^22 empty strings are 8 MB inflated, 8 kB gzipped.
    [
      '2^22 + 1 strings',
      () => concat(HEAD, repeat([0x32, 0], DECODE_LIMITS.strings + 1)),
      limit('strings', 'the string table', DECODE_LIMITS.strings),
      512,
    ],
  ];
  it.each(cases)('%s', (_what, build, message, maxGrowthMB) => {
    const gz = gzipSync(build(), { level: 9 });
    expect(gz.length).toBeLessThan(64 * 1024);
    const result = measure(gz);
    expect(result).toMatchObject({ kind: 'malformed', message });
    expect(result.peakGrowthMB).toBeLessThan(maxGrowthMB);
    expect(result.ms).toBeLessThan(5000);
  });

  const notAProfile = (detail: string) =>
    expect.stringMatching(new RegExp(`^not a pprof profile: neither gzip nor profile\\.proto \\(.*${detail}`));
  it.each([
    // protobuf has no counts, only lengths: a length that claims more than the bytes hold is refused unread.
    [
      'a string claiming 2 GiB in a 20-byte file',
      concat(HEAD, Uint8Array.of(0x32), varint(2 ** 31 - 1), Uint8Array.of(0x61)),
      'index out of range',
    ],
    [
      'a packed field of location ids longer than the data',
      concat(HEAD, field(0x12, concat(Uint8Array.of(0x0a), varint(2 ** 32 - 1), Uint8Array.of(1, 2)))),
      'runs past the end',
    ],
    [
      'a sample whose length is a 10-byte -1',
      concat(HEAD, Uint8Array.of(0x12, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x0a)),
      'runs past the end',
    ],
    [
      'a location whose lines claim 1 GiB',
      concat(HEAD, field(0x22, concat(Uint8Array.of(8, 1, 0x22), varint(2 ** 30)))),
      'runs past the end',
    ],
  ])('%s', (_what, bytes, detail) => {
    const result = measure(bytes);
    expect(result).toMatchObject({ kind: 'not-a-profile', message: notAProfile(detail) });
    expect(result.peakGrowthMB).toBeLessThan(64);
  });

  it('a gzip trailer claiming 2 GiB sets aside no more than the input could inflate to', () => {
    const gz = gzipSync(concat(HEAD, repeat([0x32, 0], 100)));
    new DataView(gz.buffer, gz.byteOffset).setUint32(gz.length - 4, 2 ** 31 - 1, true);
    const result = measure(gz);
    expect(result).toMatchObject({ kind: 'gzip', message: 'corrupt gzip data (length mismatch)' });
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(512 * MB);
    expect(result.peakGrowthMB).toBeLessThan(64);
  });
});

describe('HEAPCLI_MAX_PROFILE covers legacy text heap profiles too', () => {
  const header = 'heap profile: 1: 4096 [1: 4096] @ heap/1048576\n';
  const record = '1: 4096 [1: 4096] @ 0x4b54ee\n#\t0x4b54ed\tmain.leak+0x4d\t/src/main.go:12\n';
  const bomb = gzipSync(header + record.repeat(200_000), { level: 9 });

  it('a gzipped text that inflates past the bound stops early', () => {
    expect(bomb.length).toBeLessThan(100_000);
    expect(measure(bomb, 1_000_000)).toMatchObject({
      kind: 'too-large',
      message: 'inflates to more than 1000000 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)',
    });
  });

  it.each([['-top'], ['-raw']])('the CLI refuses it with the one-line message (%s)', (flag) => {
    const dir = mkdtempSync(join(tmpdir(), 'heapcli-limits-'));
    const path = join(dir, 'bomb.heap.txt.gz');
    writeFileSync(path, bomb);
    const run = spawnSync(process.execPath, ['bin/heapcli.js', flag, path], {
      encoding: 'utf8',
      env: { ...process.env, HEAPCLI_MAX_PROFILE: '1000000' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${path}: inflates to more than 1000000 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)\nfailed to fetch any source profiles\n`,
    );
  });

  it('a text longer than a JavaScript string can hold is refused by name (not a crash)', () => {
    // 2^29 bytes, never written to: the memory is not touched, so the test costs nothing.
    const huge = new Uint8Array(2 ** 29);
    huge.set(new TextEncoder().encode(header));
    const result = measure(huge);
    expect(result).toMatchObject({
      kind: 'too-large',
      message: `a text profile of ${2 ** 29} bytes is more than heapcli reads as text (${MAX_LEGACY_TEXT_BYTES} bytes)`,
    });
    expect(result.ms).toBeLessThan(1000);
  });
});
