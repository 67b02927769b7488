/**
 * The legacy binary CPU format: the four word layouts pprof tries, the C++ and Java headers, what
 * pprof strips (signal-handler frames, a repeated leaf, zero counts), and the memory map after
 * the samples. Expected texts are `go tool pprof -raw` on the same bytes.
 */
import { CPU_SAMPLES, MAPS_64, cpuProfile, rawOf, text } from '../helpers/legacy-inputs.js';

const HEADER = ['PeriodType: cpu nanoseconds', 'Period: 10000000', 'Samples:', 'samples/count cpu/nanoseconds'];
/** pprof's -raw of CPU_SAMPLES with the map whose libc starts at `libc` (hex). */
const expected = (libc: string, mappings: string[]) =>
  [
    ...HEADER,
    '          3   30000000: 1 2 3 ',
    '          2   20000000: 4 2 5 ',
    '          5   50000000: 6 6 3 ',
    'Locations',
    '     1: 0x400100 M=1 ',
    '     2: 0x4001ff M=1 ',
    '     3: 0x4002ff M=1 ',
    '     4: 0x400101 M=1 ',
    `     5: 0x${libc}4ff M=${mappings.length} `,
    '     6: 0x400102 M=1 ',
    'Mappings',
    ...mappings,
    '',
  ].join('\n');

describe('word sizes and byte orders', () => {
  const libc = (start: string, end: string) => `2: 0x${start}/0x${end}/0x0 /lib/libc.so.6  `;
  it.each(['64le', '64be'] as const)('64-bit, %s', (format) => {
    expect(rawOf(cpuProfile(format, 10000, CPU_SAMPLES, { tail: MAPS_64 }))).toBe(
      expected('7f0000000', ['1: 0x400000/0x500000/0x0 /usr/bin/app  ', libc('7f0000000000', '7f0000100000')]),
    );
  });

  it.each(['32le', '32be'] as const)('32-bit, %s', (format) => {
    const samples = CPU_SAMPLES.map(([n, stack]) => [n, stack.map((a) => (Number(a) > 0xffffffff ? 0xb7000500 : a))] as const);
    const maps = MAPS_64.replace('7f0000000000-7f0000100000', 'b7000000-b7100000');
    expect(rawOf(cpuProfile(format, 10000, samples, { tail: maps }))).toBe(
      expected('b7000', ['1: 0x400000/0x500000/0x0 /usr/bin/app  ', libc('b7000000', 'b7100000')]),
    );
  });

  it('without the end marker or a map: the samples to the end, in one mapping over everything', () => {
    const raw = rawOf(cpuProfile('64le', 10000, CPU_SAMPLES, { end: false }));
    expect(raw).toBe(expected('7f0000000', ['1: 0x0/0xffffffffffffffff/0x0   ']));
  });
});

describe('what pprof strips', () => {
  it("a caller that nearly every sample shares (all but one in 32) is the signal handler's: it goes", () => {
    const samples: [number, number[]][] = Array.from({ length: 40 }, (_, i) => [1, [0x400000 + i * 16, 0x4ff000, 0x400800]]);
    samples.push([1, [0x400900, 0x400a00]]);
    const raw = rawOf(cpuProfile('64le', 1000, samples));
    // Twice: 0x4ff000 (less one), then 0x400800 (less one), which every sample then has second.
    expect(raw.split('\n').filter((l) => l.includes(': 1 ') || l.includes(': 41 '))).toEqual([
      '          1    1000000: 1 ',
      '          1    1000000: 41 42 ',
    ]);
    expect(raw).not.toContain('0x4fefff');
    expect(raw).toContain('    42: 0x4009ff M=1 \n');
  });

  it('a leaf repeated as its caller less one (signal context and unwinding) is kept once', () => {
    const raw = rawOf(
      cpuProfile('64le', 1000, [
        [1, [0x400101, 0x400101, 0x400200]],
        [1, [0x400101, 0x400100, 0x400200]],
      ]),
    );
    expect(raw).toContain('          1    1000000: 1 2 \n          1    1000000: 1 3 2 \n');
    expect(raw).toContain('     1: 0x400101 M=1 \n     2: 0x4001ff M=1 \n     3: 0x4000ff M=1 \n');
  });
});

describe('Java', () => {
  const frames =
    '\n 0x1 com.a.B.f (B.java:12)\n 0x2 com.a.B.g (/x/y/lib.so)\n 0x3 generated stub/JIT\n0x4 GC\n 0x00000005 VM\n 0x6  foo  (F.java:-3)\n';

  it('frame ids named by the table after the samples: file and line, a library, a JIT stub, a bare name', () => {
    const bytes = cpuProfile(
      '32le',
      10000,
      [
        [1, [1, 2, 3]],
        [2, [4]],
        [0, [5]],
        [1, [1, 6]],
      ],
      { java: true, tail: frames },
    );
    expect(rawOf(bytes)).toBe(
      [
        ...HEADER,
        '          1   10000000: 1 2 3 ',
        '          2   20000000: 4 ',
        '          1   10000000: 1 5 ',
        'Locations',
        '     1: 0x0 M=1 com.a.B.f B.java:12 s=0',
        '     2: 0x0 M=1 com.a.B.g lib.so:0 s=0',
        '     3: 0x0 M=1 STUB :0 s=0',
        '     4: 0x0 M=1 GC :0 s=0',
        '     5: 0x0 M=1 foo  F.java:0 s=0',
        'Mappings',
        '1: 0x0/0x0/0x0   ',
        '',
      ].join('\n'),
    );
  });

  it("frames the table does not name keep no mapping of their own: pprof's mapping over everything", () => {
    const bytes = cpuProfile('32le', 10000, [[1, [1, 2, 3]]], { java: true, tail: '\n 0x1 com.a.B.f (B.java:12)\n' });
    expect(rawOf(bytes)).toBe(
      [
        ...HEADER,
        '          1   10000000: 1 2 2 ',
        'Locations',
        '     1: 0x0 com.a.B.f B.java:12 s=0',
        '     2: 0x0 M=1 ',
        'Mappings',
        '1: 0x0/0xffffffffffffffff/0x0   ',
        '',
      ].join('\n'),
    );
  });

  it("a frame id past 64 bits is refused in pprof's words", () => {
    const bytes = cpuProfile('32le', 10000, [[1, [1]]], { java: true, tail: '\n 0x11111111111111111 x\n' });
    expect(rawOf(bytes)).toBe(
      'error (parse): parsing profile: parsing sample 0x11111111111111111 x: strconv.ParseUint: parsing "11111111111111111": value out of range',
    );
  });
});

describe('not this format', () => {
  it('a depth past what is left is no CPU profile (nor anything else)', () => {
    const bytes = cpuProfile('32le', 100, [[1, [5]]], { end: false });
    new DataView(bytes.buffer).setUint32(24, 1000, true);
    expect(rawOf(bytes)).toMatch(/^error \(not-a-profile\): not a pprof profile: /);
  });

  it('a cut in the middle of a sample: pprof reads it as no format it knows', () => {
    const bytes = cpuProfile('64le', 10000, CPU_SAMPLES);
    expect(rawOf(bytes.subarray(0, bytes.length - 12))).toMatch(/^error \(not-a-profile\): /);
  });

  it("a map line past 64 KiB stops pprof's line scanner: its error", () => {
    const bytes = cpuProfile('64le', 100, [[1, [0x1100]]], { tail: `1000-2000 /x\n${'a'.repeat(70_000)}\n` });
    expect(rawOf(bytes)).toBe('error (parse): parsing profile: bufio.Scanner: token too long');
  });

  it('a text is not read as binary', () => {
    expect(rawOf(text('\0\0\0\0\x03\0\0\0'))).toMatch(/^error \(not-a-profile\): /);
  });
});
