/** mergeProfiles: pprof's Merge, which every load applies to a single profile too. */
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { parseProfile } from '../../src/profile/decode.js';
import { mergeProfiles, normalizeProfile } from '../../src/profile/merge.js';
import { ProfileError } from '../../src/profile/errors.js';
import { functionName, type Profile } from '../../src/profile/model.js';
import { formatRaw } from '../../src/format/raw.js';
import { type ProfileSpec, decodeSpec, heapMessage } from '../helpers/profile-fixtures.js';

const TYPES: ProfileSpec['sampleTypes'] = [
  ['objects', 'count'],
  ['space', 'bytes'],
];
const APP = '1: 0x400000/0x4b6000/0x0 /bin/app  [FN]';

/** A two-type profile from samples (and other spec fields). */
const profile = (spec: ProfileSpec): Profile => decodeSpec({ sampleTypes: TYPES, ...spec });

/** The whole -raw text of a merged two-type profile with no time, duration or comments. */
function rawText(samples: string[], locations: string[], mappings = [APP]): string {
  return [
    'PeriodType: space bytes',
    'Period: 524288',
    'Samples:',
    'objects/count space/bytes',
    ...samples,
    'Locations',
    ...locations,
    'Mappings',
    ...mappings,
    '',
  ].join('\n');
}

const functionNames = (p: Profile) => Array.from({ length: p.functions.count }, (_, f) => functionName(p, f));

describe('one profile', () => {
  it('drops samples whose values are all zero, and what only they used', () => {
    const p = profile({
      samples: [
        { stack: ['a', 'main'], values: [1, 10] },
        { stack: ['b', 'main'], values: [0, 0] },
        { stack: ['c', 'main'], values: [0, 7] },
      ],
    });
    const merged = mergeProfiles([p]);
    expect(formatRaw(merged)).toBe(
      rawText(
        ['          1         10: 1 2 ', '          0          7: 3 2 '],
        ['     1: 0x401000 M=1 a main.go:0 s=0', '     2: 0x401100 M=1 main main.go:0 s=0', '     3: 0x401300 M=1 c main.go:0 s=0'],
      ),
    );
    expect(functionNames(merged)).toEqual(['a', 'main', 'c']);
    expect(Array.from(merged.functions.id)).toEqual([1, 2, 3]);
  });

  it('sums samples with the same stack and equal labels (in any order); different labels stay apart', () => {
    const stack = ['a', 'main'];
    const p = profile({
      samples: [
        { stack, values: [1, 10], labels: [{ key: 't', str: 'x' }] },
        { stack, values: [2, 20], labels: [{ key: 't', str: 'x' }] },
        { stack, values: [4, 40], labels: [{ key: 't', str: 'y' }] },
        { stack, values: [8, 80] },
        { stack, values: [16, 160], labels: [{ key: 'n', num: 5, unit: 'bytes' }] },
        { stack, values: [32, 320], labels: [{ key: 'n', num: 5, unit: 'bytes' }] },
        { stack, values: [64, 640], labels: [{ key: 'n', num: 5 }] },
        {
          stack,
          values: [128, 1280],
          labels: [
            { key: 't', str: 'x' },
            { key: 'u', str: 'z' },
          ],
        },
        {
          stack,
          values: [256, 2560],
          labels: [
            { key: 'u', str: 'z' },
            { key: 't', str: 'x' },
          ],
        },
        { stack: ['a'], values: [512, 5120], labels: [{ key: 't', str: 'x' }] },
      ],
    });
    expect(formatRaw(mergeProfiles([p]))).toBe(
      rawText(
        [
          '          3         30: 1 2 ',
          '                t:[x]',
          '          4         40: 1 2 ',
          '                t:[y]',
          '          8         80: 1 2 ',
          '         48        480: 1 2 ',
          '                n:[5 bytes]',
          '         64        640: 1 2 ',
          '                n:[5]',
          '        384       3840: 1 2 ',
          '                t:[x] u:[z]',
          '        512       5120: 1 ',
          '                t:[x]',
        ],
        ['     1: 0x401000 M=1 a main.go:0 s=0', '     2: 0x401100 M=1 main main.go:0 s=0'],
      ),
    );
  });

  it('makes identical locations and functions under different ids one, renumbered 1.. in order of first use', () => {
    const msg = heapMessage({
      sampleTypes: TYPES,
      ids: { location: (n) => 100 - 10 * n, function: (n) => 50 + n },
      samples: [
        { stack: ['leaf', 'main'], values: [1, 1] },
        { stack: ['other', 'main'], values: [2, 2] },
      ],
    });
    // A second copy of main (function 77, location 7) for a third sample, and the tables listed backwards.
    const main = msg.function![1];
    msg.function!.push({ ...main, id: 77 });
    msg.location!.push({ ...msg.location![1], id: 7, line: [{ functionId: 77, line: 0 }] });
    msg.sample!.push({ locationId: [80, 7], value: [4, 4] });
    msg.location!.reverse();
    msg.function!.reverse();
    const p = parseProfile(encodeProfile(msg));
    expect([p.locations.count, p.functions.count]).toEqual([4, 4]);

    const merged = mergeProfiles([p]);
    expect(formatRaw(merged)).toBe(
      rawText(
        ['          1          1: 1 2 ', '          6          6: 3 2 '],
        ['     1: 0x401000 M=1 leaf main.go:0 s=0', '     2: 0x401100 M=1 main main.go:0 s=0', '     3: 0x401200 M=1 other main.go:0 s=0'],
      ),
    );
    expect(functionNames(merged)).toEqual(['leaf', 'main', 'other']);
  });

  it('keeps locations apart that differ only in a line number, and functions that differ only in start line', () => {
    const p = profile({
      samples: [
        { stack: [{ lines: [{ fn: 'f', line: 5 }], address: 0x401000 }], values: [1, 1] },
        { stack: [{ lines: [{ fn: 'f', line: 6 }], address: 0x401000 }], values: [2, 2] },
        { stack: [{ lines: [{ fn: 'f', line: 6, startLine: 2 }], address: 0x401000 }], values: [4, 4] },
      ],
    });
    const merged = mergeProfiles([p]);
    expect(merged.locations.count).toBe(3);
    expect(Array.from(merged.samples.locs)).toEqual([0, 1, 2]);
    expect(Array.from(merged.functions.startLine)).toEqual([0, 2]);
  });

  it("puts the first profile's first mapping first, even when the first sample uses another; unused mappings go", () => {
    const p = profile({
      mappings: [
        { id: 7 },
        { id: 3, start: 0x7f0000000000, limit: 0x7f0000100000, file: '/lib/libc.so.6' },
        { id: 5, start: 0x7f1000000000, limit: 0x7f1000100000, file: '/lib/libm.so.6' },
      ],
      samples: [{ stack: [{ lines: ['memcpy'], mapping: 3, address: 0x7f0000000100 }, 'main'], values: [1, 1] }],
    });
    expect(formatRaw(mergeProfiles([p]))).toBe(
      rawText(
        ['          1          1: 1 2 '],
        ['     1: 0x7f0000000100 M=2 memcpy main.go:0 s=0', '     2: 0x401100 M=1 main main.go:0 s=0'],
        [APP, '2: 0x7f0000000000/0x7f0000100000/0x0 /lib/libc.so.6  [FN]'],
      ),
    );
  });
});

describe('several profiles', () => {
  it('merges the same binary mapped at different addresses (ASLR) by address within the mapping', () => {
    const at = (base: number) => ({
      // The second run's mapping is 0x800 shorter: sizes match after rounding up to 4 KiB.
      mappings: [{ start: base, limit: base + (base === 0x400000 ? 0xb6000 : 0xb5800), buildId: 'b1' }],
      f: { lines: ['f'], address: base + 0x2000 },
      g: { lines: ['g'], address: base + 0x3000 },
      main: { lines: ['main'], address: base + 0x1234 },
    });
    const one = at(0x400000);
    const two = at(0x555555554000);
    const merged = mergeProfiles([
      profile({ mappings: one.mappings, samples: [{ stack: [one.f, one.main], values: [1, 10] }] }),
      profile({
        mappings: two.mappings,
        samples: [
          { stack: [two.f, two.main], values: [2, 20] },
          { stack: [two.g, two.main], values: [4, 40] },
        ],
      }),
    ]);
    expect(formatRaw(merged)).toBe(
      rawText(
        ['          3         30: 1 2 ', '          4         40: 3 2 '],
        ['     1: 0x402000 M=1 f main.go:0 s=0', '     2: 0x401234 M=1 main main.go:0 s=0', '     3: 0x403000 M=1 g main.go:0 s=0'],
        ['1: 0x400000/0x4b6000/0x0 /bin/app b1 [FN]'],
      ),
    );
  });

  it('keeps two binaries apart when their build ids differ, even at the same addresses', () => {
    const merged = mergeProfiles(
      ['b1', 'b2'].map((buildId) => profile({ mappings: [{ buildId }], samples: [{ stack: ['main'], values: [1, 1] }] })),
    );
    expect(merged.mappings.map((m) => [m.id, m.buildId])).toEqual([
      [1, 'b1'],
      [2, 'b2'],
    ]);
    expect(Array.from(merged.locations.mapping)).toEqual([0, 1]);
    expect(merged.samples.count).toBe(2);
  });

  it('drops samples that cancel to zero (+x and -x), then renumbers what is left', () => {
    const merged = mergeProfiles([
      profile({ samples: [{ stack: ['a', 'main'], values: [5, 500] }] }),
      profile({
        samples: [
          { stack: ['a', 'main'], values: [-5, -500] },
          { stack: ['b', 'main'], values: [1, -1] },
        ],
      }),
    ]);
    expect(formatRaw(merged)).toBe(
      rawText(['          1         -1: 1 2 '], ['     1: 0x401200 M=1 b main.go:0 s=0', '     2: 0x401100 M=1 main main.go:0 s=0']),
    );
    expect(functionNames(merged)).toEqual(['b', 'main']);
  });

  it('refuses incompatible sample types or period types, naming both', () => {
    const heap = decodeSpec({});
    const errorOf = (profiles: Profile[]) => {
      try {
        mergeProfiles(profiles);
      } catch (err) {
        if (err instanceof ProfileError) return [err.kind, err.message];
      }
      return 'no ProfileError';
    };
    expect(errorOf([profile({}), heap])).toEqual([
      'malformed',
      'incompatible sample types [objects/count space/bytes] and [alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes]',
    ]);
    expect(
      errorOf([
        profile({}),
        profile({
          sampleTypes: [
            ['objects', 'count'],
            ['inuse', 'bytes'],
          ],
        }),
      ]),
    ).toEqual(['malformed', 'incompatible sample types [objects/count space/bytes] and [objects/count inuse/bytes]']);
    expect(errorOf([profile({}), profile({ periodType: ['cpu', 'nanoseconds'] })])).toEqual([
      'malformed',
      'incompatible period types [space/bytes] and [cpu/nanoseconds]',
    ]);
    expect(errorOf([])).toEqual(['malformed', 'no profiles to merge']);
  });

  it('combines headers: earliest time, summed duration, largest period, comments once each in order', () => {
    const merged = mergeProfiles([
      profile({ timeNanos: 300n, durationNanos: 10n, period: 100, comments: ['a', 'b'], dropFrames: 'drop.*', keepFrames: 'keep' }),
      profile({ timeNanos: 100n, durationNanos: 20n, period: 50, comments: ['b', 'c'], defaultSampleType: 'space', dropFrames: 'other' }),
      profile({ timeNanos: 200n, durationNanos: 5n, period: 400, comments: ['a', 'd'], defaultSampleType: 'objects' }),
    ]);
    expect([merged.timeNanos, merged.durationNanos, merged.period]).toEqual([100n, 35n, 400]);
    expect(merged.comments).toEqual(['a', 'b', 'c', 'd']);
    expect([merged.defaultSampleType, merged.dropFrames, merged.keepFrames]).toEqual(['space', 'drop.*', 'keep']);
  });

  it('takes time from the first profile that has one; a later zero time wins, as pprof combineHeaders does', () => {
    const times = (...ts: bigint[]) => mergeProfiles(ts.map((timeNanos) => profile({ timeNanos }))).timeNanos;
    expect(times(0n, 200n)).toBe(200n);
    expect(times(0n, 200n, 100n)).toBe(100n);
    expect(times(200n, 0n)).toBe(0n);
  });
});

describe('normalizeProfile (the merge of one, written over its input)', () => {
  const stack = ['a', 'main'];
  const specs: [string, ProfileSpec['samples']][] = [
    [
      'no duplicates',
      [
        { stack, values: [1, 10] },
        { stack: ['b', 'main'], values: [2, 20] },
      ],
    ],
    [
      'zero samples first and between',
      [
        { stack: ['z'], values: [0, 0] },
        { stack, values: [1, 10] },
        { stack: ['y', 'main'], values: [0, 0] },
        { stack: ['b', 'main'], values: [2, 20] },
      ],
    ],
    [
      'duplicates, near and far, labels in any order',
      [
        {
          stack,
          values: [1, 10],
          labels: [
            { key: 'u', str: 'z' },
            { key: 't', str: 'x' },
            { key: 't', str: 'w' },
          ],
        },
        { stack: ['b', 'main'], values: [2, 20] },
        {
          stack,
          values: [4, 40],
          labels: [
            { key: 't', str: 'x' },
            { key: 't', str: 'w' },
            { key: 'u', str: 'z' },
          ],
        },
        { stack: ['b', 'main'], values: [8, 80], labels: [{ key: 'e', str: '' }] },
        { stack: ['c', 'b', 'main'], values: [16, 160], labels: [{ key: 'n', num: 3, unit: 'bytes' }] },
      ],
    ],
    [
      'duplicates that cancel',
      [
        { stack, values: [1, 10] },
        { stack: ['b'], values: [5, 5] },
        { stack, values: [-1, -10] },
      ],
    ],
  ];

  it.each(specs)('gives what mergeProfiles gives: %s', (_name, samples) => {
    const expected = formatRaw(mergeProfiles([profile({ samples })]));
    expect(formatRaw(normalizeProfile(profile({ samples })))).toBe(expected);
  });

  it('leaves the inputs of mergeProfiles as they were', () => {
    const p = profile({ samples: specs[2][1] });
    const before = formatRaw(p);
    mergeProfiles([p]);
    expect(formatRaw(p)).toBe(before);
  });
});
