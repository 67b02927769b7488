/**
 * The decoder fuzzer's mutator: from a seed, a damaged version of one of the testdata profiles
 * (profile.proto raw or gzipped, or a legacy text heap profile) and a description of each step,
 * so a failing case names its seed and what was done. Shared by the bounded run in `npm test`
 * and the long run behind `npm run fuzz`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync as zlibGzip } from 'node:zlib';
import { gunzipSync } from 'fflate';
import { perftools } from '../../tools/profile-pb/profile-pb.js';
import '../../src/profile/wire.js'; // protobufjs configured as the decoder has it: int64 as numbers
import { int64 } from '../helpers/profile-fixtures.js';
import { Random } from './random.js';
import { type FieldSlot, concat, encodeMessage, fieldName, parseMessage, pickField, readPacked, touch, varint } from './wire-tree.js';

/** A profile the mutator starts from. */
export interface Seedling {
  readonly name: string;
  readonly format: 'proto' | 'legacy';
  /** Uncompressed bytes. */
  readonly bytes: Uint8Array;
}

/** A mutated input and how it was made. */
export interface Mutant {
  readonly seed: number;
  readonly bytes: Uint8Array;
  readonly source: string;
  readonly steps: readonly string[];
}

/** Every testdata profile: each .pb.gz inflated, each legacy .heap.txt, and legacy profiles of every other format. */
export function loadSeedlings(dir = 'testdata/profiles'): Seedling[] {
  const out: Seedling[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.pb.gz')) out.push({ name: path, format: 'proto', bytes: gunzipSync(readFileSync(path)) });
      else if (entry.name.endsWith('.heap.txt')) out.push(legacySeedling(path, new Uint8Array(readFileSync(path))));
    }
  };
  walk(dir);
  if (dir === 'testdata/profiles')
    for (const name of LEGACY_REALWORLD)
      out.push(legacySeedling(`testdata/realworld/${name}`, new Uint8Array(readFileSync(`testdata/realworld/${name}`))));
  return out;
}

/** Legacy profiles of the other formats pprof reads, from testdata/realworld: text and binary. */
const LEGACY_REALWORLD = [
  'pprof-cppbench.cpu',
  'pprof-java.cpu',
  'pprof-cppbench.heap',
  'pprof-cppbench.growth',
  'pprof-cppbench.contention',
  'pprof-cppbench.thread',
  'pprof-go.godoc.thread',
  'pprof-java.heap',
  'pprof-java.contention',
];

/** Texts are cut to this size (at a record), so a case stays a few milliseconds. */
const LEGACY_SEEDLING_BYTES = 64 * 1024;

function legacySeedling(path: string, bytes: Uint8Array): Seedling {
  if (bytes.length <= LEGACY_SEEDLING_BYTES) return { name: path, format: 'legacy', bytes };
  const text = new TextDecoder().decode(bytes.subarray(0, LEGACY_SEEDLING_BYTES));
  const cut = text.search(/\n\s*\d+: \d+ \[[^\n]*$/);
  return { name: `${path} (first ${cut} bytes)`, format: 'legacy', bytes: bytes.slice(0, cut + 1) };
}

/** The mutant of case `seed`. */
export function mutate(seed: number, seedlings: readonly Seedling[]): Mutant {
  const rnd = new Random(seed);
  // Legacy texts are slower to parse, so they come up less often.
  const legacy = seedlings.filter((s) => s.format === 'legacy');
  const proto = seedlings.filter((s) => s.format === 'proto');
  const seedling = rnd.chance(0.2) && legacy.length > 0 ? rnd.pick(legacy) : rnd.pick(proto);
  const steps: string[] = [];
  let bytes = seedling.bytes;
  const count = rnd.weighted([
    [5, 1],
    [3, 2],
    [1, 3],
    [1, 5],
  ] as const);
  for (let i = 0; i < count; i++) {
    const step = seedling.format === 'proto' ? mutateProto(rnd, bytes, seedlings) : mutateLegacy(rnd, bytes);
    bytes = step.bytes;
    steps.push(step.what);
  }
  if (rnd.chance(0.35)) {
    const level = rnd.int(10);
    bytes = gzipSync(bytes, level);
    steps.push(`gzip -${level}`);
    if (rnd.chance(0.4)) {
      const step = mutateGzip(rnd, bytes, seedlings);
      bytes = step.bytes;
      steps.push(step.what);
    }
  }
  return { seed, bytes, source: seedling.name, steps };
}

/** A mutant as one line per step, for failure messages. */
export function describeMutant(m: Mutant): string {
  return `seed ${m.seed} (FUZZ_SEED=${m.seed}): ${m.source}, ${m.bytes.length} bytes after\n  ${m.steps.join('\n  ')}`;
}

/** gzip at a compression level, as a plain Uint8Array (zlib's is fast, and any writer's gzip will do). */
function gzipSync(bytes: Uint8Array, level: number): Uint8Array {
  return new Uint8Array(zlibGzip(bytes, { level }));
}

interface Step {
  readonly bytes: Uint8Array;
  readonly what: string;
}

// ---------------------------------------------------------------------------------------------
// Bytes, whatever they hold

/** Bytes a mutation likes to write: the boundaries of signed and unsigned bytes and varints. */
const INTERESTING_BYTES = [0x00, 0x01, 0x02, 0x07, 0x08, 0x0a, 0x12, 0x7f, 0x80, 0x81, 0xfe, 0xff];

function flipBits(rnd: Random, bytes: Uint8Array): Step {
  if (bytes.length === 0) return { bytes, what: 'flip bits (empty input)' };
  const out = bytes.slice();
  const flips: string[] = [];
  for (let i = rnd.range(1, 8); i > 0; i--) {
    const at = rnd.int(out.length);
    const bit = rnd.int(8);
    out[at] ^= 1 << bit;
    flips.push(`${at}.${bit}`);
  }
  return { bytes: out, what: `flip bits ${flips.join(' ')}` };
}

function setBytes(rnd: Random, bytes: Uint8Array): Step {
  if (bytes.length === 0) return { bytes, what: 'set bytes (empty input)' };
  const out = bytes.slice();
  const sets: string[] = [];
  for (let i = rnd.range(1, 4); i > 0; i--) {
    const at = rnd.int(out.length);
    out[at] = rnd.chance(0.5) ? rnd.pick(INTERESTING_BYTES) : rnd.int(256);
    sets.push(`${at}=${out[at].toString(16)}`);
  }
  return { bytes: out, what: `set bytes ${sets.join(' ')}` };
}

function insertBytes(rnd: Random, bytes: Uint8Array): Step {
  const at = rnd.int(bytes.length + 1);
  const extra = rnd.chance(0.5)
    ? rnd.bytes(rnd.range(1, 16))
    : Uint8Array.from({ length: rnd.range(1, 8) }, () => rnd.pick(INTERESTING_BYTES));
  return { bytes: concat(bytes.subarray(0, at), extra, bytes.subarray(at)), what: `insert ${extra.length} bytes at ${at}` };
}

function deleteRange(rnd: Random, bytes: Uint8Array): Step {
  const at = rnd.int(bytes.length + 1);
  const n = Math.min(bytes.length - at, rnd.chance(0.7) ? rnd.range(1, 8) : rnd.range(1, 4096));
  return { bytes: concat(bytes.subarray(0, at), bytes.subarray(at + n)), what: `delete ${n} bytes at ${at}` };
}

function duplicateRange(rnd: Random, bytes: Uint8Array): Step {
  const from = rnd.int(bytes.length + 1);
  const n = Math.min(bytes.length - from, rnd.range(1, 512));
  const to = rnd.int(bytes.length + 1);
  return {
    bytes: concat(bytes.subarray(0, to), bytes.subarray(from, from + n), bytes.subarray(to)),
    what: `copy ${n} bytes from ${from} to ${to}`,
  };
}

function truncateAnywhere(rnd: Random, bytes: Uint8Array): Step {
  const at = rnd.int(bytes.length + 1);
  return { bytes: bytes.subarray(0, at), what: `truncate at ${at} of ${bytes.length}` };
}

const BYTE_MUTATIONS = [flipBits, setBytes, insertBytes, deleteRange, duplicateRange, truncateAnywhere];

// ---------------------------------------------------------------------------------------------
// profile.proto

/** Varints that break assumptions: 10-byte values past 2^53 and 2^63, -1, overlong, overflowing. */
const HUGE_VARINTS: readonly (readonly [string, Uint8Array])[] = [
  ['2^64-1 (-1 as int64)', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
  ['2^63 (int64 min)', Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])],
  ['2^63-1', varint(2n ** 63n - 1n)],
  ['2^53+1', varint(2n ** 53n + 1n)],
  ['2^53', varint(2n ** 53n)],
  ['2^32', varint(2n ** 32n)],
  ['2^32-1', varint(2n ** 32n - 1n)],
  ['2^31', varint(2n ** 31n)],
  ['2^31-1', varint(2n ** 31n - 1n)],
  ['0 in 10 bytes', Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])],
  ['1 in 5 bytes', Uint8Array.from([0x81, 0x80, 0x80, 0x80, 0x00])],
  ['11-byte varint', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
  ['10-byte varint past 2^64', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])],
  ['unterminated varint', Uint8Array.from([0xff, 0xff, 0xff])],
  ['0', varint(0)],
];

function treeStep(rnd: Random, bytes: Uint8Array, filter: (s: FieldSlot) => boolean, change: (slot: FieldSlot) => string): Step | null {
  const tree = parseMessage(bytes);
  const slot = pickField(() => rnd.float(), tree, filter);
  if (slot === null) return null;
  const what = change(slot);
  touch(slot);
  return { bytes: encodeMessage(tree), what: `${what} (${fieldName(slot)})` };
}

/** Field-level mutations: each keeps the enclosing lengths true unless it is about lying. */
const TREE_MUTATIONS: readonly ((rnd: Random, bytes: Uint8Array) => Step | null)[] = [
  function duplicateField(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      () => true,
      ({ parent, index, field }) => {
        const copies = rnd.chance(0.8) ? 1 : rnd.range(2, 50);
        parent.fields.splice(index + 1, 0, ...Array.from({ length: copies }, () => field.copy()));
        return `duplicate field ×${copies}`;
      },
    );
  },
  function removeField(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      () => true,
      ({ parent, index }) => {
        parent.fields.splice(index, 1);
        return 'remove field';
      },
    );
  },
  function swapFields(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      (s) => s.parent.fields.length > 1,
      ({ parent, index }) => {
        const other = rnd.int(parent.fields.length);
        [parent.fields[index], parent.fields[other]] = [parent.fields[other], parent.fields[index]];
        return `swap with field ${other}`;
      },
    );
  },
  function wrongWireType(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      () => true,
      ({ field }) => {
        const wire = rnd.pick([0, 1, 2, 3, 4, 5, 6, 7].filter((w) => w !== field.wire));
        field.tag = varint(field.field * 8 + wire);
        return `wire type ${field.wire} → ${wire}`;
      },
    );
  },
  function renumberField(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      () => true,
      ({ field }) => {
        const number = rnd.pick([1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16, 100, 2 ** 29 - 1, rnd.range(1, 20)]);
        field.tag = varint(number * 8 + field.wire);
        return `field ${field.field} → ${number}`;
      },
    );
  },
  function hugeVarint(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      (s) => s.field.layout === 'varint',
      ({ field }) => {
        const [name, value] = rnd.pick(HUGE_VARINTS);
        field.value = value;
        return `varint → ${name}`;
      },
    );
  },
  function lengthLie(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      (s) => s.field.layout === 'len',
      ({ field, parent }) => {
        const [name, value] = rnd.pick<readonly [string, Uint8Array]>([
          ['+1', varint(field.length + 1)],
          ['-1', varint(Math.max(0, field.length - 1))],
          ['+k', varint(field.length + rnd.range(2, 300))],
          ['0', varint(0)],
          ['past the parent', varint(field.length + parent.rest.length + 1 + rnd.int(1000))],
          ['2^31-1', varint(2 ** 31 - 1)],
          ['2^32-1', varint(2 ** 32 - 1)],
          ['2^32 + true length (10-byte)', concat(varint(2n ** 32n + BigInt(field.length)))],
          ['-1 as a 10-byte varint', HUGE_VARINTS[0][1]],
          [
            'true length in 5 bytes',
            Uint8Array.from([
              (field.length & 0x7f) | 0x80,
              ((field.length >> 7) & 0x7f) | 0x80,
              ((field.length >> 14) & 0x7f) | 0x80,
              ((field.length >> 21) & 0x7f) | 0x80,
              0,
            ]),
          ],
        ]);
        field.lengthOverride = value;
        return `length ${field.length} → ${name}`;
      },
    );
  },
  function packedElement(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      (s) => s.field.layout === 'len' && s.field.nestedType === null && s.field.type !== 'profile',
      ({ field }) => {
        const values = readPacked(field.valueBytes());
        if (values === null || values.length === 0) {
          field.value = concat(field.valueBytes(), rnd.pick(HUGE_VARINTS)[1]);
          return 'append a varint to a packed field';
        }
        const i = rnd.int(values.length);
        const choice = rnd.int(4);
        if (choice === 0) values.splice(i, 1);
        else if (choice === 1) values.splice(i, 0, ...Array.from({ length: rnd.range(1, 1000) }, () => values[i]));
        else
          values[i] = rnd.pick([
            0n,
            1n,
            -1n,
            2n ** 32n,
            2n ** 53n + 1n,
            2n ** 63n,
            2n ** 64n - 1n,
            BigInt(values.length + 1),
            BigInt(rnd.int(2 ** 31)),
          ]);
        field.value = concat(...values.map((v) => varint(v)));
        return ['drop a packed element', 'repeat a packed element', 'change a packed element', 'change a packed element'][choice];
      },
    );
  },
  function stringContent(rnd, bytes) {
    return treeStep(
      rnd,
      bytes,
      (s) => s.field.type === 'profile' && s.field.field === 6 && s.field.layout === 'len',
      ({ field }) => {
        const [name, value] = rnd.pick<readonly [string, Uint8Array]>([
          ['empty', new Uint8Array(0)],
          ['invalid UTF-8', Uint8Array.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82])],
          ['a NUL', Uint8Array.from([0x61, 0x00, 0x62])],
          ['100 kB', new Uint8Array(100_000).fill(0x61)],
          ['x', Uint8Array.from([0x78])],
        ]);
        field.value = value;
        return `string → ${name}`;
      },
    );
  },
  function truncateAtBoundary(rnd, bytes) {
    const slot = pickField(
      () => rnd.float(),
      parseMessage(bytes),
      () => true,
    );
    if (slot === null) return null;
    const { field } = slot;
    const [name, at] = rnd.pick<readonly [string, number]>([
      ['at a tag', field.start],
      ['inside a tag', Math.max(field.start + 1, field.tagEnd - 1)],
      ['after a tag', field.tagEnd],
      ['inside a length', Math.max(field.tagEnd, field.valueStart - 1)],
      ['at a value', field.valueStart],
      ['inside a value', field.valueStart + rnd.int(Math.max(1, field.valueEnd - field.valueStart))],
      ['before a value ends', Math.max(field.valueStart, field.valueEnd - 1)],
    ]);
    return { bytes: bytes.subarray(0, Math.min(at, bytes.length)), what: `truncate ${name} at ${at} (${fieldName(slot)})` };
  },
  function deepNesting(rnd, bytes) {
    const depth = rnd.pick([2, 64, 99, 100, 101, 1000, 100_000]);
    const at = rnd.pick([0, bytes.length, ...parseMessage(bytes).fields.map((f) => f.start)]);
    const field = rnd.pick([1, 2, 4, 100]);
    const balanced = rnd.chance(0.5);
    const kind = rnd.int(2);
    let nest: Uint8Array;
    if (kind === 0) {
      // Groups (wire types 3 and 4), which profile.proto never uses.
      nest = concat(
        new Uint8Array(depth).fill((field << 3) | 3),
        balanced ? new Uint8Array(depth).fill((field << 3) | 4) : new Uint8Array(0),
      );
    } else {
      // Length-delimited fields inside each other, every length true.
      nest = new Uint8Array(0);
      for (let i = 0; i < Math.min(depth, 2000); i++) nest = concat(varint((field << 3) | 2), varint(nest.length), nest);
    }
    return {
      bytes: concat(bytes.subarray(0, at), nest, bytes.subarray(at)),
      what: `nest ${depth} ${kind === 0 ? `groups${balanced ? '' : ' (unclosed)'}` : 'messages'} of field ${field} at ${at}`,
    };
  },
];

/** Semantic mutations, made on the decoded message and encoded again with protobufjs's Writer. */
type ProfileObject = ReturnType<typeof perftools.profiles.Profile.decode>;
type AnyRecord = Record<string, unknown>;

/** Values for string indices and ids: edges of the table, of 32 bits, of 2^53, and of 64 bits. */
function outOfRange(rnd: Random, size: number): [string, number] {
  return rnd.pick<[string, number]>([
    ['the table size', size],
    ['the table size + 1', size + 1],
    ['0', 0],
    ['-1', -1],
    ['2^31-1', 2 ** 31 - 1],
    ['2^31', 2 ** 31],
    ['2^32-1', 2 ** 32 - 1],
    ['2^32', 2 ** 32],
    ['2^53+1', int64(2n ** 53n + 1n)],
    ['2^63-1', int64(2n ** 63n - 1n)],
    ['-2^63', int64(-(2n ** 63n))],
    ['2^64-1', int64(2n ** 64n - 1n)],
    ['1e15', 1e15],
  ]);
}

/** Every place a decoded profile refers to a string, a location, a function or a mapping. */
function referenceSlots(p: ProfileObject): { what: string; size: number; holder: AnyRecord | unknown[]; key: string | number }[] {
  const strings = p.stringTable.length;
  const slots: { what: string; size: number; holder: AnyRecord | unknown[]; key: string | number }[] = [];
  const str = (what: string, holder: AnyRecord | unknown[], key: string | number) =>
    slots.push({ what: `string index of ${what}`, size: strings, holder, key });
  p.sampleType.forEach((vt, i) => {
    str(`sample type ${i}`, vt as AnyRecord, 'type');
    str(`sample type ${i} unit`, vt as AnyRecord, 'unit');
  });
  if (p.periodType) str('period type', p.periodType as AnyRecord, 'type');
  for (const key of ['dropFrames', 'keepFrames', 'defaultSampleType']) str(key, p as unknown as AnyRecord, key);
  p.comment.forEach((_, i) => str(`comment ${i}`, p.comment, i));
  p.mapping.forEach((m, i) => {
    str(`mapping ${i} file`, m as AnyRecord, 'filename');
    str(`mapping ${i} build id`, m as AnyRecord, 'buildId');
    slots.push({ what: `id of mapping ${i}`, size: p.mapping.length, holder: m as AnyRecord, key: 'id' });
  });
  p.function.forEach((f, i) => {
    for (const key of ['name', 'systemName', 'filename']) str(`function ${i} ${key}`, f as AnyRecord, key);
    slots.push({ what: `id of function ${i}`, size: p.function.length, holder: f as AnyRecord, key: 'id' });
  });
  p.location.forEach((l, i) => {
    slots.push({ what: `id of location ${i}`, size: p.location.length, holder: l as AnyRecord, key: 'id' });
    slots.push({ what: `mapping id of location ${i}`, size: p.mapping.length, holder: l as AnyRecord, key: 'mappingId' });
    (l.line ?? []).forEach((ln, k) =>
      slots.push({ what: `function id of location ${i} line ${k}`, size: p.function.length, holder: ln as AnyRecord, key: 'functionId' }),
    );
  });
  p.sample.forEach((s, i) => {
    (s.locationId ?? []).forEach((_, k) =>
      slots.push({ what: `location id ${k} of sample ${i}`, size: p.location.length, holder: s.locationId as unknown[], key: k }),
    );
    (s.label ?? []).forEach((lb, k) => {
      str(`sample ${i} label ${k} key`, lb as AnyRecord, 'key');
      str(`sample ${i} label ${k} str`, lb as AnyRecord, 'str');
      str(`sample ${i} label ${k} unit`, lb as AnyRecord, 'numUnit');
    });
  });
  return slots;
}

/** Structural rewrites of the decoded message: tables emptied, entries duplicated or removed. */
const MESSAGE_EDITS: readonly [string, (rnd: Random, p: ProfileObject) => void][] = [
  [
    'drop the string table',
    (_rnd, p) => {
      p.stringTable = [];
    },
  ],
  [
    'a non-empty first string',
    (_rnd, p) => {
      p.stringTable[0] = 'x';
    },
  ],
  [
    'drop the sample types',
    (_rnd, p) => {
      p.sampleType = [];
    },
  ],
  [
    'add a sample type',
    (_rnd, p) => {
      p.sampleType.push({ type: 1, unit: 1 });
    },
  ],
  [
    'drop a sample value',
    (rnd, p) => {
      if (p.sample.length > 0) rnd.pick(p.sample).value?.pop();
    },
  ],
  [
    'a huge sample value',
    (rnd, p) => {
      const s = p.sample.length > 0 ? rnd.pick(p.sample) : null;
      if (s?.value?.length)
        s.value[rnd.int(s.value.length)] = rnd.pick([int64(2n ** 63n - 1n), int64(-(2n ** 63n)), int64(2n ** 53n + 1n), -1]);
    },
  ],
  [
    'duplicate a location',
    (rnd, p) => {
      if (p.location.length > 0) p.location.push({ ...rnd.pick(p.location) });
    },
  ],
  [
    'duplicate a function',
    (rnd, p) => {
      if (p.function.length > 0) p.function.push({ ...rnd.pick(p.function) });
    },
  ],
  [
    'duplicate a mapping',
    (rnd, p) => {
      if (p.mapping.length > 0) p.mapping.push({ ...rnd.pick(p.mapping) });
    },
  ],
  [
    'remove a location',
    (rnd, p) => {
      p.location.splice(rnd.int(p.location.length), 1);
    },
  ],
  [
    'remove a function',
    (rnd, p) => {
      p.function.splice(rnd.int(p.function.length), 1);
    },
  ],
  [
    'remove the mappings',
    (_rnd, p) => {
      p.mapping = [];
    },
  ],
  [
    'a deep stack',
    (rnd, p) => {
      if (p.sample.length > 0) {
        const s = rnd.pick(p.sample);
        s.locationId = Array.from({ length: rnd.pick([1000, 20_000]) }, () => s.locationId?.[0] ?? 1);
      }
    },
  ],
  [
    'many inlined lines',
    (rnd, p) => {
      if (p.location.length > 0) {
        const l = rnd.pick(p.location);
        l.line = Array.from({ length: rnd.pick([100, 5_000]) }, () => l.line?.[0] ?? {});
      }
    },
  ],
  [
    'huge line numbers and addresses',
    (rnd, p) => {
      if (p.location.length > 0) {
        const l = rnd.pick(p.location);
        l.address = int64(2n ** 64n - 1n);
        for (const ln of l.line ?? []) ln.line = rnd.pick([int64(2n ** 63n - 1n), -1, 2 ** 53]);
      }
    },
  ],
  [
    'huge times and period',
    (rnd, p) => {
      p.timeNanos = rnd.pick([int64(2n ** 63n - 1n), int64(-(2n ** 63n)), -1]);
      p.durationNanos = rnd.pick([int64(2n ** 63n - 1n), -1]);
      p.period = rnd.pick([int64(-(2n ** 63n)), -1, 0]);
    },
  ],
  [
    'a huge label number',
    (rnd, p) => {
      const labels = p.sample.flatMap((s) => s.label ?? []);
      if (labels.length > 0) rnd.pick(labels).num = rnd.pick([int64(2n ** 63n - 1n), int64(-(2n ** 63n)), -1]);
    },
  ],
  [
    'huge mapping bounds',
    (rnd, p) => {
      if (p.mapping.length > 0) {
        const m = rnd.pick(p.mapping);
        m.memoryStart = int64(2n ** 64n - 1n);
        m.memoryLimit = rnd.pick([0, int64(2n ** 63n)]);
        m.fileOffset = int64(2n ** 64n - 1n);
      }
    },
  ],
];

function mutateMessage(rnd: Random, bytes: Uint8Array): Step | null {
  let p: ProfileObject;
  try {
    p = perftools.profiles.Profile.decode(bytes);
  } catch {
    return null;
  }
  let what: string;
  const slots = referenceSlots(p);
  if (rnd.chance(0.7) && slots.length > 0) {
    const slot = rnd.pick(slots);
    const [name, value] = outOfRange(rnd, slot.size);
    (slot.holder as Record<string | number, unknown>)[slot.key] = value;
    what = `${slot.what} → ${name}`;
  } else {
    const [name, edit] = rnd.pick(MESSAGE_EDITS);
    edit(rnd, p);
    what = name;
  }
  return { bytes: perftools.profiles.Profile.encode(p).finish(), what: `rewrite: ${what}` };
}

function spliceProfiles(rnd: Random, bytes: Uint8Array, seedlings: readonly Seedling[]): Step {
  const other = rnd.pick(seedlings.filter((s) => s.format === 'proto'));
  const first = rnd.chance(0.5);
  return {
    bytes: first ? concat(bytes, other.bytes) : concat(other.bytes, bytes),
    what: `concatenate ${other.name} ${first ? 'after' : 'before'}`,
  };
}

function mutateProto(rnd: Random, bytes: Uint8Array, seedlings: readonly Seedling[]): Step {
  const kind = rnd.weighted([
    [4, 'bytes'],
    [6, 'tree'],
    [3, 'message'],
    [1, 'splice'],
  ] as const);
  let step: Step | null = null;
  if (kind === 'tree') step = rnd.pick(TREE_MUTATIONS)(rnd, bytes);
  else if (kind === 'message') step = mutateMessage(rnd, bytes);
  else if (kind === 'splice') step = spliceProfiles(rnd, bytes, seedlings);
  return step ?? rnd.pick(BYTE_MUTATIONS)(rnd, bytes);
}

// ---------------------------------------------------------------------------------------------
// gzip containers

function mutateGzip(rnd: Random, gz: Uint8Array, seedlings: readonly Seedling[]): Step {
  const out = gz.slice();
  const n = gz.length;
  const le32 = (at: number, v: number) => new DataView(out.buffer).setUint32(at, v >>> 0, true);
  switch (rnd.int(9)) {
    case 0: {
      const bit = rnd.int(8);
      out[3] ^= 1 << bit;
      return { bytes: out, what: `gzip: flip header flag bit ${bit}` };
    }
    case 1:
      out[2] = rnd.pick([0, 7, 9, 255]);
      return { bytes: out, what: `gzip: compression method ${out[2]}` };
    case 2: {
      const size = rnd.pick([0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 31 - 1, new DataView(gz.buffer, gz.byteOffset).getUint32(n - 4, true) + 1]);
      le32(n - 4, size);
      return { bytes: out, what: `gzip: trailer claims ${size} bytes` };
    }
    case 3:
      le32(n - 8, rnd.int(2 ** 32));
      return { bytes: out, what: 'gzip: wrong CRC-32' };
    case 4: {
      const at = rnd.pick([10, 11, n - 9, n - 8, n - 5, n - 4, n - 1, 10 + rnd.int(Math.max(1, n - 18))]);
      return { bytes: gz.subarray(0, Math.max(0, at)), what: `gzip: truncate at ${at} of ${n}` };
    }
    case 5: {
      const step = flipBits(rnd, out.subarray(10, n - 8));
      return { bytes: concat(gz.subarray(0, 10), step.bytes, gz.subarray(n - 8)), what: `gzip: in the deflate data, ${step.what}` };
    }
    case 6: {
      const tail = rnd.pick([
        new Uint8Array(8),
        rnd.bytes(rnd.range(1, 40)),
        Uint8Array.from([0x1f, 0x8b]),
        gzipSync(rnd.pick(seedlings).bytes, 6),
      ]);
      return { bytes: concat(gz, tail), what: `gzip: ${tail.length} bytes appended` };
    }
    case 7:
      return { bytes: gzipSync(gz, 6), what: 'gzip: gzipped twice' };
    default: {
      const step = setBytes(rnd, out);
      return { bytes: step.bytes, what: `gzip: ${step.what}` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Legacy text heap profiles

const INTERESTING_NUMBERS = [
  '0',
  '-0',
  '1',
  '-1',
  '2',
  '9007199254740991',
  '9007199254740993',
  '99999999999999999999',
  '1e400',
  '-9223372036854775808',
  '00',
  '+1',
  '',
];
const HEADER_KINDS = ['heap', 'heap_v2', 'heapz_v2', 'heapprofile', 'growthz', 'fragmentationz', 'heap_v3', 'cpu', ''];

function editLines(bytes: Uint8Array, edit: (lines: string[]) => string): Step {
  const lines = new TextDecoder().decode(bytes).split('\n');
  const what = edit(lines);
  return { bytes: new TextEncoder().encode(lines.join('\n')), what };
}

/** A long line of one kind, the sort that makes a backtracking regexp take quadratic time. */
function adversarialLine(rnd: Random): [string, string] {
  const n = rnd.pick([1_000, 20_000, 100_000]);
  return rnd.pick<[string, string]>([
    [`${n} digits`, '1'.repeat(n)],
    [`${n / 2} "1:"`, '1:'.repeat(n / 2)],
    [`${n} spaces`, `1:${' '.repeat(n)}`],
    [`${n / 4} "1: 1 "`, '1: 1 '.repeat(n / 4)],
    [`a record with ${n / 20} addresses`, `1: 1 [1: 1] @${' 0x4b54ee'.repeat(n / 20)}`],
    [`a # line of ${n / 5} "+0x1"`, `#\t0x4b54ed\t${'a+0x1'.repeat(n / 5)}\t/x.go:1`],
    [`a # line of ${n / 2} ":1"`, `#\t0x4b54ed\tmain.f+0x1\t${':1'.repeat(n / 2)}`],
    [`${n / 2} tabs`, `#${'\t'.repeat(n / 2)}0x1`],
    [`${n} "heap profile: "`, 'heap profile: '.repeat(n / 14)],
  ]);
}

/** A record of many frames with its # lines, shaped to stress the matching of frames to addresses. */
function adversarialRecord(rnd: Random): [string, string[]] {
  const n = rnd.pick([100, 2_000, 20_000]);
  const pc = (i: number) => `0x${(0x401000 + i).toString(16)}`;
  const address = (i: number) => `0x${(0x401001 + i).toString(16)}`;
  const [name, frame] = rnd.pick<[string, (i: number) => string]>([
    // One compiled function (one entry) whose frames alternate between two names: all inlined.
    ['inlined into each other', (i) => `#\t${pc(i)}\t${i % 2 ? 'main.a' : 'main.b'}+0x${i.toString(16)}\t/x.go:${i}`],
    ['whose # lines match none of its addresses', (i) => `#\t${pc(i + 0x100000)}\tmain.f${i}+0x1\t/x.go:${i}`],
    ['all at one address (recursion)', () => `#\t${pc(0)}\tmain.r+0x0\t/x.go:1`],
    ['with # lines in reverse', (i) => `#\t${pc(n - 1 - i)}\tmain.f${i}+0x1\t/x.go:${i}`],
  ]);
  const same = name.startsWith('all at one');
  const addresses = Array.from({ length: n }, (_, i) => address(same ? 0 : i)).join(' ');
  return [`a record of ${n} frames ${name}`, [`1: 4096 [1: 4096] @ ${addresses}`, ...Array.from({ length: n }, (_, i) => frame(i))]];
}

const LEGACY_MUTATIONS: readonly ((rnd: Random, bytes: Uint8Array) => Step)[] = [
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.range(1, lines.length);
      const [name, record] = adversarialRecord(rnd);
      lines.splice(at, 0, ...record);
      return `line ${at}: ${name}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.int(lines.length);
      const n = rnd.range(1, 20);
      lines.splice(at, n);
      return `delete ${n} lines at ${at}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.int(lines.length);
      const n = rnd.range(1, 20);
      const times = rnd.pick([1, 2, 100]);
      lines.splice(at, 0, ...Array.from({ length: times }, () => lines.slice(at, at + n)).flat());
      return `repeat ${n} lines at ${at} ×${times}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const a = rnd.int(lines.length);
      const b = rnd.int(lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return `swap lines ${a} and ${b}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.int(lines.length);
      const numbers = [...lines[at].matchAll(/-?\d+/g)];
      if (numbers.length === 0) return `no number on line ${at}`;
      const m = rnd.pick(numbers);
      const value = rnd.pick(INTERESTING_NUMBERS);
      lines[at] = lines[at].slice(0, m.index) + value + lines[at].slice(m.index! + m[0].length);
      return `line ${at}: number ${m[0]} → "${value}"`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.int(lines.length);
      const hexes = [...lines[at].matchAll(/0x[0-9a-f]+/g)];
      if (hexes.length === 0) return `no address on line ${at}`;
      const m = rnd.pick(hexes);
      const value = rnd.pick(['0x', '0x0', '0x1', '0xffffffffffffffff', '0x10000000000000000', `0x${'f'.repeat(40)}`, '0xg']);
      lines[at] = lines[at].slice(0, m.index) + value + lines[at].slice(m.index! + m[0].length);
      return `line ${at}: address ${m[0]} → ${value}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const kind = rnd.pick(HEADER_KINDS);
      const rate = rnd.pick(['', '/0', '/1', '/2', '/524288', '/-1', '/9007199254740991', '/99999999999999999999']);
      lines[0] = lines[0].replace(/@ .*$/, `@ ${kind}${rate}`);
      return `header → @ ${kind}${rate}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const symbols = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim().startsWith('#\t0x'));
      if (symbols.length === 0) return 'no # line';
      const [line, at] = rnd.pick(symbols);
      const fields = line.split('\t');
      const [name, change] = rnd.pick<[string, () => void]>([
        ['drop the file', () => fields.splice(3)],
        ['drop the name', () => fields.splice(2)],
        [
          'huge offset',
          () => {
            fields[2] = `${fields[2] ?? 'f'}+0x${'f'.repeat(30)}`;
          },
        ],
        [
          'huge line',
          () => {
            fields[3] = `${fields[3] ?? 'x.go'}:99999999999999999999`;
          },
        ],
        [
          'PC not hex',
          () => {
            fields[1] = '0xzz';
          },
        ],
        [
          'PC huge',
          () => {
            fields[1] = `0x${'f'.repeat(32)}`;
          },
        ],
        [
          'no tabs',
          () => {
            fields.splice(0, fields.length, fields.join(' '));
          },
        ],
      ]);
      change();
      lines[at] = fields.join('\t');
      return `line ${at}: # line, ${name}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.range(1, lines.length);
      const [name, line] = adversarialLine(rnd);
      lines.splice(at, rnd.chance(0.5) ? 1 : 0, line);
      return `line ${at}: ${name}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.int(lines.length);
      const n = Math.min(lines.length - at, rnd.pick([2, 10, 1000]));
      lines.splice(at, n, lines.slice(at, at + n).join(rnd.pick([' ', '', '\r'])));
      return `join ${n} lines at ${at}`;
    }),
  (rnd, bytes) =>
    editLines(bytes, (lines) => {
      const at = rnd.range(1, lines.length);
      lines.splice(at, 0, rnd.pick(['--- Memory map: ---', 'MAPPED_LIBRARIES:', '# runtime.MemStats', '#', '']));
      return `insert a marker line at ${at}`;
    }),
  (rnd, bytes) => {
    const text = new TextDecoder().decode(bytes);
    const [name, out] = rnd.pick<[string, () => Uint8Array]>([
      ['CRLF line ends', () => new TextEncoder().encode(text.replace(/\n/g, '\r\n'))],
      ['a byte-order mark', () => concat(Uint8Array.from([0xef, 0xbb, 0xbf]), bytes)],
      ['NUL bytes', () => concat(bytes.subarray(0, bytes.length >> 1), new Uint8Array(16), bytes.subarray(bytes.length >> 1))],
      [
        'invalid UTF-8',
        () =>
          concat(
            bytes.subarray(0, bytes.length >> 2),
            Uint8Array.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
            bytes.subarray(bytes.length >> 2),
          ),
      ],
      ['only the header', () => new TextEncoder().encode(text.split('\n')[0])],
    ]);
    return { bytes: out(), what: name };
  },
  (rnd, bytes) => {
    const text = new TextDecoder().decode(bytes);
    const cuts = [...text.matchAll(/\n|:|@|\[|\t|0x/g)].map((m) => m.index!);
    const at = cuts.length > 0 ? rnd.pick(cuts) + rnd.int(2) : 0;
    const cut = new TextEncoder().encode(text.slice(0, at)).length;
    return { bytes: bytes.subarray(0, cut), what: `truncate at a text boundary (${at})` };
  },
];

function mutateLegacy(rnd: Random, bytes: Uint8Array): Step {
  return rnd.chance(0.75) ? rnd.pick(LEGACY_MUTATIONS)(rnd, bytes) : rnd.pick(BYTE_MUTATIONS)(rnd, bytes);
}
