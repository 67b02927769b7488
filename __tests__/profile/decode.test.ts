// formatRaw prints Time: in the local zone. Under Jest this assignment reaches only the file's copy
// of process.env, so the run needs TZ=UTC or a UTC host as well (raw-golden.test.ts checks).
process.env.TZ = 'UTC';

import { ProfileBuilder } from '../../src/profile/builder.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { parseProfile } from '../../src/profile/decode.js';
import { functionName, type Profile } from '../../src/profile/model.js';
import { formatRaw } from '../../src/format/raw.js';
import { type ProfileSpec, heapMessage } from '../helpers/profile-fixtures.js';
import { headerOf } from '../helpers/stack-profile.js';

/** A small profile touching every field formatRaw prints: inlining, labels, two mappings, folding. */
const SPEC: ProfileSpec = {
  defaultSampleType: 'inuse_space',
  timeNanos: 1795677223739996738n, // above 2^53: a number would round it
  durationNanos: 1_500_000_000n,
  comments: ['heap profile', 'second'],
  mappings: [
    { buildId: 'abc123' },
    {
      start: 0x7f0000000000,
      limit: 0x7f0000021000,
      offset: 0x1000,
      file: '/lib/libc.so.6',
      buildId: 'c0ffee',
      hasFilenames: true,
      hasLineNumbers: true,
      hasInlineFrames: true,
    },
  ],
  samples: [
    {
      // main.alloc was inlined into main.f: one location, two lines, callee first.
      stack: [
        {
          lines: [
            { fn: 'main.alloc', line: 12 },
            { fn: 'main.f', line: 30 },
          ],
        },
        { lines: [{ fn: 'main.main', line: 40 }] },
      ],
      values: [2, 2048, 1, 1024],
      labels: [
        { key: 'span', str: 'a' },
        { key: 'goroutine', str: '7' },
        { key: 'bytes', num: 1024, unit: 'bytes' },
        { key: 'span', str: 'b' },
      ],
    },
    {
      stack: [
        {
          lines: [{ fn: 'memcpy', systemName: '__memcpy_avx', file: 'memcpy.S', line: 7, startLine: 3 }],
          mapping: 2,
          address: 0x7f0000001234,
        },
        { lines: [{ fn: 'main.main', line: 40 }] },
      ],
      values: [-1, -512, 0, 0],
      labels: [{ key: 'n', num: -3 }],
    },
    {
      stack: [
        { lines: [], address: 0x4a0000 },
        { lines: ['main.main'], folded: true },
      ],
      values: [0, 0, 0, 0],
    },
  ],
};

/** What pprof -raw prints for SPEC (before the load-time merge, so the zero sample stays). */
const EXPECTED_RAW = [
  'Comment: heap profile',
  'Comment: second',
  'PeriodType: space bytes',
  'Period: 524288',
  'Time: 2026-11-26 07:13:43.739996738 +0000 UTC',
  'Duration: 1.5s',
  'Samples:',
  'alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes[dflt]',
  '          2       2048          1       1024: 1 2 ',
  '                goroutine:[7] span:[a b]',
  '                bytes:[1024 bytes]',
  '         -1       -512          0          0: 3 2 ',
  '                n:[-3]',
  '          0          0          0          0: 4 5 ',
  'Locations',
  '     1: 0x401000 M=1 main.alloc main.go:12 s=0',
  '             main.f main.go:30 s=0',
  '     2: 0x401100 M=1 main.main main.go:40 s=0',
  '     3: 0x7f0000001234 M=2 memcpy memcpy.S:7 s=3(__memcpy_avx)',
  '     4: 0x4a0000 M=1 ',
  '     5: 0x401400 M=1 [F] main.main main.go:0 s=0',
  'Mappings',
  '1: 0x400000/0x4b6000/0x0 /bin/app abc123 [FN]',
  '2: 0x7f0000000000/0x7f0000021000/0x1000 /lib/libc.so.6 c0ffee [FN][FL][LN][IN]',
  '',
].join('\n');

/** The (function name, line number) pairs of location `l`, innermost first. */
function linesOf(p: Profile, l: number): [string, number][] {
  const { lineStart, lineFunction, lineNumber } = p.locations;
  const out: [string, number][] = [];
  for (let k = lineStart[l]; k < lineStart[l + 1]; k++)
    out.push([lineFunction[k] < 0 ? '??' : functionName(p, lineFunction[k]), lineNumber[k]]);
  return out;
}

describe.each([
  ['gzipped', true],
  ['uncompressed', false],
])('encode → decode round trip (%s)', (_name, gzip) => {
  const bytes = encodeProfile(heapMessage(SPEC), gzip);
  const p = parseProfile(bytes);

  it('starts with the gzip magic number only when gzipped', () => {
    expect(bytes[0] === 0x1f && bytes[1] === 0x8b).toBe(gzip);
  });

  it('resolves the header', () => {
    expect(p.sampleTypes).toEqual([
      { type: 'alloc_objects', unit: 'count' },
      { type: 'alloc_space', unit: 'bytes' },
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ]);
    expect(p.defaultSampleType).toBe('inuse_space');
    expect(p.periodType).toEqual({ type: 'space', unit: 'bytes' });
    expect(p.period).toBe(524288);
    expect(p.timeNanos).toBe(1795677223739996738n);
    expect(p.durationNanos).toBe(1500000000n);
    expect(p.comments).toEqual(['heap profile', 'second']);
    expect(p.dropFrames).toBe('');
    expect(p.keepFrames).toBe('');
  });

  it('resolves mappings', () => {
    const fields = p.mappings.map(
      ({ id, start, limit, offset, file, buildId, hasFunctions, hasFilenames, hasLineNumbers, hasInlineFrames }) => [
        id,
        start,
        limit,
        offset,
        file,
        buildId,
        hasFunctions,
        hasFilenames,
        hasLineNumbers,
        hasInlineFrames,
      ],
    );
    expect(fields).toEqual([
      [1, 0x400000, 0x4b6000, 0, '/bin/app', 'abc123', true, false, false, false],
      [2, 0x7f0000000000, 0x7f0000021000, 0x1000, '/lib/libc.so.6', 'c0ffee', true, true, true, true],
    ]);
  });

  it('resolves functions', () => {
    const f = p.functions;
    expect(f.count).toBe(4);
    expect(Array.from(f.id)).toEqual([1, 2, 3, 4]);
    expect([0, 1, 2, 3].map((i) => [p.strings[f.name[i]], p.strings[f.systemName[i]], p.strings[f.filename[i]], f.startLine[i]])).toEqual([
      ['main.alloc', 'main.alloc', 'main.go', 0],
      ['main.f', 'main.f', 'main.go', 0],
      ['main.main', 'main.main', 'main.go', 0],
      ['memcpy', '__memcpy_avx', 'memcpy.S', 3],
    ]);
  });

  it('resolves locations, with inlined lines innermost first', () => {
    const l = p.locations;
    expect(l.count).toBe(5);
    expect(Array.from(l.id)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(l.mapping)).toEqual([0, 0, 1, 0, 0]);
    expect(Array.from(l.address)).toEqual([0x401000, 0x401100, 0x7f0000001234, 0x4a0000, 0x401400]);
    expect(Array.from(l.isFolded)).toEqual([0, 0, 0, 0, 1]);
    expect([0, 1, 2, 3, 4].map((i) => linesOf(p, i))).toEqual([
      [
        ['main.alloc', 12],
        ['main.f', 30],
      ],
      [['main.main', 40]],
      [['memcpy', 7]],
      [],
      [['main.main', 0]],
    ]);
  });

  it('resolves samples: values (negative ones too), stacks as dense indices, labels', () => {
    const s = p.samples;
    expect(s.count).toBe(3);
    expect(s.valuesPerSample).toBe(4);
    expect(Array.from(s.values)).toEqual([2, 2048, 1, 1024, -1, -512, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(s.locStart)).toEqual([0, 2, 4, 6]);
    expect(Array.from(s.locs)).toEqual([0, 1, 2, 1, 3, 4]);
    expect(Array.from(s.labelStart)).toEqual([0, 4, 5, 5]);
    const labels = Array.from(s.labelKey, (k, i) => [p.strings[k], p.strings[s.labelStr[i]], s.labelNum[i], p.strings[s.labelNumUnit[i]]]);
    expect(labels).toEqual([
      ['span', 'a', 0, ''],
      ['goroutine', '7', 0, ''],
      ['bytes', '', 1024, 'bytes'],
      ['span', 'b', 0, ''],
      ['n', '', -3, ''],
    ]);
  });

  it('prints as pprof -raw does', () => {
    expect(formatRaw(p)).toBe(EXPECTED_RAW);
  });
});

describe('header defaults and odd corners', () => {
  it('leaves an unset period type empty, prints no Time/Duration when unset, and no [dflt] without a default', () => {
    const msg = heapMessage({ sampleTypes: [['objects', 'count']], samples: [{ stack: ['f'], values: [3] }], mappings: [] });
    delete msg.periodType;
    msg.period = 0;
    const p = parseProfile(encodeProfile(msg, false));
    expect(p.periodType).toEqual({ type: '', unit: '' });
    expect(p.timeNanos).toBe(0n);
    expect(formatRaw(p)).toBe(
      [
        'PeriodType:  ',
        'Period: 0',
        'Samples:',
        'objects/count',
        '          3: 1 ',
        'Locations',
        // No mapping in the profile: one empty mapping stands in for it, as pprof makes.
        '     1: 0x401000 M=1 f main.go:0 s=0',
        'Mappings',
        '1: 0x0/0x0/0x0   ',
        '',
      ].join('\n'),
    );
  });

  it('refuses a line without a function, as pprof does, and keeps numeric labels with partial units', () => {
    const msg = heapMessage({
      sampleTypes: [['space', 'bytes']],
      samples: [
        {
          stack: ['f'],
          values: [5],
          labels: [
            { key: 'k', num: 1 },
            { key: 'k', num: 2, unit: 'ms' },
          ],
        },
      ],
    });
    const raw = formatRaw(parseProfile(encodeProfile(msg)));
    expect(raw).toContain('\n          5: 1 \n                k:[1  2 ms]\n');
    msg.location![0].line = [
      { functionId: 0, line: 9 },
      { functionId: 1, line: 3 },
    ];
    expect(() => parseProfile(encodeProfile(msg))).toThrow('malformed profile: location id: 1 has a line with nil function');
  });

  it('prints ?? for a line without a function (which only a profile built in memory can have)', () => {
    const b = new ProfileBuilder(1);
    const f = b.addFunction('f', 'f', 'main.go', 0);
    b.addSample([
      b.addLocation(-1, 0x401000, false, [
        [-1, 9],
        [f, 3],
      ]),
    ]);
    const header = headerOf([{ type: 'space', unit: 'bytes' }], { periodType: { type: '', unit: '' }, period: 0 });
    expect(formatRaw(b.finish(header, Float64Array.of(5)))).toContain('\n     1: 0x401000 ??\n             f main.go:3 s=0\n');
  });

  it('drops a label with neither value nor unit from the raw dump, as Go decodes it', () => {
    const p = parseProfile(
      encodeProfile(heapMessage({ sampleTypes: [['n', 'count']], samples: [{ stack: ['f'], values: [1], labels: [{ key: 'empty' }] }] })),
    );
    expect(p.samples.labelStart[1]).toBe(1);
    expect(formatRaw(p)).toContain('\n          1: 1 \nLocations\n');
  });
});
