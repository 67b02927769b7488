/**
 * The legacy text formats besides heaps: contention (gperftools' contentionz, Go's mutex and
 * contention), threadz, Go's goroutine and threadcreate counts. Expected texts are `go tool
 * pprof -raw` on the same text, and its stderr where it refuses one.
 */
import { rawOf, text } from '../helpers/legacy-inputs.js';

const lines = (...l: string[]) => [...l, ''].join('\n');
const EVERYTHING = '1: 0x0/0xffffffffffffffff/0x0   ';
const refused = (reason: string) => `error (parse): parsing profile: ${reason}`;
const notAProfile = /^error \(not-a-profile\): not a pprof profile: /;

describe('contention', () => {
  it("Go's mutex profile: delays in cycles become nanoseconds, counts and delays times the sampling period", () => {
    const raw = rawOf(
      text('--- mutex:\ncycles/second=2000000000\nsampling period=5\n1000 2 @ 0x400101 0x400201\n # comment\n500 1 @ 0x400301\n'),
    );
    expect(raw).toBe(
      lines(
        'PeriodType: contentions count',
        'Period: 5',
        'Samples:',
        'contentions/count delay/nanoseconds',
        '         10       2500: 1 2 ',
        '          5       1250: 3 ',
        'Locations',
        '     1: 0x400100 M=1 ',
        '     2: 0x400200 M=1 ',
        '     3: 0x400300 M=1 ',
        'Mappings',
        EVERYTHING,
      ),
    );
  });

  it("gperftools' contentionz, cycles/second and a period: 3201 cycles at 3.201 GHz, 100 times, is 100 µs", () => {
    const raw = rawOf(text('--- contentionz 1 ---\ncycles/second = 3201000000\nsampling period = 100\n3201 3 @ 0x11 0x21\n'));
    expect(raw).toContain('contentions/count delay/nanoseconds\n        300     100000: 1 2 \n');
  });

  it("no period (0): values as written; one run of digits is split before its last digit, as pprof's regexp does", () => {
    const raw = rawOf(text('--- contentionz 1 ---\nsampling period = 0\n123 4 @ 0x10 0x20\n12345 @ 0x30\n'));
    expect(raw).toContain(
      'Period: 0\nSamples:\ncontentions/count delay/nanoseconds\n          4        123: 1 2 \n          5       1234: 3 \n',
    );
  });

  it('ms since reset is the duration; the memory map after the samples', () => {
    const raw = rawOf(
      text(
        '--- contentionz 1 ---\nms since reset = 1000\ndiscarded samples = 0\n1 2 @ 0x1\n--- Memory map: ---\n0-1000 r-xp 00000000 00:00 0 /x\n',
      ),
    );
    expect(raw).toBe(
      lines(
        'PeriodType: contentions count',
        'Period: 1',
        'Duration: 1s',
        'Samples:',
        'contentions/count delay/nanoseconds',
        '          2          1: 1 ',
        'Locations',
        '     1: 0x0 ',
        'Mappings',
        '1: 0x0/0x1000/0x0 /x  ',
      ),
    );
  });

  it.each([
    [
      'a count past int64',
      '99999999999999999999 1 @ 0x1',
      'malformed sample: 99999999999999999999 1 @ 0x1: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    ],
    [
      'an address past 64 bits',
      '1 1 @ 0x11111111111111111',
      'malformed sample: 1 1 @ 0x11111111111111111: failed to parse as hex 64-bit number: 0x11111111111111111',
    ],
  ])("%s: pprof's words", (_what, sample, reason) => {
    expect(rawOf(text(`--- contentionz 1 ---\n${sample}\n`))).toBe(refused(reason));
  });

  it('an attribute it does not know, a bad number, or a line that is no sample: not this format', () => {
    for (const body of ['cycles/second = abc\n1 2 @ 0x1', 'format = java', 'this is not a sample']) {
      expect(rawOf(text(`--- contention:\n${body}\n`))).toMatch(notAProfile);
    }
  });
});

describe('threads', () => {
  it('threadz: a sample per thread, repeats counted on the thread before, the leaf not less one; the memory map', () => {
    const raw = rawOf(
      text(
        [
          '# leading comment',
          '--- threadz 1 ---',
          'comments under header',
          '',
          '--- Thread 7f00 (name: main/1) stack: ---',
          '  PC: 0x400101 0x400201',
          '      0x400301',
          '--- Thread 7f01 (name: w/2) stack: ---',
          '  same as previous thread',
          '--- Thread 7f02 (name: w/3) stack: ---',
          '  0x400501 0x400502',
          '--- Memory map: ---',
          '400000-500000 r-xp 00000000 fc:01 1 /bin/t',
          '',
        ].join('\n'),
      ),
    );
    expect(raw).toBe(
      lines(
        'PeriodType: thread count',
        'Period: 1',
        'Samples:',
        'thread/count',
        '          2: 1 2 3 ',
        '          1: 4 4 ',
        'Locations',
        '     1: 0x400101 M=1 ',
        '     2: 0x400200 M=1 ',
        '     3: 0x400300 M=1 ',
        '     4: 0x400501 M=1 ',
        'Mappings',
        '1: 0x400000/0x500000/0x0 /bin/t  ',
      ),
    );
  });

  it('"no stack trace" ends the threads; what follows up to the map is skipped', () => {
    const raw = rawOf(
      text(
        '--- Thread 7f00 (name: main/1) stack: ---\n 0x400101 0x400201\n---- no stack trace for thread 7f01 ----\ngarbage\n--- Memory map: ---\n400000-500000 r-xp 00000000 fc:01 1 /bin/t\n',
      ),
    );
    expect(raw).toContain('thread/count\n          1: 1 2 \nLocations\n     1: 0x400101 M=1 \n     2: 0x400200 M=1 \n');
  });

  it('threads not followed by a section or map pprof knows: not this format', () => {
    expect(rawOf(text('--- Thread 7f00 (name: main/1) stack: ---\n 0x400101 0x400201\n'))).toMatch(notAProfile);
  });

  it("an address past 64 bits: pprof's words", () => {
    expect(rawOf(text('--- threadz 1 ---\n--- Thread 1 (name: a/1) stack: ---\n 0x11111111111111111\n---\n'))).toBe(
      refused('malformed sample: 0x11111111111111111: failed to parse as hex 64-bit number: 0x11111111111111111'),
    );
  });
});

describe('goroutine and threadcreate counts', () => {
  it("comments before the header; counts in Go's syntax (010 is octal); every address less one; the memory map", () => {
    const raw = rawOf(
      text(
        '# comment first\n\ngoroutine profile: total 12\n5 @ 0x42a0c0 0x42a1c0 0x470001\n010 @ 0x42a0c0 0x470001\n# c\n--- Memory map: ---\n400000-500000 r-xp 00000000 fc:01 1 /bin/g\n',
      ),
    );
    expect(raw).toBe(
      lines(
        'PeriodType: goroutine count',
        'Period: 1',
        'Samples:',
        'goroutine/count',
        '          5: 1 2 3 ',
        '          8: 1 3 ',
        'Locations',
        '     1: 0x42a0bf M=1 ',
        '     2: 0x42a1bf M=1 ',
        '     3: 0x470000 M=1 ',
        'Mappings',
        '1: 0x400000/0x500000/0x0 /bin/g  ',
      ),
    );
  });

  it("--- ends the records; address 0 has no mapping, so the profile gets pprof's empty one", () => {
    expect(rawOf(text('goroutine profile: total 3\n3 @ 0x1\n---\n4 @ 0x2\n'))).toBe(
      lines(
        'PeriodType: goroutine count',
        'Period: 1',
        'Samples:',
        'goroutine/count',
        '          3: 1 ',
        'Locations',
        '     1: 0x0 M=1 ',
        'Mappings',
        '1: 0x0/0x0/0x0   ',
      ),
    );
  });

  it.each([['3 @0x1'], ['08 @ 0x1'], ['1 @ 0x11111111111111111'], ['1 @ 0x1 ']])("a bad record (%s): pprof's one reason", (record) => {
    expect(rawOf(text(`threadcreate profile: total 1\n${record}\n`))).toBe(refused('malformed profile format'));
  });
});
