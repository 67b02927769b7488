/** Wire-level forms a decoder must accept: any ids, unpacked repeated fields, unknown fields. */
import protobuf from 'protobufjs/minimal.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { parseProfile } from '../../src/profile/decode.js';
import { formatRaw } from '../../src/format/raw.js';
import { type ProfileSpec, concatBytes, heapMessage } from '../helpers/profile-fixtures.js';

const VARINT = 0;
const LEN = 2;
const writer = () => protobuf.Writer.create();
const tag = (w: protobuf.Writer, field: number, wire: number) => w.uint32((field << 3) | wire);

const STACKS: ProfileSpec = {
  sampleTypes: [
    ['objects', 'count'],
    ['space', 'bytes'],
  ],
  samples: [
    {
      stack: [
        {
          lines: [
            { fn: 'g', line: 2 },
            { fn: 'f', line: 1 },
          ],
        },
        'main',
      ],
      values: [1, 100],
    },
    { stack: ['h', 'f', 'main'], values: [-2, -4096] },
  ],
};

describe('ids', () => {
  it('decodes sparse large ids (location 1e9+7.., function 2^40..) and samples still find their locations', () => {
    const p = parseProfile(
      encodeProfile(
        heapMessage({
          ...STACKS,
          mappings: [{ id: 2 ** 33 }],
          ids: { location: (n) => 1e9 + 7 + 1000 * n, function: (n) => 2 ** 40 + n },
        }),
      ),
    );
    expect(Array.from(p.locations.id)).toEqual([1000000007, 1000001007, 1000002007, 1000003007]);
    expect(Array.from(p.functions.id)).toEqual([2 ** 40, 2 ** 40 + 1, 2 ** 40 + 2, 2 ** 40 + 3]);
    expect(p.mappings[0].id).toBe(8589934592);
    expect(formatRaw(p).split('\n').slice(4, 11)).toEqual([
      '          1        100: 1000000007 1000001007 ',
      '         -2      -4096: 1000002007 1000003007 1000001007 ',
      'Locations',
      '1000000007: 0x401000 M=8589934592 g main.go:2 s=0',
      '             f main.go:1 s=0',
      '1000001007: 0x401100 M=8589934592 main main.go:0 s=0',
      '1000002007: 0x401200 M=8589934592 h main.go:0 s=0',
    ]);
  });

  it.each([
    ['dense, from 1', (n: number) => n + 1],
    ['dense with gaps (largest id within the typed-array range)', (n: number) => 1024 - 200 * n],
    ['sparse (just past the typed-array range)', (n: number) => 5000 + 3 * n],
  ])('resolves %s ids to the same profile', (_name, id) => {
    const p = parseProfile(encodeProfile(heapMessage({ ...STACKS, ids: { location: id, function: id } })));
    expect(Array.from(p.locations.id)).toEqual([0, 1, 2, 3].map(id));
    expect(Array.from(p.functions.id)).toEqual([0, 1, 2, 3].map(id));
    expect(Array.from(p.samples.locs)).toEqual([0, 1, 2, 3, 1]);
    expect(Array.from(p.locations.lineFunction)).toEqual([0, 1, 2, 3, 1]);
  });

  // Sample location ids are read into 32 bits; wider ones are kept aside by position.
  it.each([
    ['just past 32 bits', (n: number) => BigInt(2 ** 32 + 5 + n)],
    ['mixed: 32-bit and past 2^63', (n: number) => (n % 2 === 0 ? BigInt(n + 1) : 2n ** 63n + BigInt(n))],
  ])('samples find locations whose ids are %s', (_name, id) => {
    const p = parseProfile(encodeProfile(heapMessage({ ...STACKS, ids: { location: id } })));
    expect(Array.from(p.samples.locs)).toEqual([0, 1, 2, 3, 1]);
  });

  // Varints of up to seven bytes are read without protobufjs's 64-bit path; longer ones with it.
  it('reads sample values of every varint length exactly, negative ones too', () => {
    const values = [127, 128, 2 ** 28 - 1, 2 ** 28, 2 ** 35 + 3, 2 ** 49 - 1, 2 ** 49, 2 ** 53 - 1, -1, -5, -(2 ** 40), -(2 ** 53) + 1];
    const spec: ProfileSpec = {
      sampleTypes: STACKS.sampleTypes,
      samples: values.map((v, i) => ({ stack: [`f${i}`], values: [v, i + 1] })),
    };
    const p = parseProfile(encodeProfile(heapMessage(spec)));
    expect(Array.from({ length: p.samples.count }, (_, s) => p.samples.values[2 * s])).toEqual(values);
  });

  // The sample columns start at a size guessed from the data's length; these profiles pass it.
  it('reads more location ids and labels than the columns were first sized for', () => {
    const deep = parseProfile(
      encodeProfile(heapMessage({ ...STACKS, samples: [{ stack: Array<string>(50_000).fill('f'), values: [1, 2] }] })),
    );
    expect(deep.samples.locs.length).toBe(50_000);
    const labelled = Array.from({ length: 3000 }, (_, i) => ({ stack: ['f'], values: [i + 1, 1], labels: [{ key: 'n', num: i }] }));
    const wide = parseProfile(encodeProfile(heapMessage({ sampleTypes: STACKS.sampleTypes, samples: labelled })));
    expect(Array.from(wide.samples.labelNum.subarray(2990))).toEqual([2990, 2991, 2992, 2993, 2994, 2995, 2996, 2997, 2998, 2999]);
    expect(wide.samples.values[2 * 2999]).toBe(3000);
  });

  // Ids are uint64 on the wire; ids past 2^53 (as hash-derived ids are) must stay distinct, as in Go.
  it('keeps distinct location ids above 2^53 apart', () => {
    const bytes = encodeProfile(heapMessage({ ...STACKS, ids: { location: (n) => 2n ** 63n + BigInt(n) } }));
    expect(() => parseProfile(bytes)).not.toThrow();
    expect(parseProfile(bytes).locations.count).toBe(4);
  });
});

/** STACKS's bytes without samples and comments, then both written by hand in `write`. */
function handWritten(write: (w: protobuf.Writer, msg: ReturnType<typeof heapMessage>) => void, spec: ProfileSpec): Uint8Array {
  const msg = heapMessage(spec);
  const w = writer();
  write(w, msg);
  return concatBytes(encodeProfile({ ...msg, sample: [], comment: [] }, false), w.finish());
}

describe('repeated numeric fields', () => {
  const spec: ProfileSpec = { ...STACKS, comments: ['one', 'two'] };
  const packed = formatRaw(parseProfile(encodeProfile(heapMessage(spec), false)));

  it('packed, as encoders write them (the reference for the cases below)', () => {
    expect(packed).toMatch(/^Comment: one\nComment: two\n/);
    expect(packed).toContain('\n         -2      -4096: 3 4 2 \n');
  });

  it('written unpacked (one tag per value) decode the same as packed', () => {
    const bytes = handWritten((w, msg) => {
      for (const s of msg.sample!) {
        tag(w, 2, LEN).fork();
        for (const id of s.locationId!) tag(w, 1, VARINT).uint64(id);
        for (const v of s.value!) tag(w, 2, VARINT).int64(v);
        w.ldelim();
      }
      for (const c of msg.comment!) tag(w, 13, VARINT).int64(c);
    }, spec);
    expect(formatRaw(parseProfile(bytes))).toBe(packed);
  });

  it('split into several packed runs, or mixing packed and unpacked, decode the same', () => {
    const bytes = handWritten((w, msg) => {
      for (const s of msg.sample!) {
        tag(w, 2, LEN).fork();
        const [first, ...rest] = s.locationId!;
        tag(w, 1, VARINT).uint64(first);
        tag(w, 1, LEN).fork();
        for (const id of rest) w.uint64(id);
        w.ldelim();
        for (const v of s.value!) tag(w, 2, LEN).fork().int64(v).ldelim();
        w.ldelim();
      }
      tag(w, 13, LEN).fork().int64(msg.comment![0]).ldelim();
      tag(w, 13, VARINT).int64(msg.comment![1]);
    }, spec);
    expect(formatRaw(parseProfile(bytes))).toBe(packed);
  });
});

describe('unknown fields are skipped', () => {
  const spec: ProfileSpec = { sampleTypes: [['space', 'bytes']], samples: [{ stack: ['f'], values: [7] }] };
  const plain = formatRaw(parseProfile(encodeProfile(heapMessage(spec), false)));

  it('at the top level (field 15, doc_url, a string) and in a sample, label, mapping and function', () => {
    const msg = heapMessage(spec);
    const w = writer();
    tag(w, 15, LEN).string('https://example.com/doc');
    tag(w, 2, LEN).fork();
    tag(w, 1, VARINT).uint64(1);
    tag(w, 2, VARINT).int64(7);
    tag(w, 9, VARINT).uint64(123); // unknown in Sample
    tag(w, 3, LEN).fork();
    tag(w, 1, VARINT)
      .int64(0)
      .uint32((7 << 3) | LEN)
      .string('unknown in Label');
    w.ldelim().ldelim();
    const unknownInMapping = tag(writer(), 11, VARINT).uint64(1).finish();
    const unknownInFunction = tag(writer(), 6, LEN)
      .bytes(new Uint8Array([1, 2, 3]))
      .finish();
    const bytes = concatBytes(
      encodeProfile(
        {
          ...msg,
          sample: [],
          mapping: [{ ...msg.mapping![0], $unknowns: [unknownInMapping] }],
          function: [{ ...msg.function![0], $unknowns: [unknownInFunction] }],
        },
        false,
      ),
      w.finish(),
    );
    expect(formatRaw(parseProfile(bytes))).toBe(plain);
  });

  it('in a location and a line (Line.column, field 3)', () => {
    const msg = heapMessage(spec);
    const w = writer();
    tag(w, 4, LEN).fork();
    tag(w, 1, VARINT).uint64(1);
    tag(w, 2, VARINT).uint64(1);
    tag(w, 3, VARINT).uint64(0x401000);
    tag(w, 4, LEN).fork();
    tag(w, 1, VARINT).uint64(1);
    tag(w, 2, VARINT).int64(0);
    tag(w, 3, VARINT).int64(17); // column
    w.ldelim();
    tag(w, 6, LEN).string('unknown in Location');
    w.ldelim();
    const bytes = concatBytes(encodeProfile({ ...msg, location: [] }, false), w.finish());
    expect(formatRaw(parseProfile(bytes))).toBe(plain);
  });
});
