/**
 * The memory map after a legacy profile's samples, as pprof reads it: the line forms it accepts,
 * the lines it skips, and how it fixes mappings up before it puts each location in one. Each case
 * is a heap profile (heapprofile: no unsampling, no frames stripped) with one record of the given
 * addresses; expected texts are the Locations and Mappings of `go tool pprof -raw` on the same text.
 */
import { rawOf, text } from '../helpers/legacy-inputs.js';

/** A heap profile with one record at `addresses` (as return addresses: pprof takes one from each), then `map`. */
function heapWithMap(addresses: readonly number[], map: string): Uint8Array {
  const record = addresses.map((a) => `0x${(a + 1).toString(16)}`).join(' ');
  return text(`heap profile: 1: 1 [1: 1] @ heapprofile\n1: 1 [1: 1] @ ${record}\n--- Memory map: ---\n${map}`);
}

const tables = (raw: string) => raw.slice(raw.indexOf('Locations\n'));

describe('line forms', () => {
  it("/proc/self/maps lines, with or without offset and permissions; pprof's brief form; glog prefixes; $name=value", () => {
    const map = [
      'I0101 12:00:00.000 foo.cc:123] 1000-2000 r-xp 00000000 fc:01 1234 /usr/bin/app',
      '0x3000-0x4000: r-xp /a/b',
      'LIBS=/opt/lib',
      '5000 6000 $LIBS/libz.so (@1000) abcdef123',
      '7000-8000 /c/d (@20) 00ff',
      '9000-a000 r--p 00000000 fc:01 5 /noexec.so',
      'b000-c000 r-xp fc:01 77 /no/offset',
      'd000-e000',
      'not a map line at all',
      '',
    ].join('\n');
    expect(tables(rawOf(heapWithMap([0x1100, 0x3100, 0x5100, 0x7100, 0x9100, 0xb100, 0xd100, 0xf100], map)))).toBe(
      [
        'Locations',
        '     1: 0x1100 M=1 ',
        '     2: 0x3100 M=2 ',
        '     3: 0x5100 M=3 ',
        '     4: 0x7100 M=4 ',
        // Not executable, so no mapping: with 0xf100, outside every one, it falls in pprof's mapping over everything.
        '     5: 0x9100 M=5 ',
        '     6: 0xb100 M=6 ',
        '     7: 0xd100 M=7 ',
        '     8: 0xf100 M=5 ',
        'Mappings',
        '1: 0x1000/0x2000/0x0 /usr/bin/app  ',
        '2: 0x3000/0x4000/0x0 /a/b  ',
        '3: 0x5000/0x6000/0x1000 /opt/lib/libz.so abcdef123 ',
        '4: 0x7000/0x8000/0x20 /c/d 00ff ',
        '5: 0x0/0xffffffffffffffff/0x0   ',
        '6: 0xb000/0xc000/0x0 /no/offset  ',
        '7: 0xd000/0xe000/0x0   ',
        '',
      ].join('\n'),
    );
  });
});

describe('fixes', () => {
  it('the main binary goes first, libraries and [brackets] after it', () => {
    const map =
      '7f0000000000-7f0000100000 r-xp 00000000 fc:01 99 /lib/libc.so.6\n[vdso] is not it either\n00400000-00500000 r-xp 00000000 fc:01 1234 /usr/bin/app (deleted)\n';
    expect(tables(rawOf(heapWithMap([0x400100, 0x7f0000000100], map)))).toBe(
      'Locations\n     1: 0x400100 M=1 \n     2: 0x7f0000000100 M=2 \nMappings\n1: 0x400000/0x500000/0x0 /usr/bin/app  \n2: 0x7f0000000000/0x7f0000100000/0x0 /lib/libc.so.6  \n',
    );
  });

  it('adjacent pieces of one file become one mapping', () => {
    const map =
      '00400000-00480000 r-xp 00000000 fc:01 1 /bin/main\n00480000-00500000 r-xp 00080000 fc:01 1 /bin/main\n00500000-00600000 r-xp 00000000 fc:01 2\n00600000-00700000 r-xp 00300000 fc:01 1 /bin/main\n';
    expect(tables(rawOf(heapWithMap([0x400100, 0x480100, 0x500100], map)))).toBe(
      'Locations\n     1: 0x400100 M=1 \n     2: 0x480100 M=1 \n     3: 0x500100 M=1 \nMappings\n1: 0x400000/0x700000/0x0 /bin/main  \n',
    );
  });

  it('a leading /anon_hugepage piece of the main binary is dropped; its addresses join the binary', () => {
    const map = '400000-600000 r-xp 00000000 00:00 0 /anon_hugepage (deleted)\n600000-700000 r-xp 00200000 fc:01 1 /bin/main\n';
    expect(tables(rawOf(heapWithMap([0x400100, 0x600100], map)))).toBe(
      'Locations\n     1: 0x400100 M=1 \n     2: 0x600100 M=1 \nMappings\n1: 0x400000/0x700000/0x0 /bin/main  \n',
    );
  });

  it('a main binary whose offset puts its start at 0x400000 starts there', () => {
    const map = '10000-20000 r-xp 00000000 fc:01 1 /lib/a.so\n401000-500000 r-xp 00001000 fc:01 1 /bin/main\n';
    expect(tables(rawOf(heapWithMap([0x401100, 0x10100], map)))).toBe(
      'Locations\n     1: 0x401100 M=1 \n     2: 0x10100 M=2 \nMappings\n1: 0x400000/0x500000/0x0 /bin/main  \n2: 0x10000/0x20000/0x0 /lib/a.so  \n',
    );
  });

  it('an address just below a mapping, within its offset, extends it (a first piece the writer left out)', () => {
    expect(tables(rawOf(heapWithMap([0x5500, 0x7100, 0x18], '7000-8000 r-xp 00003000 fc:01 1 /bin/main\n')))).toBe(
      'Locations\n     1: 0x5500 M=1 \n     2: 0x7100 M=1 \n     3: 0x18 M=2 \nMappings\n1: 0x4000/0x8000/0x0 /bin/main  \n2: 0x0/0xffffffffffffffff/0x0   \n',
    );
  });
});

describe('in linear time', () => {
  it.each([
    ['hex digits', 'a'.repeat(60_000)],
    ['hex digits and a device', `${'a'.repeat(30_000)}zz 1:2 3`],
    ['spaces', `1-2${' '.repeat(60_000)}x`],
    ['dashes', '1'.repeat(20_000) + '-'.repeat(20_000)],
  ])('a map line of %s', (_what, line) => {
    const start = performance.now();
    expect(tables(rawOf(heapWithMap([0x100], `${line}\n`)))).toContain('Mappings\n');
    expect(performance.now() - start).toBeLessThan(500);
  });
});
