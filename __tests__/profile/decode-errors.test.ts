/** Bytes that are not a profile, or a profile that breaks the model: always a ProfileError. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { encodeProfile, type ProfileMessage } from '../../src/profile/encode.js';
import { parseProfile } from '../../src/profile/decode.js';
import { ProfileError } from '../../src/profile/errors.js';
import { heapMessage, mulberry32, randomBytes } from '../helpers/profile-fixtures.js';

/** The ProfileError `f` throws; any other outcome fails the test. */
function thrown(f: () => unknown): ProfileError {
  try {
    f();
  } catch (err) {
    if (err instanceof ProfileError) return err;
    throw err;
  }
  throw new Error('expected a ProfileError, but nothing was thrown');
}

const errorOf = (bytes: Uint8Array) => {
  const e = thrown(() => parseProfile(bytes));
  return { kind: e.kind, message: e.message };
};

/** A valid message for each case to break in one place. */
function base(): ProfileMessage {
  return heapMessage({
    comments: ['c'],
    samples: [{ stack: ['f', 'main'], values: [1, 2, 3, 4], labels: [{ key: 'k', str: 'v' }] }],
  });
}

describe('malformed profiles', () => {
  it('the base message decodes (so each case below fails for its one change)', () => {
    expect(parseProfile(encodeProfile(base())).samples.count).toBe(1);
  });

  const strings = base().stringTable!.length;
  const outside = (where: string, index: number) => `${where} has string index ${index}, outside the string table (${strings} entries)`;
  const cases: [string, (m: ProfileMessage) => void, string][] = [
    ['a sample naming a missing location id', (m) => { m.sample![0].locationId = [1, 99]; }, 'sample 0 refers to location id 99, which does not exist'],
    ['a later sample naming a missing location id, after an empty one', (m) => {
      m.sample!.push({ ...m.sample![0], locationId: [] }, { ...m.sample![0], locationId: [2, 1, 77] });
    }, 'sample 2 refers to location id 77, which does not exist'],
    ['a missing location id past 32 bits', (m) => { m.sample![0].locationId = [1, 2 ** 40]; }, `sample 0 refers to location id ${2 ** 40}, which does not exist`],
    ['a location naming a missing function id', (m) => { m.location![1].line![0].functionId = 42; }, 'location 2 refers to function id 42, which does not exist'],
    ['a location naming a missing mapping id', (m) => { m.location![0].mappingId = 9; }, 'location 1 refers to mapping id 9, which does not exist'],
    ['a function name outside the string table', (m) => { m.function![0].name = 999; }, outside('function 1 (name)', 999)],
    ['a function file name one past the end', (m) => { m.function![1].filename = strings; }, outside('function 2 (file name)', strings)],
    ['a sample type outside the string table', (m) => { m.sampleType![2].type = 1000; }, outside('sample type 2', 1000)],
    ['a label key outside the string table', (m) => { m.sample![0].label![0].key = 500; }, outside('a sample label (key)', 500)],
    ['a comment outside the string table', (m) => { m.comment = [m.comment![0], 77]; }, outside('comment 1', 77)],
    ['a mapping file outside the string table', (m) => { m.mapping![0].filename = 300; }, outside('mapping 0', 300)],
    ['a default sample type outside the string table', (m) => { m.defaultSampleType = 400; }, outside('default_sample_type', 400)],
    ['a sample with too few values', (m) => { m.sample![0].value = [1, 2, 3]; }, 'sample 0 has 3 values but there are 4 sample types'],
    ['a sample with too many values', (m) => { m.sample![0].value = [1, 2, 3, 4, 5]; }, 'sample 0 has 5 values but there are 4 sample types'],
    ['a first string that is not empty', (m) => { m.stringTable![0] = 'x'; }, 'the first string of the string table must be empty'],
    ['two locations with the same id', (m) => { m.location![1].id = 1; }, 'two locations have the id 1'],
    ['two functions with the same id', (m) => { m.function![1].id = 1; }, 'two functions have the id 1'],
    ['two mappings with the same id', (m) => { m.mapping = [m.mapping![0], { ...m.mapping![0] }]; }, 'two mappings have the id 1'],
    // The number after "location"/"function" here is the entry's position, as the id is 0.
    ['a location with id 0', (m) => { m.location![1].id = 0; }, 'location 1 has the reserved id 0'],
    ['a function with id 0', (m) => { m.function![0].id = 0; }, 'function 0 has the reserved id 0'],
    ['a mapping with id 0', (m) => { m.mapping![0].id = 0; }, 'mapping 0 has the reserved id 0'],
    ['no sample types', (m) => { m.sampleType = []; }, 'no sample types'],
  ];
  it.each(cases)('%s', (_name, breakIt, reason) => {
    const m = base();
    breakIt(m);
    expect(errorOf(encodeProfile(m))).toEqual({ kind: 'malformed', message: `malformed profile: ${reason}` });
  });

  // With no mappings, only locations without one get the stand-in mapping; a dangling id is named as written.
  it('names the mapping id as written when the profile has no mappings', () => {
    const m = heapMessage({ mappings: [], samples: [{ stack: ['f'], values: [1, 2, 3, 4] }] });
    m.location![0].mappingId = 9;
    expect(errorOf(encodeProfile(m)).message).toBe('malformed profile: location 1 refers to mapping id 9, which does not exist');
  });
});

describe('not a profile', () => {
  const notAProfile = (detail: string) => ({ kind: 'not-a-profile', message: `not a pprof profile: ${detail}` });

  it('an empty buffer', () => {
    expect(errorOf(new Uint8Array(0))).toEqual({ kind: 'not-a-profile', message: 'empty file' });
  });

  it('a text file', () => {
    // 'h' reads as the tag of field 13 (comment, varint) and 'e' as its value; 'l' is field 13 again with wire type 4.
    expect(errorOf(new TextEncoder().encode('hello world\n'))).toEqual(notAProfile('neither gzip nor profile.proto (wire type 4 where 0 was expected)'));
  });

  it('a Go legacy text heap profile is read, not refused (see legacy-heap.test.ts)', () => {
    const text = readFileSync('testdata/profiles/leakybuf.heap.txt', 'utf8');
    expect(text.startsWith('heap profile: ')).toBe(true);
    expect(() => parseProfile(new TextEncoder().encode(text))).not.toThrow();
  });

  it('protobuf without a string table', () => {
    expect(errorOf(encodeProfile({ period: 5 }, false))).toEqual(notAProfile('no string table (is it profile.proto?)'));
  });

  it('50 seeded random buffers of different lengths: a ProfileError each, never another exception', () => {
    const next = mulberry32(0x5eed);
    const kinds: Record<string, number> = {};
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(next, 1 + Math.floor(next() * 4096));
      const { kind, message } = errorOf(bytes);
      // Random bytes starting 1f 8b would go to the gzip reader; with this seed none do.
      expect(['not-a-profile', 'malformed']).toContain(kind);
      expect(message).toMatch(kind === 'malformed' ? /^malformed profile: / : /^not a pprof profile: \S/);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    expect(kinds).toEqual({ 'not-a-profile': 50 });
  });

  it('200 seeded mutations of a real profile: each decodes or throws a ProfileError', () => {
    const good = gunzipSync(readFileSync('testdata/profiles/leakybuf.heap.pb.gz'));
    const next = mulberry32(42);
    const outcomes = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from(good);
      for (let k = 0; k < 1 + (i % 4); k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      try {
        parseProfile(bytes);
        outcomes.add('decoded');
      } catch (err) {
        expect(err).toBeInstanceOf(ProfileError);
        outcomes.add((err as ProfileError).kind);
      }
    }
    // Mutations land on every layer: some survive, some break the wire, some break the model.
    expect([...outcomes].sort()).toEqual(['decoded', 'malformed', 'not-a-profile']);
  });
});
