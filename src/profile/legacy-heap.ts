/**
 * Legacy text heap profiles: what Go's `/debug/pprof/heap?debug=1` and `WriteTo(w, 1)` write, and
 * the older heapz/heapprofile/growthz/fragmentationz texts pprof reads. Parsed, unsampled and
 * pruned as pprof does; beyond pprof, frames are named from Go's `#` symbol lines.
 */
import { ProfileBuilder } from './builder.js';
import { ProfileError, malformed } from './errors.js';
import { ALLOCATOR_FRAMES, ALLOCATOR_KEEP_FRAMES, pruneFrames } from './legacy-prune.js';
import { type StackLocation, type SymbolFrame, locateStack, parseSymbolLine } from './legacy-symbols.js';
import type { Profile, ValueType } from './model.js';

/** `heap profile: inuse_n: inuse_b [alloc_n: alloc_b] @ heap/<2×rate>` and its relatives. */
const HEAP_HEADER = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)\/?(\d*)/;
const GROWTH_HEADER = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ growthz?/;
const FRAGMENTATION_HEADER = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ fragmentationz?/;
/**
 * A record: `inuse_n: inuse_b [alloc_n: alloc_b] @ 0x.. 0x..`. Like pprof's, not anchored; but
 * JavaScript's regexps backtrack where Go's do not, so a match may not start inside a run of
 * digits (it would fail there exactly as at the run's start): a long line of digits is then
 * refused in linear time, not quadratic (100 kB took 15 s).
 */
const RECORD = /(-\d+|(?<!\d)\d+): *(-?\d+) *\[ *(\d+): *(\d+) *\] @([ x0-9a-f]*)/;
/** Where the records end and a /proc/self/maps listing begins. */
const MEMORY_MAP_SENTINELS = ['--- Memory map: ---', 'MAPPED_LIBRARIES:'];
/** The header is sought within this many bytes, so a large binary file is not decoded as text. */
const HEADER_WINDOW = 4096;
/**
 * The text is decoded into one string, and V8's strings hold at most 2^29 - 24 characters: a
 * longer text (a gzip of a few MB can inflate to one) is refused by name, not by a crash.
 */
export const MAX_LEGACY_TEXT_BYTES = 2 ** 29 - 24;

/** What the header says: the sample types, the period, and whether values are sampled. */
interface Header {
  readonly sampleTypes: readonly ValueType[];
  readonly period: number;
  /** The sampling rate to unsample with; null when the values are not sampled. */
  readonly rate: number | null;
}

const WITH_ALLOC: readonly ValueType[] = [
  { type: 'alloc_objects', unit: 'count' }, { type: 'alloc_space', unit: 'bytes' },
  { type: 'inuse_objects', unit: 'count' }, { type: 'inuse_space', unit: 'bytes' },
];
const WITHOUT_ALLOC: readonly ValueType[] = [{ type: 'objects', unit: 'count' }, { type: 'space', unit: 'bytes' }];

/**
 * Decodes a legacy text heap profile, or returns null when the first line is no heap profile
 * header ("not this format"). Anything wrong after a good header is a `malformed` ProfileError
 * naming the line.
 */
export function parseLegacyHeap(data: Uint8Array): Profile | null {
  const firstLine = new TextDecoder().decode(data.subarray(0, HEADER_WINDOW)).split(/\r?\n/)[0];
  if (!firstLine.includes('heap profile:')) return null;
  const header = parseHeader(firstLine);
  if (data.length > MAX_LEGACY_TEXT_BYTES) {
    throw new ProfileError('too-large', `a text profile of ${data.length} bytes is more than heapcli reads as text (${MAX_LEGACY_TEXT_BYTES} bytes)`);
  }
  const lines = new TextDecoder().decode(data).split(/\r?\n/);
  const records: ParsedRecord[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line.startsWith('#')) {
      const frame = parseSymbolLine(line);
      if (frame && records.length > 0) records[records.length - 1].frames.push(frame);
      continue;
    }
    if (line === '') continue;
    if (MEMORY_MAP_SENTINELS.some((s) => line.includes(s))) break;
    records.push(parseRecord(line, n + 1, header));
  }
  return buildProfile(header, records);
}

/** The header's sample types and rates; throws when it is not one pprof knows. */
function parseHeader(line: string): Header {
  const heap = HEAP_HEADER.exec(line);
  if (heap) {
    const [, inuseN, inuseB, allocN, allocB, kind, periodText] = heap;
    // pprof compares the header's numbers as written: alloc differs from inuse and is not 0.
    const hasAlloc = (allocN !== inuseN && allocN !== '0') || (allocB !== inuseB && allocB !== '0');
    const sampleTypes = hasAlloc ? WITH_ALLOC : WITHOUT_ALLOC;
    const n = periodText === '' ? 0 : Number(periodText);
    if (!Number.isSafeInteger(n)) throw notHeap(`the sampling rate ${periodText} is out of range`);
    switch (kind) {
      case 'heap': return { sampleTypes, period: Math.trunc(n / 2), rate: Math.trunc(n / 2) }; // Go writes 2 x MemProfileRate
      case 'heap_v2':
      case 'heapz_v2': return { sampleTypes, period: n, rate: n };
      case 'heapprofile': return { sampleTypes, period: 1, rate: null };
      default: throw notHeap(`unknown heap profile kind "${kind}"`);
    }
  }
  if (GROWTH_HEADER.test(line) || FRAGMENTATION_HEADER.test(line)) return { sampleTypes: WITHOUT_ALLOC, period: 1, rate: null };
  throw notHeap(`not a heap profile header: ${quote(line)}`);
}

/** A line for a message, quoted and cut short. */
function quote(line: string): string {
  return `"${line.length > 60 ? `${line.slice(0, 60)}...` : line}"`;
}

function notHeap(detail: string): ProfileError {
  return new ProfileError('not-a-profile', `not a pprof profile: line 1: ${detail}`);
}

/** One record line and the `#` frames under it. */
interface ParsedRecord {
  readonly values: number[];
  readonly blockSize: number;
  readonly addresses: bigint[];
  readonly frames: SymbolFrame[];
}

function parseRecord(line: string, lineNumber: number, header: Header): ParsedRecord {
  const bad = (what: string) => malformed(`line ${lineNumber}: ${what}`);
  const m = RECORD.exec(line);
  if (!m) throw bad(`not a heap profile record: ${quote(line)}`);
  const number = (text: string) => {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw bad(`${text} is out of range`);
    return value;
  };
  const values: number[] = [];
  let blockSize = 0;
  // The block size (the `bytes` label) comes from the last nonzero pair, in-use after allocated.
  const addPair = (countText: string, sizeText: string, what: string) => {
    const count = number(countText);
    const size = number(sizeText);
    if (count === 0 && size !== 0) throw bad(`${what} count is 0 but ${what} bytes is ${size}`);
    if (count === 0) {
      values.push(0, 0);
      return;
    }
    blockSize = Math.trunc(size / count);
    const pair = header.rate !== null ? unsampleHeapPair(count, size, header.rate) : [count, size];
    // Blocks far smaller than the rate scale by 1/(1-exp(-tiny)), which is 1/0: no value at all.
    if (!pair.every(Number.isFinite)) throw bad(`${what} ${count}: ${size} cannot be unsampled at rate ${header.rate}`);
    values.push(...pair);
  };
  if (header.sampleTypes.length === 4) addPair(m[3], m[4], 'allocation');
  addPair(m[1], m[2], 'in-use');
  const addresses = (m[5].match(/0x[0-9a-f]+/g) ?? []).map((hex) => {
    if (hex.length > 18) throw bad(`address ${hex} is out of range`);
    // A return address points after the call; one less lands on the call, as pprof does it.
    return BigInt(hex) - 1n;
  });
  return { values, blockSize, addresses, frames: [] };
}

/**
 * Estimates what a sampled (count, size) pair stands for, as pprof and Go's runtime do: a block of
 * the average size is sampled with probability 1-exp(-size/rate), so both are divided by that and
 * truncated to integers. A rate of 1 or less means every allocation was recorded.
 */
export function unsampleHeapPair(count: number, size: number, rate: number): [number, number] {
  if (count === 0 || size === 0) return [0, 0];
  if (rate <= 1) return [count, size];
  const scale = 1 / (1 - Math.exp(-(size / count) / rate));
  return [Math.trunc(count * scale), Math.trunc(size * scale)];
}

/** The profile: shared locations and functions, one mapping, pruned of allocator frames. */
function buildProfile(header: Header, records: readonly ParsedRecord[]): Profile {
  const b = new ProfileBuilder(header.sampleTypes.length);
  const functions = new Map<string, number>();
  const locations = new Map<string, number>();
  const located: StackLocation[] = [];
  const stacks = records.map((r) =>
    locateStack(r.addresses, r.frames).map((loc) => {
      let index = locations.get(loc.key);
      if (index === undefined) {
        index = located.length;
        located.push(loc);
        locations.set(loc.key, index);
      }
      return index;
    }),
  );
  // Frames Go could not name (a PC alone) leave their location without lines, as pprof has it.
  const named = located.map((loc) => loc.frames.filter((f) => f.name !== ''));
  const dropped = pruneFrames(named.map((frames) => frames.map((f) => f.name)), stacks, ALLOCATOR_FRAMES, ALLOCATOR_KEEP_FRAMES);
  named.forEach((frames, l) => {
    const kept = dropped[l] < frames.length ? frames.slice(dropped[l]) : frames;
    const lines = kept.map((f): [number, number] => {
      const key = `${f.name}\u0000${f.file}`;
      let fn = functions.get(key);
      if (fn === undefined) functions.set(key, (fn = b.addFunction(f.name, f.name, f.file, 0)));
      return [fn, f.line];
    });
    b.addLocation(0, Number(located[l].address), false, lines);
  });
  const values = new Float64Array(records.length * header.sampleTypes.length);
  const bytes = b.intern('bytes');
  records.forEach((r, s) => {
    b.addSample(stacks[s], [bytes, 0, r.blockSize, 0]);
    values.set(r.values, s * header.sampleTypes.length);
  });
  const symbolized = named.some((frames) => frames.length > 0);
  b.mappings.push({
    id: 1, start: 0, limit: 0, offset: 0, file: '', buildId: '',
    hasFunctions: symbolized, hasFilenames: symbolized, hasLineNumbers: symbolized, hasInlineFrames: named.some((f) => f.length > 1),
  });
  return b.finish({
    sampleTypes: header.sampleTypes, defaultSampleType: '', periodType: { type: 'space', unit: 'bytes' }, period: header.period,
    timeNanos: 0n, durationNanos: 0n, comments: [], dropFrames: ALLOCATOR_FRAMES, keepFrames: ALLOCATOR_KEEP_FRAMES,
  }, values);
}
