// formatRaw prints Time: in the local zone; these profiles have none, but keep the run in UTC.
process.env.TZ = 'UTC';

/**
 * What pprof's loading does to a profile that shows in its reports: 64-bit mapping bounds printed
 * exactly, and each comment once. The expected text is what Go 1.19's `go tool pprof -raw` and
 * `-comments` printed for profiles written with these fields (and for testdata/realworld's
 * pyroscope-profile_* and pprof-replacer-heap).
 */
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { parseProfile } from '../../src/profile/decode.js';
import { normalizeProfile } from '../../src/profile/merge.js';
import { formatRaw } from '../../src/format/raw.js';
import { heapMessage, int64 } from '../helpers/profile-fixtures.js';

describe('mapping bounds past 2^53', () => {
  const withBounds = (start: bigint, limit: bigint, offset: bigint) => {
    const m = heapMessage({ samples: [{ stack: ['f'], values: [1, 2, 3, 4] }] });
    Object.assign(m.mapping![0], { memoryStart: int64(start), memoryLimit: int64(limit), fileOffset: int64(offset) });
    return parseProfile(encodeProfile(m));
  };
  const mappingLine = (raw: string) => raw.slice(raw.indexOf('Mappings\n') + 'Mappings\n'.length).split('\n')[0];

  it('prints 0xffffffffffffffff, not the float 2^64 (0x10000000000000000)', () => {
    expect(mappingLine(formatRaw(withBounds(0n, 0xffffffffffffffffn, 0n)))).toBe('1: 0x0/0xffffffffffffffff/0x0 /bin/app  [FN]');
  });

  it('keeps every digit of a kernel mapping, merged or not', () => {
    const p = withBounds(0xffffffff81000000n, 0xffffffff82000001n, 0x20000000000001n);
    for (const merge of [true, false]) {
      expect(mappingLine(formatRaw(normalizeProfile(p, merge)))).toBe(
        '1: 0xffffffff81000000/0xffffffff82000001/0x20000000000001 /bin/app  [FN]',
      );
    }
  });

  it('keeps bounds below 2^53 as plain numbers', () => {
    const p = withBounds(0x400000n, 0x4b6000n, 0x1000n);
    expect(p.mappings[0].wide).toBeUndefined();
    expect(mappingLine(formatRaw(p))).toBe('1: 0x400000/0x4b6000/0x1000 /bin/app  [FN]');
  });
});

describe('comments', () => {
  it.each([true, false])('each comment once after loading (merged: %s), in order of first use', (merge) => {
    const m = heapMessage({ comments: ['b', 'a', 'b', 'c', 'a'], samples: [{ stack: ['f'], values: [1, 2, 3, 4] }] });
    const p = normalizeProfile(parseProfile(encodeProfile(m)), merge);
    expect(p.comments).toEqual(['b', 'a', 'c']);
  });
});
