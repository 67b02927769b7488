/** loadProfileFile (read, decode, merge as pprof loads) and the HEAPCLI_MAX_PROFILE setting. */
import { readFileSync } from 'node:fs';
import { loadProfileFile, maxProfileBytesFromEnv } from '../../src/profile/load.js';
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
      'not-a-profile', 'not a pprof profile: neither gzip nor profile.proto (wire type 3 where 2 was expected)',
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
    expect(p.sampleTypes).toEqual([{ type: 'inuse_objects', unit: 'count' }, { type: 'inuse_space', unit: 'bytes' }]);
    expect(p.samples.count).toBe(22);
    expect(p.mappings.map((m) => [m.id, m.start, m.limit, m.file])).toEqual([[1, 0, 0, '']]);
  });

  it('passes the inflated-size limit to the decoder', () => {
    expect(loadError('testdata/profiles/leakybuf.heap.pb.gz', 1000)).toEqual([
      'too-large', 'inflates to more than 1000 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)',
    ]);
  });
});

describe('maxProfileBytesFromEnv', () => {
  it.each([
    ['unset', undefined, undefined],
    ['empty', '', undefined],
    ['a byte count', '1048576', 1048576],
    ['exponent notation', '1e6', 1000000],
    ['surrounding spaces', ' 4096 ', 4096],
    ['zero', '0', undefined],
    ['negative', '-1', undefined],
    ['not a number', 'lots', undefined],
    ['a unit suffix (not understood)', '10MB', undefined],
    ['infinite', 'Infinity', undefined],
  ])('%s', (_name, value, expected) => {
    const env: NodeJS.ProcessEnv = value === undefined ? {} : { HEAPCLI_MAX_PROFILE: value };
    expect(maxProfileBytesFromEnv(env)).toBe(expected);
  });
});
