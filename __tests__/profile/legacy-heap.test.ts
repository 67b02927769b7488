/**
 * Legacy text heap profiles (`debug=1`): headers and their rates, unsampling, records, sections,
 * errors, and (beyond pprof) frames named from Go's `#` symbol lines, pruned of allocator frames.
 * Expected unsampled numbers were computed by Go (math.Exp, int64 conversion) for these inputs.
 */
import { gzipSync } from 'fflate';
import { parseProfile } from '../../src/profile/decode.js';
import { ProfileError } from '../../src/profile/errors.js';
import { unsampleHeapPair } from '../../src/profile/legacy-unsample.js';
import { ALLOCATOR_FRAMES, ALLOCATOR_KEEP_FRAMES, simplifyName } from '../../src/profile/legacy-prune.js';
import type { Profile } from '../../src/profile/model.js';

const parseText = (text: string): Profile => parseProfile(new TextEncoder().encode(text));

/** Each sample as its values, `bytes` label and stack (per location: address and lines). */
function samplesOf(p: Profile) {
  const { samples: s, locations: l, strings, functions: f } = p;
  const location = (i: number) => {
    const lines: string[] = [];
    for (let k = l.lineStart[i]; k < l.lineStart[i + 1]; k++) lines.push(`${strings[f.name[l.lineFunction[k]]]}:${l.lineNumber[k]}`);
    return `0x${l.address[i].toString(16)} ${lines.join(' ')}`.trim();
  };
  return Array.from({ length: s.count }, (_, i) => {
    const labels = Array.from({ length: s.labelStart[i + 1] - s.labelStart[i] }, (_, k) => s.labelStart[i] + k);
    return {
      values: Array.from(s.values.subarray(i * s.valuesPerSample, (i + 1) * s.valuesPerSample)),
      bytes: labels.filter((k) => strings[s.labelKey[k]] === 'bytes').map((k) => s.labelNum[k]),
      stack: Array.from(s.locs.subarray(s.locStart[i], s.locStart[i + 1]), location),
    };
  });
}

/** kind and message of the ProfileError parsing `text` throws. */
function errorOf(text: string): [string, string] {
  try {
    parseText(text);
  } catch (err) {
    if (err instanceof ProfileError) return [err.kind, err.message];
    throw err;
  }
  throw new Error('parsed');
}

const WITH_ALLOC = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];
const WITHOUT_ALLOC = ['objects', 'space'];

describe('headers', () => {
  // [header, sample types, period, record, the record's values]
  const cases: [string, string[], number, string, number[]][] = [
    // Go writes heap/<2×MemProfileRate>: the rate is half the number, and values are unsampled.
    ['heap profile: 1: 2048 [1: 2048] @ heap/1048576', WITHOUT_ALLOC, 524288, '1: 2048 [1: 2048] @ 0x1001', [256, 525312]],
    ['heap profile: 1: 2048 [2: 4096] @ heap/1048576', WITH_ALLOC, 524288, '1: 2048 [2: 4096] @ 0x1001', [513, 1050625, 256, 525312]],
    ['heap profile: 10: 40960 [10: 40960] @ heap_v2/4096', WITHOUT_ALLOC, 4096, '10: 40960 [10: 40960] @ 0x1001', [15, 64797]],
    ['heap profile: 10: 40960 [10: 40960] @ heapz_v2/4096', WITHOUT_ALLOC, 4096, '10: 40960 [10: 40960] @ 0x1001', [15, 64797]],
    // heap/2 is MemProfileRate=1: every allocation recorded, nothing to unsample.
    ['heap profile: 3: 1000 [5: 2000] @ heap/2', WITH_ALLOC, 1, '3: 1000 [5: 2000] @ 0x1001', [5, 2000, 3, 1000]],
    ['heap profile: 3: 1000 [3: 1000] @ heap', WITHOUT_ALLOC, 0, '3: 1000 [3: 1000] @ 0x1001', [3, 1000]],
    ['heap profile: 3: 1000 [3: 1000] @ heapprofile', WITHOUT_ALLOC, 1, '3: 1000 [3: 1000] @ 0x1001', [3, 1000]],
    ['heap profile: 3: 1000 [3: 1000] @ growthz', WITHOUT_ALLOC, 1, '3: 1000 [3: 1000] @ 0x1001', [3, 1000]],
    ['heap profile: 3: 1000 [3: 1000] @ growth', WITHOUT_ALLOC, 1, '3: 1000 [3: 1000] @ 0x1001', [3, 1000]],
    ['heap profile: 3: 1000 [3: 1000] @ fragmentationz', WITHOUT_ALLOC, 1, '3: 1000 [3: 1000] @ 0x1001', [3, 1000]],
    // growthz and fragmentationz have in-use values only, even when the header's alloc pair differs.
    ['heap profile: 3: 1000 [9: 9000] @ fragmentation', WITHOUT_ALLOC, 1, '3: 1000 [9: 9000] @ 0x1001', [3, 1000]],
    // Alloc columns are there when the header's alloc pair differs from in-use and is not zero.
    ['heap profile: 3: 1000 [0: 0] @ heapprofile', WITHOUT_ALLOC, 1, '3: 1000 [0: 0] @ 0x1001', [3, 1000]],
    ['heap profile: 3: 1000 [3: 0] @ heapprofile', WITHOUT_ALLOC, 1, '3: 1000 [3: 0] @ 0x1001', [3, 1000]],
    ['heap profile: 3: 1000 [3: 1200] @ heapprofile', WITH_ALLOC, 1, '3: 1000 [3: 1200] @ 0x1001', [3, 1200, 3, 1000]],
  ];
  it.each(cases)('%s', (header, types, period, record, values) => {
    const p = parseText(`${header}\n${record}\n`);
    expect(p.sampleTypes.map((t) => t.type)).toEqual(types);
    expect(p.sampleTypes.map((t) => t.unit)).toEqual(types.map((t) => (t.endsWith('objects') ? 'count' : 'bytes')));
    expect([p.periodType, p.period]).toEqual([{ type: 'space', unit: 'bytes' }, period]);
    expect(samplesOf(p).map((s) => s.values)).toEqual([values]);
  });

  it("sets what a legacy heap profile has and lacks: pprof's allocator drop/keep frames, no time, one mapping", () => {
    const p = parseText('heap profile: 1: 2 [1: 2] @ heap/2\n1: 2 [1: 2] @ 0x1001\n');
    expect([p.dropFrames, p.keepFrames]).toEqual([ALLOCATOR_FRAMES, ALLOCATOR_KEEP_FRAMES]);
    expect(p.dropFrames.split('|')).toContain('runtime\\..*');
    expect(p.keepFrames).toBe('runtime\\.panic|runtime\\.reflectcall|runtime\\.call[0-9]*');
    expect([p.defaultSampleType, p.timeNanos, p.durationNanos, p.comments]).toEqual(['', 0n, 0n, []]);
    expect(p.mappings.map((m) => [m.id, m.file, m.hasFunctions])).toEqual([[1, '', false]]);
  });
});

describe('unsampling', () => {
  // [count, size, rate] -> what Go's pprof makes of them
  const cases: [number, number, number, [number, number]][] = [
    [20, 67338240, 524288, [20, 67447883]], // the spec's example
    [6000, 96000, 524288, [196611000, 3145776000]],
    [1, 229376, 524288, [2, 647312]],
    [3, 6291456, 524288, [3, 6408837]],
    [7, 57344, 524288, [451, 3698762]],
    [77, 16016, 524288, [194125, 40378184]],
    [220, 45760, 524288, [554645, 115366241]],
    [10, 40960, 4096, [15, 64797]],
    [3, 1000, 512, [6, 2089]],
    [0, 0, 524288, [0, 0]],
    [5, 0, 524288, [0, 0]], // a zero size is no sample
    [5, 100, 1, [5, 100]], // rate 1: all recorded
    [5, 100, 0, [5, 100]], // no rate: left as it is
  ];
  it.each(cases)('%d: %d at rate %d', (count, size, rate, expected) => {
    expect(unsampleHeapPair(BigInt(count), BigInt(size), BigInt(rate)).map(Number)).toEqual(expected);
  });

  it('each pair by its own average size, in a profile', () => {
    const p = parseText(
      'heap profile: 97: 67354256 [240: 67383999] @ heap/1048576\n20: 67338240 [20: 67338240] @ 0x1001\n77: 16016 [220: 45760] @ 0x2001\n',
    );
    expect(samplesOf(p).map((s) => s.values)).toEqual([
      [20, 67447883, 20, 67447883],
      [554645, 115366241, 194125, 40378184],
    ]);
  });

  it('leaves heapprofile values as they are, zero sizes included', () => {
    const p = parseText('heap profile: 5: 0 [5: 0] @ heapprofile\n5: 0 [5: 0] @ 0x1001\n');
    expect(samplesOf(p)[0].values).toEqual([5, 0]);
  });
});

describe('records', () => {
  it('the bytes label is the in-use block size, or the allocated one when nothing is in use', () => {
    const p = parseText('heap profile: 3: 1000 [7: 2000] @ heap/2\n3: 1000 [3: 1000] @ 0x1001\n0: 0 [4: 1000] @ 0x2001\n');
    expect(samplesOf(p).map((s) => s.bytes)).toEqual([[333], [250]]);
  });

  it('takes one from each address (a return address) and, without # lines, leaves frames unnamed', () => {
    const p = parseText('heap profile: 1: 2 [1: 2] @ heap/2\n1: 2 [1: 2] @ 0x1001 0x2002\n1: 2 [1: 2] @ 0x2002\n');
    expect(samplesOf(p).map((s) => s.stack)).toEqual([['0x1000', '0x2001'], ['0x2001']]);
    expect(p.locations.count).toBe(2);
  });

  it('skips comments and blank lines, and stops at a memory map', () => {
    const records = '1: 2 [1: 2] @ 0x1001\n\n# runtime.MemStats\n# Alloc = 6671432\n# PauseNs = [1 2 3]\n2: 4 [2: 4] @ 0x2001\n';
    for (const sentinel of ['--- Memory map: ---', 'MAPPED_LIBRARIES:']) {
      const p = parseText(
        `heap profile: 3: 6 [3: 6] @ heap/2\n${records}${sentinel}\n00400000-004b6000 r-xp 00000000 08:01 1 /bin/app\nnot a record\n`,
      );
      expect(samplesOf(p).map((s) => s.values)).toEqual([
        [1, 2],
        [2, 4],
      ]);
    }
  });

  it('reads Windows line ends and gzip', () => {
    const text = 'heap profile: 1: 2048 [1: 2048] @ heap/1048576\r\n1: 2048 [1: 2048] @ 0x1001\r\n';
    expect(samplesOf(parseProfile(gzipSync(new TextEncoder().encode(text))))).toEqual(samplesOf(parseText(text.replace(/\r/g, ''))));
    expect(samplesOf(parseText(text))[0].values).toEqual([256, 525312]);
  });

  it('a header alone is a profile without samples', () => {
    expect(parseText('heap profile: 0: 0 [0: 0] @ heap/1048576\n').samples.count).toBe(0);
  });
});

describe("bad text: pprof's words, where pprof reports the problem", () => {
  const header = 'heap profile: 1: 2 [3: 4] @ heap/1048576\n';
  const cases: [string, string, string][] = [
    ['a record that is not one', `${header}1: x [1: 2] @ 0x1\n`, 'unexpected number of sample values: got 0, want 6'],
    ['in-use bytes without objects', `${header}1: 2 [3: 4] @ 0x1\n\n0: 5 [1: 5] @ 0x1\n`, 'inuse count was 0 but inuse bytes was 5'],
    ['allocated bytes without objects', `${header}1: 5 [0: 5] @ 0x1\n`, 'allocation count was 0 but allocation bytes was 5'],
    [
      'a count past int64',
      `${header}99999999999999999999: 1 [1: 1] @ 0x1\n`,
      'malformed sample: 99999999999999999999: 1 [1: 1] @ 0x1: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    ],
    [
      'an address past 64 bits',
      `${header}1: 2 [3: 4] @ 0x11112222333344445\n`,
      'malformed sample: 1: 2 [3: 4] @ 0x11112222333344445: failed to parse as hex 64-bit number: 0x11112222333344445',
    ],
    ["a line longer than pprof's scanner reads", `${header}1: 2 [3: 4] @ 0x1${' 0x2'.repeat(20000)}\n`, 'bufio.Scanner: token too long'],
  ];
  it.each(cases)('%s', (_what, text, reason) => {
    expect(errorOf(text)).toEqual(['parse', `parsing profile: ${reason}`]);
  });

  it('a header pprof does not know is no heap profile (nor any other format)', () => {
    for (const text of [
      'heap profile: 1: 2 [3: 4] @ heapfoo/2\n',
      'heap profile: lots\n',
      'heap profile: 1: 2 [3: 4] @ heap/99999999999999999999\n',
    ]) {
      expect(errorOf(text)).toEqual(['not-a-profile', expect.stringMatching(/^not a pprof profile: neither gzip nor profile.proto \(/)]);
    }
  });

  it('counts in int64 past 2^53 are read (rounded), as pprof reads them', () => {
    const p = parseText(
      'heap profile: 1: 2 [1: 2] @ heapprofile\n9007199254740993: 9007199254740993 [9007199254740993: 9007199254740993] @ 0x1\n',
    );
    expect(samplesOf(p)[0].values).toEqual([9007199254740992, 9007199254740992]);
  });
});

describe('beyond pprof: frames named from the # lines', () => {
  const header = 'heap profile: 1: 1792 [1: 1792] @ heap/2\n';

  it('names frames, joins inlined calls into one location and drops what Go left unnamed', () => {
    // As leakybuf writes it: growBuf inlined into GetLargeData (same entry, 0x4b5400); the
    // allocator's runtime frame (0x40d7ce) and runtime.goexit (0x461181) have no # line.
    const p = parseText(`${header}1: 1792 [1: 1792] @ 0x40d7ce 0x4b54ee 0x4b54bd 0x4b5959 0x437452 0x461181
#\t0x4b54ed\tmain.growBuf+0xed\t\t/src/main.go:33
#\t0x4b54bc\tmain.GetLargeData+0xbc\t/src/main.go:43
#\t0x4b5958\tmain.main+0x78\t\t/src/main.go:83
#\t0x437451\truntime.main+0x211\t/usr/lib/go/src/runtime/proc.go:250
`);
    expect(samplesOf(p)[0].stack).toEqual([
      '0x4b54ed main.growBuf:33 main.GetLargeData:43',
      '0x4b5958 main.main:83',
      '0x437451 runtime.main:250',
    ]);
    const f = p.functions;
    expect(
      Array.from({ length: f.count }, (_, i) => [
        p.strings[f.name[i]],
        p.strings[f.systemName[i]],
        p.strings[f.filename[i]],
        f.startLine[i],
      ]),
    ).toContainEqual(['main.growBuf', 'main.growBuf', '/src/main.go', 0]);
    expect(p.mappings[0]).toMatchObject({ hasFunctions: true, hasFilenames: true, hasLineNumbers: true, hasInlineFrames: true });
  });

  it('three levels of inlining become one location, innermost first', () => {
    const p = parseText(`${header}1: 1792 [1: 1792] @ 0x4b5be6 0x4b5be7 0x4b5b06 0x437452 0x461181
#\t0x4b5be5\tmain.block+0x165\t\t/src/main.go:33
#\t0x4b5be6\tmain.Forest.Snapshot+0x166\t/src/main.go:65
#\t0x4b5b05\tmain.main+0x85\t\t\t/src/main.go:105
#\t0x437451\truntime.main+0x211\t\t/usr/lib/go/src/runtime/proc.go:250
`);
    expect(samplesOf(p)[0].stack).toEqual(['0x4b5be5 main.block:33 main.Forest.Snapshot:65 main.main:105', '0x437451 runtime.main:250']);
  });

  it('recursion stays one location per call, even at the same address', () => {
    const p = parseText(`${header}1: 1792 [1: 1792] @ 0x4b5f50 0x4b58a6 0x4b58d8 0x4b58d8 0x4b5d86
#\t0x4b5f4f\tmain.main.func1+0x6f\t/src/main.go:108
#\t0x4b58a5\tmain.walk+0x25\t\t/src/main.go:71
#\t0x4b58d7\tmain.walk+0x57\t\t/src/main.go:73
#\t0x4b58d7\tmain.walk+0x57\t\t/src/main.go:73
#\t0x4b5d85\tmain.main+0x305\t\t/src/main.go:106
`);
    expect(samplesOf(p)[0].stack).toEqual([
      '0x4b5f4f main.main.func1:108',
      '0x4b58a5 main.walk:71',
      '0x4b58d7 main.walk:73',
      '0x4b58d7 main.walk:73',
      '0x4b5d85 main.main:106',
    ]);
    expect(p.locations.count).toBe(4);
  });

  it('a function reached again through a call inlined into it is a frame of its own', () => {
    const p = parseText(`${header}1: 1792 [1: 1792] @ 0x1011 0x1021 0x1031
#\t0x1010\tmain.c+0x10\t/src/c.go:5
#\t0x1020\tmain.b+0x20\t/src/b.go:7
#\t0x1030\tmain.c+0x30\t/src/c.go:9
`);
    expect(samplesOf(p)[0].stack).toEqual(['0x1010 main.c:5', '0x1020 main.b:7 main.c:9']);
  });

  it('several # lines for one address are the inlined calls at it; a bare PC has no name', () => {
    const p = parseText(`${header}1: 1792 [1: 1792] @ 0x5001 0x2001 0x3001
#\t0x5000
#\t0x2000\tmain.inner+0x0\t/a.go:1
#\t0x2000\tmain.outer+0x0\t/a.go:2
#\t0x3000\tmain.main+0x0\t/a.go:3
`);
    expect(samplesOf(p)[0].stack).toEqual(['0x5000', '0x2000 main.inner:1 main.outer:2', '0x3000 main.main:3']);
  });

  it('shares functions and locations between records; a record without # lines keeps its addresses', () => {
    const frames = '#\t0x1000\tmain.f+0x0\t/a.go:1\n#\t0x2000\tmain.main+0x0\t/a.go:2\n';
    const p = parseText(
      `${header}1: 8 [1: 8] @ 0x1001 0x2001\n${frames}\n2: 16 [2: 16] @ 0x1001 0x2001\n${frames}\n3: 24 [3: 24] @ 0x7001\n`,
    );
    expect(samplesOf(p).map((s) => s.stack)).toEqual([
      ['0x1000 main.f:1', '0x2000 main.main:2'],
      ['0x1000 main.f:1', '0x2000 main.main:2'],
      ['0x7000'],
    ]);
    expect([p.functions.count, p.locations.count]).toEqual([2, 3]);
  });
});

describe('pruning allocator frames, once frames have names', () => {
  const stackOf = (frames: [string, number][]) => {
    const addresses = frames.map(([, pc]) => `0x${(pc + 1).toString(16)}`).join(' ');
    const lines = frames.map(([name, pc]) => `#\t0x${pc.toString(16)}\t${name}+0x0\t/x.go:${pc}\n`).join('');
    return samplesOf(parseText(`heap profile: 1: 64 [1: 64] @ heapprofile\n1: 64 [1: 64] @ ${addresses}\n${lines}`))[0].stack;
  };

  it('drops allocator frames on the leaf side of the first user frame', () => {
    expect(
      stackOf([
        ['malloc', 0x100],
        ['main.alloc', 0x200],
        ['main.main', 0x300],
      ]),
    ).toEqual(['0x200 main.alloc:512', '0x300 main.main:768']);
    expect(
      stackOf([
        ['main.f', 0x100],
        ['runtime.systemstack', 0x200],
        ['main.main', 0x300],
        ['runtime.main', 0x400],
      ]),
    ).toEqual(['0x300 main.main:768', '0x400 runtime.main:1024']);
  });

  it('keeps keep_frames, frames of a stack with no user frame, and C++ names by their simplified form', () => {
    expect(
      stackOf([
        ['runtime.mallocgc', 0x100],
        ['main.alloc', 0x200],
        ['runtime.call32', 0x300],
        ['main.main', 0x400],
      ]),
    ).toEqual(['0x200 main.alloc:512', '0x300 runtime.call32:768', '0x400 main.main:1024']);
    expect(
      stackOf([
        ['runtime.malg', 0x100],
        ['runtime.newproc1', 0x200],
      ]),
    ).toEqual(['0x100 runtime.malg:256', '0x200 runtime.newproc1:512']);
    expect(
      stackOf([
        ['operator new[](unsigned long)', 0x100],
        ['Foo::make(int)', 0x200],
      ]),
    ).toEqual(['0x200 Foo::make(int):512']);
  });

  it('drops the inlined allocator lines of a location and keeps its outer lines', () => {
    const p = parseText(`heap profile: 1: 64 [1: 64] @ heapprofile
1: 64 [1: 64] @ 0x111 0x121 0x301
#\t0x110\truntime.inl+0x10\t/r.go:1
#\t0x120\tmain.f+0x20\t/f.go:2
#\t0x300\tmain.main+0x0\t/m.go:3
`);
    expect(samplesOf(p)[0].stack).toEqual(['0x110 main.f:2', '0x300 main.main:3']);
  });

  it.each([
    ['runtime.(*mheap).alloc', 'runtime.'],
    ['main.(*Forest).Grow', 'main.'],
    ['.ppc64_entry', 'ppc64_entry'],
    ['std::vector<int>::push_back(int const&)', 'std::vector<int>::push_back'],
    ['(anonymous namespace)::f(int)', '(anonymous namespace)::f'],
    ['Foo::operator()(int)', 'Foo::operator()'],
    ['main.main', 'main.main'],
  ])('simplifies %s to %s', (name, simple) => {
    expect(simplifyName(name)).toBe(simple);
  });
});
