/** Bytes that are not a profile, or a profile that breaks the model: always a ProfileError. */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'fflate';
import { encodeProfile, type ProfileMessage } from '../../tools/profile-pb/encode.js';
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

  // A string index outside the table is refused in heapcli's words (pprof cannot parse the file
  // at all, and says only `parsing profile: unrecognized profile format`).
  const strings = base().stringTable!.length;
  const outside = (where: string, index: number) => `${where} has string index ${index}, outside the string table (${strings} entries)`;
  const stringCases: [string, (m: ProfileMessage) => void, string][] = [
    [
      'a function name outside the string table',
      (m) => {
        m.function![0].name = 999;
      },
      outside('function 1 (name)', 999),
    ],
    [
      'a function file name one past the end',
      (m) => {
        m.function![1].filename = strings;
      },
      outside('function 2 (file name)', strings),
    ],
    [
      'a sample type outside the string table',
      (m) => {
        m.sampleType![2].type = 1000;
      },
      outside('sample type 2', 1000),
    ],
    [
      'a label key outside the string table',
      (m) => {
        m.sample![0].label![0].key = 500;
      },
      outside('a sample label (key)', 500),
    ],
    [
      'a comment outside the string table',
      (m) => {
        m.comment = [m.comment![0], 77];
      },
      outside('comment 1', 77),
    ],
    [
      'a mapping file outside the string table',
      (m) => {
        m.mapping![0].filename = 300;
      },
      outside('mapping 0', 300),
    ],
    [
      'a default sample type outside the string table',
      (m) => {
        m.defaultSampleType = 400;
      },
      outside('default_sample_type', 400),
    ],
    [
      'a first string that is not empty',
      (m) => {
        m.stringTable![0] = 'x';
      },
      'the first string of the string table must be empty',
    ],
    [
      'a bad string index and a bad id: the string first',
      (m) => {
        m.function![0].name = 999;
        m.function![1].id = 0;
      },
      outside('function 1 (name)', 999),
    ],
  ];
  // What pprof's checks refuse, in its words and its order: samples first (values, then
  // locations, sample by sample), then mappings, functions and locations, each in file order. The
  // expected messages are what Go 1.19's pprof printed for the same profiles.
  const pprofCases: [string, (m: ProfileMessage) => void, string][] = [
    [
      'a sample naming a missing location id',
      (m) => {
        m.sample![0].locationId = [1, 99];
      },
      'sample has nil location',
    ],
    [
      'a later sample naming a missing location id, after an empty one',
      (m) => {
        m.sample!.push({ ...m.sample![0], locationId: [] }, { ...m.sample![0], locationId: [2, 1, 77] });
      },
      'sample has nil location',
    ],
    [
      'a missing location id past 32 bits',
      (m) => {
        m.sample![0].locationId = [1, 2 ** 40];
      },
      'sample has nil location',
    ],
    [
      'a sample naming location id 0',
      (m) => {
        m.sample![0].locationId = [0, 1];
      },
      'sample has nil location',
    ],
    [
      'a sample naming location id 0, which a location has',
      (m) => {
        m.location!.push({ ...m.location![0], id: 0 });
        m.sample![0].locationId = [0, 1];
      },
      'found location with reserved id=0',
    ],
    [
      'a location naming a missing function id',
      (m) => {
        m.location![1].line![0].functionId = 42;
      },
      'location id: 2 has a line with nil function',
    ],
    [
      'a line without a function (id 0)',
      (m) => {
        m.location![1].line![0].functionId = 0;
      },
      'location id: 2 has a line with nil function',
    ],
    [
      'a sample with too few values',
      (m) => {
        m.sample![0].value = [1, 2, 3];
      },
      'mismatch: sample has 3 values vs. 4 types',
    ],
    [
      'a sample with too many values',
      (m) => {
        m.sample![0].value = [1, 2, 3, 4, 5];
      },
      'mismatch: sample has 5 values vs. 4 types',
    ],
    [
      'two locations with the same id (so one is missing)',
      (m) => {
        m.location![1].id = 1;
      },
      'sample has nil location',
    ],
    [
      'two locations with the same id',
      (m) => {
        m.location!.push({ ...m.location![1], id: 1 });
      },
      'multiple locations with same id: 1',
    ],
    [
      'two functions with the same id',
      (m) => {
        m.function![1].id = 1;
      },
      'multiple functions with same id: 1',
    ],
    [
      'two mappings with the same id',
      (m) => {
        m.mapping = [m.mapping![0], { ...m.mapping![0] }];
      },
      'multiple mappings with same id: 1',
    ],
    [
      'a location with id 0, so the id a sample names is missing',
      (m) => {
        m.location![1].id = 0;
      },
      'sample has nil location',
    ],
    [
      'a location with id 0 that no sample names',
      (m) => {
        m.location!.push({ ...m.location![0], id: 0 });
      },
      'found location with reserved id=0',
    ],
    [
      'a function with id 0',
      (m) => {
        m.function![0].id = 0;
      },
      'found function with reserved ID=0',
    ],
    [
      'a function with id 0 that no line names',
      (m) => {
        m.function!.push({ ...m.function![0], id: 0 });
      },
      'found function with reserved ID=0',
    ],
    [
      'a mapping with id 0',
      (m) => {
        m.mapping![0].id = 0;
      },
      'found mapping with reserved ID=0',
    ],
    [
      'no sample types',
      (m) => {
        m.sampleType = [];
      },
      'missing sample type information',
    ],
    // Two problems: the one pprof checks first is the one reported.
    [
      'too few values and a function id 0',
      (m) => {
        m.function![0].id = 0;
        m.sample![0].value = [1, 2, 3];
      },
      'mismatch: sample has 3 values vs. 4 types',
    ],
    [
      'a function id 0 and a location id 0',
      (m) => {
        m.function![0].id = 0;
        m.location![1].id = 0;
      },
      'sample has nil location',
    ],
    [
      'a mapping id 0 and a function id 0',
      (m) => {
        m.function![0].id = 0;
        m.mapping![0].id = 0;
      },
      'found mapping with reserved ID=0',
    ],
    [
      'a function id 0 and a missing function',
      (m) => {
        m.function!.push({ ...m.function![0], id: 0 });
        m.location![1].line![0].functionId = 42;
      },
      'found function with reserved ID=0',
    ],
    [
      'a missing function, then a location id 0',
      (m) => {
        m.location![0].line![0].functionId = 42;
        m.location!.push({ ...m.location![1], id: 0 });
      },
      'location id: 1 has a line with nil function',
    ],
    [
      'a location id 0, then a missing function',
      (m) => {
        m.location!.unshift({ ...m.location![0], id: 0 });
        m.location![2].line![0].functionId = 42;
      },
      'found location with reserved id=0',
    ],
    [
      'a missing function and a later location id 0',
      (m) => {
        m.location!.push({ ...m.location![0], id: 0 });
        m.location![1].line![0].functionId = 42;
      },
      'location id: 2 has a line with nil function',
    ],
    [
      'a mismatch in a later sample, a missing location in an earlier one',
      (m) => {
        m.sample!.push({ ...m.sample![0], value: [1] });
        m.sample![0].locationId = [1, 99];
      },
      'sample has nil location',
    ],
    [
      'a mismatch in an earlier sample, a missing location in a later one',
      (m) => {
        m.sample!.unshift({ ...m.sample![0], value: [1] });
        m.sample![1].locationId = [1, 99];
      },
      'mismatch: sample has 1 values vs. 4 types',
    ],
  ];
  it.each([...stringCases, ...pprofCases])('%s', (_name, breakIt, reason) => {
    const m = base();
    breakIt(m);
    expect(errorOf(encodeProfile(m))).toEqual({ kind: 'malformed', message: `malformed profile: ${reason}` });
  });

  it('neither sample types nor samples: no-samples, which pprof reports as its report', () => {
    const m = base();
    m.sampleType = [];
    m.sample = [];
    expect(errorOf(encodeProfile(m))).toEqual({ kind: 'no-samples', message: 'profile has no samples' });
  });

  // pprof takes a mapping id that names no mapping as no mapping, or, in a profile without
  // mappings, as the empty mapping it gives every location there.
  it('reads a location whose mapping id names no mapping as one without a mapping', () => {
    const m = base();
    m.location![0].mappingId = 9;
    const p = parseProfile(encodeProfile(m));
    expect([p.locations.mapping[0], p.locations.mapping[1]]).toEqual([-1, 0]);
  });

  it('gives every location the empty mapping when the profile has none, whatever id it names', () => {
    const m = heapMessage({ mappings: [], samples: [{ stack: ['f', 'main'], values: [1, 2, 3, 4] }] });
    m.location![0].mappingId = 9;
    const p = parseProfile(encodeProfile(m));
    expect([p.mappings.length, p.mappings[0].file, p.locations.mapping[0], p.locations.mapping[1]]).toEqual([1, '', 0, 0]);
  });
});

describe('not a profile', () => {
  const notAProfile = (detail: string) => ({ kind: 'not-a-profile', message: `not a pprof profile: ${detail}` });

  it("an empty buffer, or gzip of nothing: pprof's words", () => {
    const empty = { kind: 'not-a-profile', message: 'parsing profile: empty input file' };
    expect(errorOf(new Uint8Array(0))).toEqual(empty);
    expect(errorOf(gzipSync(new Uint8Array(0)))).toEqual(empty);
  });

  it('a text file', () => {
    // 'h' reads as the tag of field 13 (comment, varint) and 'e' as its value; 'l' is field 13 again with wire type 4.
    expect(errorOf(new TextEncoder().encode('hello world\n'))).toEqual(
      notAProfile('neither gzip nor profile.proto (wire type 4 where 0 was expected)'),
    );
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
