/**
 * Profiles with many strings: the string table decoded in windows (ASCII as slices of one text,
 * anything else string by string), and the merge's hash tables, whose slots must not depend on a
 * hash's low bits alone (300,000 distinct labels on one stack took 17 s to merge).
 */
import { encodeProfile, type ProfileMessage } from '../../tools/profile-pb/encode.js';
import { readProfileProto } from '../../src/profile/decode-proto.js';
import { parseProfile } from '../../src/profile/decode.js';
import { mixHash } from '../../src/profile/index-slots.js';
import { mergeProfiles, normalizeProfile } from '../../src/profile/merge.js';
import { heapMessage } from '../helpers/profile-fixtures.js';

/** The string table `strings` comes back as, from profile.proto written with it. */
function decodedStrings(strings: string[]): string[] {
  const message: ProfileMessage = { stringTable: strings };
  return readProfileProto(encodeProfile(message, false)).strings;
}

describe('the string table', () => {
  it('ASCII, empty strings and strings shorter than a slice worth sharing', () => {
    const strings = ['', 'a', '', 'main.main', 'x'.repeat(200), '/src/app/main.go'];
    expect(decodedStrings(strings)).toEqual(strings);
  });

  it('UTF-8 with a byte-order mark, as protobufjs decoded it', () => {
    const strings = ['', 'région', '日本語.関数', '\ufeffbom', 'emoji 🙂', 'ascii after'];
    expect(decodedStrings(strings)).toEqual(strings);
  });

  it('bad UTF-8 as U+FFFD, the strings around it intact', () => {
    // 0a 01 'a' 32 02 ff 'b' 32 01 'c': three strings, the middle one with a stray byte.
    const bytes = Uint8Array.from([0x32, 0x00, 0x32, 0x01, 0x61, 0x32, 0x02, 0xff, 0x62, 0x32, 0x01, 0x63]);
    expect(readProfileProto(bytes).strings).toEqual(['', 'a', '\ufffdb', 'c']);
  });

  it('strings interleaved with other fields, and across many windows', () => {
    // 300,000 strings, about 10 MB: several windows, one of them with a non-ASCII string.
    const strings = [''];
    for (let i = 1; i < 300_000; i++) strings.push(i === 150_000 ? `naïve.${i}` : `github.com/acme/svc/pkg.Function${i}.func${i % 7}`);
    expect(decodedStrings(strings)).toEqual(strings);
    // A string table written in two runs with a field between them.
    const first = encodeProfile({ stringTable: ['', 'one', 'two'] }, false);
    const period = Uint8Array.from([0x60, 0x05]); // field 12 (period) = 5
    const second = encodeProfile({ stringTable: ['three'] }, false);
    const raw = readProfileProto(Uint8Array.from([...first, ...period, ...second]));
    expect([raw.strings, raw.period]).toEqual([['', 'one', 'two', 'three'], 5]);
  });

  it("a string running past the data is damage, with protobufjs's message", () => {
    expect(() => readProfileProto(Uint8Array.from([0x32, 0x00, 0x32, 0x05, 0x61]))).toThrow('index out of range: 4 + 5 > 5');
  });
});

describe('hash slots', () => {
  it('numbers that differ only in their high bits spread over the low ones', () => {
    const slots = new Set<number>();
    for (let i = 0; i < 1024; i++) slots.add(mixHash(Math.imul(0x811c9dc5 ^ (i << 16), 16777619)) & 1023);
    expect(slots.size).toBeGreaterThan(550); // random placement fills about 63%; unmixed, one slot
  });

  it('merges 100,000 samples with one stack and distinct labels, each kept', () => {
    const message = heapMessage({
      samples: Array.from({ length: 100_000 }, (_, i) => ({
        stack: ['main.serve', 'main.main'],
        values: [1, 64, 1, 64],
        labels: [{ key: 'request', str: `r${i}` }],
      })),
    });
    const started = Date.now();
    const merged = normalizeProfile(parseProfile(encodeProfile(message)));
    expect(merged.samples.count).toBe(100_000);
    // Quadratic probing took about 2 s for this many on a fast machine; linear takes milliseconds.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe("functions merged by their strings' merged indices", () => {
  it('equal strings at two indices of the string table make one function', () => {
    const message = heapMessage({
      samples: [
        { stack: ['main.f', 'main.main'], values: [1, 10, 1, 10] },
        { stack: ['main.g', 'main.main'], values: [2, 20, 2, 20] },
      ],
    });
    // Point main.g's function at a second copy of "main.f" and of its file.
    const table = message.stringTable!;
    const g = message.function!.find((f) => table[f.name as number] === 'main.g')!;
    table.push('main.f', table[g.filename as number]);
    g.name = g.systemName = table.length - 2;
    g.filename = table.length - 1;
    const merged = mergeProfiles([parseProfile(encodeProfile(message))]);
    const names = Array.from({ length: merged.functions.count }, (_, f) => merged.strings[merged.functions.name[f]]);
    expect(names.sort()).toEqual(['main.f', 'main.main']);
    expect(merged.strings.filter((s) => s === 'main.f')).toHaveLength(1);
  });
});
