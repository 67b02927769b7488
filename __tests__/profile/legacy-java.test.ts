/**
 * Legacy Java heap and contention profiles (`--- heapz 1 ---`, `--- contentionz 1 ---`):
 * attributes, samples with the count second, the frame table, and pprof's errors. Expected texts
 * are `go tool pprof -raw` on the same text.
 */
import { rawOf, text } from '../helpers/legacy-inputs.js';

const lines = (...l: string[]) => [...l, ''].join('\n');
const refused = (reason: string) => `error (parse): parsing profile: ${reason}`;
const HEAP = '--- heapz 1 ---\nformat = java\nresolution = bytes\n';

describe('heapz', () => {
  it('unsampled at 512 KiB; the bytes label is the average size; a function is named once, by its first file', () => {
    const raw = rawOf(
      text(`${HEAP}100 1 @ 0x1 0x2 0x3\n 0x1 a.b (A.java:1)\n 0x2 a.b (B.java:2)\n 0x1 c.d (C.java:3)\n 0x3 x (y) (z.java:9)\n`),
    );
    expect(raw).toBe(
      lines(
        'PeriodType:  ',
        'Period: 0',
        'Samples:',
        'inuse_objects/count inuse_space/bytes',
        '       5243     524338: 1 2 3 ',
        '                bytes:[100]',
        'Locations',
        '     1: 0x0 M=1 c.d C.java:3 s=0',
        '     2: 0x0 M=1 a.b A.java:2 s=0',
        '     3: 0x0 M=1 x (y) z.java:9 s=0',
        'Mappings',
        '1: 0x0/0x0/0x0   ',
      ),
    );
  });

  it("numbers in Go's syntax (010 is 8); a frame the table leaves out is in pprof's mapping over everything", () => {
    const raw = rawOf(text(`${HEAP}010 02 @ 0x1 0x2\n 0x1 a.b (A.java:1)\n`));
    expect(raw).toBe(
      lines(
        'PeriodType:  ',
        'Period: 0',
        'Samples:',
        'inuse_objects/count inuse_space/bytes',
        '     262145    1048580: 1 2 ',
        '                bytes:[4]',
        'Locations',
        '     1: 0x0 a.b A.java:1 s=0',
        '     2: 0x0 M=1 ',
        'Mappings',
        '1: 0x0/0xffffffffffffffff/0x0   ',
      ),
    );
  });

  it.each([
    ['a zero count', '100 0 @ 0x1', 'parsing sample 100 0 @ 0x1: second value must be non-zero'],
    ['a count that is not Go syntax', '10 08 @ 0x1', 'parsing sample 10 08 @ 0x1: strconv.ParseInt: parsing "08": invalid syntax'],
    [
      'an address past 64 bits',
      '100 1 @ 0x11111111111111111',
      'malformed sample: 100 1 @ 0x11111111111111111: failed to parse as hex 64-bit number: 0x11111111111111111',
    ],
  ])("%s: pprof's words", (_what, sample, reason) => {
    expect(rawOf(text(`${HEAP}${sample}\n`))).toBe(refused(reason));
  });

  it("samples without a resolution have no sample types: pprof's words", () => {
    expect(rawOf(text('--- heapz 1 ---\nformat = java\n100 1 @ 0x1\n 0x1 a.b\n'))).toBe(refused('missing sample type information'));
  });

  it('pprof-fuzz-heapz, which pprof refuses', () => {
    expect(rawOf(text('--- heapz 1 ---\n0 0 @ 0\n'))).toBe(refused('parsing sample 0 0 @ 0: second value must be non-zero'));
  });

  it('another format, or an attribute heaps do not have: not this format', () => {
    for (const header of [
      '--- heapz 1 ---\nformat = cpp\n',
      '--- heapz 1 ---\nformat = java\nsampling period = 5\n',
      '--- heapz 2 ---\n',
    ]) {
      expect(rawOf(text(`${header}10 1 @ 0x1\n`))).toMatch(/^error \(not-a-profile\): /);
    }
  });
});

describe('contentionz', () => {
  it('resolution, sampling period, duration; a native method and a frame without a name', () => {
    const raw = rawOf(
      text(
        [
          '--- contentionz 1 ---',
          'format = java',
          'resolution = microseconds',
          'sampling period = 100',
          'ms since reset = 6019923',
          '            1     1 @ 0x00000003 0x00000004',
          '           14     1 @ 0x0000000d 0x0000000e 0x0000000f',
          ' 0x00000003 com.example.function03 (source.java:03)',
          ' 0x00000004 com.example.function04 (source.java:04)',
          ' 0x0000000d com.example.function0d (source.java:0)',
          ' 0x0000000e com.example.function0e (Native Method)',
          ' 0x0000000f  (source.java:0)',
        ].join('\n'),
      ),
    );
    expect(raw).toBe(
      lines(
        'PeriodType: contentions count',
        'Period: 100',
        'Duration: 1h40',
        'Samples:',
        'contentions/count delay/microseconds',
        '        100        100: 1 2 ',
        '        100       1400: 3 4 5 ',
        'Locations',
        '     1: 0x0 M=1 com.example.function03 source.java:3 s=0',
        '     2: 0x0 M=1 com.example.function04 source.java:4 s=0',
        '     3: 0x0 M=1 com.example.function0d source.java:0 s=0',
        '     4: 0x0 M=1 com.example.function0e Native Method:0 s=0',
        '     5: 0x0 M=1 (source.java:0) :0 s=0',
        'Mappings',
        '1: 0x0/0x0/0x0   ',
      ),
    );
  });

  it.each([
    ['sampling period = 9a', 'failed to parse attribute sampling period = 9a: strconv.ParseInt: parsing "9a": invalid syntax'],
    [
      'ms since reset = 99999999999999999999',
      'failed to parse attribute ms since reset = 99999999999999999999: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    ],
  ])("a bad attribute (%s): pprof's words", (attribute, reason) => {
    expect(rawOf(text(`--- contentionz 1 ---\nformat = java\n${attribute}\n`))).toBe(refused(reason));
  });
});
