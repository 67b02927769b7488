/** loadProfileFile (read, decode, merge as pprof loads) and the HEAPCLI_MAX_PROFILE setting. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { maxProfileBytesFromEnv } from '../../src/host/size-limit.js';
import { parseProfile } from '../../src/profile/decode.js';
import { ProfileError } from '../../src/profile/errors.js';

/** kind and message of the ProfileError loading `path` throws. */
function loadError(path: string, max?: number): [string, string] {
  try {
    loadProfileFile(path, max);
  } catch (err) {
    if (err instanceof ProfileError) return [err.kind, err.message];
    throw err;
  }
  throw new Error(`${path} loaded`);
}

describe('loadProfileFile', () => {
  it('a missing path', () => {
    expect(loadError('testdata/profiles/no-such.pb.gz')).toEqual(['io', 'open testdata/profiles/no-such.pb.gz: no such file or directory']);
  });

  it('a directory', () => {
    expect(loadError('testdata/profiles')).toEqual(['io', 'read testdata/profiles: is a directory']);
  });

  it('a path through a file', () => {
    expect(loadError('testdata/README.md/profile.pb.gz')).toEqual(['io', 'open testdata/README.md/profile.pb.gz: not a directory']);
  });

  it('a file that is not a profile', () => {
    expect(loadError('testdata/README.md')).toEqual([
      'not-a-profile',
      'not a pprof profile: neither gzip nor profile.proto (wire type 3 where 2 was expected)',
    ]);
  });

  it('a real Go heap profile, merged as pprof loads it (duplicate stacks summed)', () => {
    const path = 'testdata/profiles/leakybuf.heap.pb.gz';
    const p = loadProfileFile(path);
    expect(p.sampleTypes[0]).toEqual({ type: 'alloc_objects', unit: 'count' });
    expect(p.sampleTypes.map((t) => t.type)).toEqual(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']);
    expect(p.samples.count).toBe(186);
    // pprof -raw prints one line per sample, each ending in its location ids.
    const golden = readFileSync('testdata/golden/leakybuf.heap.raw.out', 'utf8');
    expect(golden.split('\n').filter((l) => /^ +-?\d+ .*: [\d ]+$/.test(l))).toHaveLength(186);
    expect(parseProfile(readFileSync(path)).samples.count).toBe(195);
  });

  it('a Node heap profile: two sample types and a stand-in mapping', () => {
    const p = loadProfileFile('testdata/profiles/nodeleak.heap.pb.gz');
    expect(p.sampleTypes).toEqual([
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ]);
    expect(p.samples.count).toBe(22);
    expect(p.mappings.map((m) => [m.id, m.start, m.limit, m.file])).toEqual([[1, 0, 0, '']]);
  });

  it('passes the inflated-size limit to the decoder', () => {
    expect(loadError('testdata/profiles/leakybuf.heap.pb.gz', 8000)).toEqual([
      'too-large',
      'inflates to more than 8000 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)',
    ]);
  });
});

describe('the size limit bounds the file as read, not only as inflated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapcli-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a raw (uncompressed) profile.proto over the limit is refused before it is read', () => {
    const raw = gunzipSync(readFileSync('testdata/profiles/leakybuf.heap.pb.gz'));
    const path = join(dir, 'raw.pb');
    writeFileSync(path, raw);
    expect(loadError(path, raw.length - 1)).toEqual([
      'too-large',
      `is larger than ${raw.length - 1} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`,
    ]);
    expect(loadProfileFile(path, raw.length).samples.count).toBe(186);
  });

  it('a legacy text profile over the limit', () => {
    expect(loadError('testdata/profiles/leakybuf.heap.txt', 1000)).toEqual([
      'too-large',
      'is larger than 1000 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)',
    ]);
  });

  it('a device is refused (/dev/zero never ends)', () => {
    expect(loadError('/dev/zero')).toEqual(['io', 'read /dev/zero: is a device, not a file']);
  });

  it('a pipe is read to its end, and refused once past the limit', () => {
    const path = join(dir, 'fifo');
    execFileSync('mkfifo', [path]);
    const bytes = readFileSync('testdata/profiles/leakybuf.heap.pb.gz');
    // A writer in another process: opening a FIFO waits for the other end.
    const writer = (count: number) =>
      spawn('sh', ['-c', `for i in $(seq ${count}); do cat testdata/profiles/leakybuf.heap.pb.gz; done > ${path}`]);
    writer(1);
    expect(loadProfileFile(path).samples.count).toBe(186);
    const endless = spawn('sh', ['-c', `cat /dev/zero > ${path}`]);
    expect(loadError(path, 3 * bytes.length)).toEqual([
      'too-large',
      `is larger than ${3 * bytes.length} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`,
    ]);
    endless.kill();
  });
});

describe('maxProfileBytesFromEnv', () => {
  it.each([
    ['unset', undefined, undefined],
    ['empty', '', undefined],
    ['blank', '  ', undefined],
    ['a byte count', '1048576', 1048576],
    ['exponent notation', '1e6', 1000000],
    ['surrounding spaces', ' 4096 ', 4096],
    ['kB (1024, as pprof prints it)', '100kB', 102400],
    ['KiB', '100KiB', 102400],
    ['k', '100k', 102400],
    ['MB', '10MB', 10 * 1024 ** 2],
    ['a space before the unit, lower case', '10 mb', 10 * 1024 ** 2],
    ['a fraction of GB', '1.5GB', 1.5 * 1024 ** 3],
    ['GiB', '2GiB', 2 * 1024 ** 3],
    ['T', '1t', 1024 ** 4],
    ['B', '512B', 512],
  ])('%s', (_name, value, expected) => {
    const env: NodeJS.ProcessEnv = value === undefined ? {} : { HEAPCLI_MAX_PROFILE: value };
    expect(maxProfileBytesFromEnv(env)).toEqual({ bytes: expected });
  });

  it.each([
    ['zero', '0'],
    ['negative', '-1'],
    ['under a byte', '0.5'],
    ['not a number', 'lots'],
    ['an unknown unit', '10XB'],
    ['bits', '10Mbit'],
    ['infinite', 'Infinity'],
    ['past 2^53', '1e30'],
    ['hexadecimal', '0x1000'],
  ])('refuses %s', (_name, value) => {
    expect(maxProfileBytesFromEnv({ HEAPCLI_MAX_PROFILE: value })).toEqual({
      error: `HEAPCLI_MAX_PROFILE=${JSON.stringify(value)} is not a size: give a number of bytes of at least 1, or one with a unit (64MB, 2GB; powers of 1024)`,
    });
  });
});
