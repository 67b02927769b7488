/**
 * Legacy text heap profiles: what Go's `/debug/pprof/heap?debug=1` and `WriteTo(w, 1)` write, and
 * the older heapz/heapprofile/growthz/fragmentationz texts pprof reads. Parsed, unsampled and
 * pruned as pprof does; beyond pprof, frames are named from Go's `#` symbol lines.
 */
import { readAdditionalSections } from './legacy-maps.js';
import { LegacyProfile, type LegacyLocation } from './legacy-profile.js';
import { goParseInt } from './legacy-strconv.js';
import { type SymbolFrame, locateStack, parseSymbolLine } from './legacy-symbols.js';
import { LineScanner, hexAddresses, isMemoryMapSentinel, isSpaceOrComment, minusOne, parseFailure, trimSpace } from './legacy-text.js';
import { unsampleHeapPair } from './legacy-unsample.js';
import type { ValueType } from './model.js';

/** `heap profile: inuse_n: inuse_b [alloc_n: alloc_b] @ heap/<2×rate>` and its relatives. */
const HEAP_HEADER = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)\/?(\d*)/;
const GROWTH_HEADER = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ growthz?/;
const FRAGMENTATION_HEADER = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ fragmentationz?/;
/**
 * A record: `inuse_n: inuse_b [alloc_n: alloc_b] @ 0x.. 0x..`. Like pprof's, not anchored; but
 * JavaScript's regexps backtrack where Go's do not, so a match may not start inside a run of
 * digits (it would fail there exactly as at the run's start): a long line of digits is then
 * refused in linear time, not quadratic (100 kB took 15 s).
 */
const RECORD = /(-\d+|(?<!\d)\d+): *(-?\d+) *\[ *(\d+): *(\d+) *\] @([ x0-9a-f]*)/;

/** What the header says: the sample types, the period, and whether values are sampled. */
interface Header {
  readonly sampleTypes: readonly ValueType[];
  readonly period: number;
  /** The sampling rate to unsample with; null when the values are not sampled. */
  readonly rate: bigint | null;
}

const WITH_ALLOC: readonly ValueType[] = [
  { type: 'alloc_objects', unit: 'count' },
  { type: 'alloc_space', unit: 'bytes' },
  { type: 'inuse_objects', unit: 'count' },
  { type: 'inuse_space', unit: 'bytes' },
];
const WITHOUT_ALLOC: readonly ValueType[] = [
  { type: 'objects', unit: 'count' },
  { type: 'space', unit: 'bytes' },
];

/**
 * Decodes a legacy text heap profile, or returns null when the first line is no heap profile
 * header pprof knows ("not this format"). A bad record after a good header is a ProfileError in
 * pprof's words.
 */
export function parseLegacyHeap(text: string): LegacyProfile | null {
  const scanner = new LineScanner(text);
  // A first line too long to read is no header (pprof fails on it: heapcli says it is no profile).
  if (!scanner.scan()) return null;
  const header = parseHeader(scanner.text);
  if (!header) return null;
  const lp = new LegacyProfile([...header.sampleTypes]);
  lp.periodType = { type: 'space', unit: 'bytes' };
  lp.period = header.period;
  const records: ParsedRecord[] = [];
  while (scanner.scan()) {
    const line = trimSpace(scanner.text);
    if (isSpaceOrComment(line)) {
      // Beyond pprof: Go's `#` lines name the frames of the record above them.
      const frame = line.startsWith('#') ? parseSymbolLine(line) : null;
      if (frame && records.length > 0) records[records.length - 1].frames.push(frame);
      continue;
    }
    if (isMemoryMapSentinel(line)) break;
    records.push(parseRecord(line, header));
  }
  scanner.check();
  addRecords(lp, records);
  readAdditionalSections(scanner, lp);
  return lp;
}

/** The header's sample types and rates; null when it is not one pprof knows. */
function parseHeader(line: string): Header | null {
  const heap = HEAP_HEADER.exec(line);
  if (heap) {
    const [, inuseN, inuseB, allocN, allocB, kind, periodText] = heap;
    // pprof compares the header's numbers as written: alloc differs from inuse and is not 0.
    const hasAlloc = (allocN !== inuseN && allocN !== '0') || (allocB !== inuseB && allocB !== '0');
    const sampleTypes = hasAlloc ? WITH_ALLOC : WITHOUT_ALLOC;
    let n = 0n;
    try {
      if (periodText !== '') n = goParseInt(periodText, 10);
    } catch {
      return null;
    }
    switch (kind) {
      case 'heap':
        return { sampleTypes, period: Number(n / 2n), rate: n / 2n }; // Go writes 2 x MemProfileRate
      case 'heap_v2':
      case 'heapz_v2':
        return { sampleTypes, period: Number(n), rate: n };
      case 'heapprofile':
        return { sampleTypes, period: 1, rate: null };
      default:
        return null;
    }
  }
  if (GROWTH_HEADER.test(line) || FRAGMENTATION_HEADER.test(line)) return { sampleTypes: WITHOUT_ALLOC, period: 1, rate: null };
  return null;
}

/** One record line and the `#` frames under it. */
interface ParsedRecord {
  readonly values: number[];
  readonly blockSize: number;
  readonly addresses: bigint[];
  readonly frames: SymbolFrame[];
}

function parseRecord(line: string, header: Header): ParsedRecord {
  const m = RECORD.exec(line);
  if (!m) throw parseFailure('unexpected number of sample values: got 0, want 6');
  const number = (text: string) => {
    try {
      return goParseInt(text, 10);
    } catch (err) {
      throw parseFailure(`malformed sample: ${line}: ${(err as Error).message}`);
    }
  };
  const values: number[] = [];
  let blockSize = 0n;
  // The block size (the `bytes` label) comes from the last nonzero pair, in-use after allocated.
  const addPair = (countText: string, sizeText: string, what: string) => {
    let count = number(countText);
    let size = number(sizeText);
    if (count === 0n && size !== 0n) throw parseFailure(`${what} count was 0 but ${what} bytes was ${size}`);
    if (count !== 0n) {
      blockSize = size / count;
      if (header.rate !== null) [count, size] = unsampleHeapPair(count, size, header.rate);
    }
    values.push(Number(count), Number(size));
  };
  if (header.sampleTypes.length === 4) addPair(m[3], m[4], 'allocation');
  addPair(m[1], m[2], 'inuse');
  let addresses: bigint[];
  try {
    // A return address points after the call; one less lands on the call, as pprof does it.
    addresses = hexAddresses(m[5]).map(minusOne);
  } catch (err) {
    throw parseFailure(`malformed sample: ${line}: ${(err as Error).message}`);
  }
  return { values, blockSize: Number(blockSize), addresses, frames: [] };
}

/**
 * The records as samples. Without `#` lines each address is one location, as in pprof; with them
 * (beyond pprof) locations are named and inlined frames joined (legacy-symbols.ts).
 */
function addRecords(lp: LegacyProfile, records: readonly ParsedRecord[]): void {
  const byKey = new Map<string, LegacyLocation>();
  const functions = new Map<string, { name: string; file: string }>();
  for (const r of records) {
    const stack = locateStack(r.addresses, r.frames).map((at) => {
      let loc = byKey.get(at.key);
      if (!loc) {
        // Frames Go could not name (a PC alone) leave their location without lines, as pprof has it.
        const lines = at.frames
          .filter((f) => f.name !== '')
          .map((f) => {
            const key = `${f.name}\u0000${f.file}`;
            let fn = functions.get(key);
            if (!fn) functions.set(key, (fn = { name: f.name, file: f.file }));
            return { fn, line: f.line };
          });
        loc = { address: at.address, mapping: null, lines };
        byKey.set(at.key, loc);
        lp.locations.push(loc);
      }
      return loc;
    });
    lp.samples.push({ values: r.values, locations: stack, blockSize: r.blockSize });
  }
  lp.namedByComments = lp.locations.some((l) => l.lines.length > 0);
}
