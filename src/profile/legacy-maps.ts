/**
 * The memory map at the end of a legacy profile (`/proc/self/maps` lines, or pprof's brief
 * `start-end file (@offset) buildid` form), and what pprof does with it: adjacent pieces of one
 * file joined, the main binary moved first, each location put in the mapping its address falls
 * in, and a mapping over the whole address space for the addresses none holds (so a Go legacy
 * profile, which has no map, gets one mapping of limit 2^64-1).
 */
import type { LegacyLocation, LegacyMapping, LegacyProfile } from './legacy-profile.js';
import { type LineScanner, isMemoryMapSentinel, trimSpace } from './legacy-text.js';

/**
 * Skips what is left of the text's sections up to a memory map (unknown sections are ignored, as
 * pprof ignores them), then reads the map.
 */
export function readAdditionalSections(scanner: LineScanner, lp: LegacyProfile): void {
  while (!isMemoryMapSentinel(scanner.text) && scanner.scan());
  scanner.check();
  readMemoryMap(scanner, lp);
}

/** Reads the map lines left in `scanner` into `lp` and assigns its locations to mappings. */
export function readMemoryMap(scanner: LineScanner, lp: LegacyProfile): void {
  const replacer = new AttributeReplacer();
  while (scanner.scan()) {
    const line = replacer.replace(withoutLogPrefix(scanner.text));
    const entry = mappingEntry(line);
    if (entry === 'unrecognized') {
      // `name=value` lines define $name for the lines after them.
      const eq = line.indexOf('=');
      if (eq >= 0) replacer.define(`$${trimSpace(line.slice(0, eq))}`, trimSpace(line.slice(eq + 1)));
    } else if (entry !== null) lp.mappings.push(entry);
  }
  scanner.check();
  joinAdjacent(lp);
  moveMainFirst(lp.mappings);
  lp.keepUsedLocations();
  assignMappings(lp);
}

/** glog's `file.cc:123] ` prefix, which some writers put before each map line, is dropped. */
function withoutLogPrefix(line: string): string {
  const bracket = line.search(/[[\]]/);
  if (bracket <= 0 || line[bracket] !== ']' || !isSpace(line[bracket + 1] ?? '')) return line;
  return /[^]:[0-9]+$/.test(line.slice(0, bracket)) ? line.slice(bracket + 2) : line;
}

/** Go's `\s`: ASCII space, tab, newline, form feed, carriage return (not vertical tab). */
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
}

function isHex(c: string | undefined): boolean {
  const code = c === undefined ? 0 : c.charCodeAt(0);
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** Go's strings.Replacer over `$name` definitions: at each place, the first defined that matches. */
class AttributeReplacer {
  private readonly pairs: [string, string][] = [];

  define(name: string, value: string): void {
    this.pairs.push([name, value]);
  }

  replace(line: string): string {
    if (this.pairs.length === 0 || !line.includes('$')) return line;
    let out = '';
    for (let i = 0; i < line.length;) {
      const pair = line[i] === '$' ? this.pairs.find(([name]) => line.startsWith(name, i)) : undefined;
      if (pair) {
        out += pair[1];
        i += pair[0].length;
      } else out += line[i++];
    }
    return out;
  }
}

const HEX = '[0-9A-Fa-f]';
const SPACE = '[\\t\\n\\f\\r ]';
const sticky = (source: string) => new RegExp(source, 'y');
const PERM = sticky(`${SPACE}+([-rwxp]+)`);
const OFFSET_DEVICE_INODE = sticky(`${SPACE}+(${HEX}+)${SPACE}+${HEX}+:${HEX}+${SPACE}+[0-9]+`);
const DEVICE_INODE = sticky(`${SPACE}+${HEX}+:${HEX}+${SPACE}+[0-9]+`);
const WORD = sticky(`${SPACE}+([^\\t\\n\\f\\r ]+)`);
const AT_OFFSET = sticky(`${SPACE}+\\(@(${HEX}+)\\)`);
const HEX_WORD = sticky(`${SPACE}+(${HEX}+)`);

/** What a map line's fields say, before they are checked. */
interface EntryFields {
  start: string;
  end: string;
  perm: string;
  offset: string;
  file: string;
  buildId: string;
}

/**
 * A map line as a mapping; null for a mapping that is not executable (pprof skips those);
 * 'unrecognized' for a line of neither form.
 */
function mappingEntry(line: string): LegacyMapping | null | 'unrecognized' {
  const fields = matchAddressRange(line, procMapsTail) ?? matchAddressRange(line, briefTail);
  if (!fields) return 'unrecognized';
  if (fields.perm !== '' && !fields.perm.includes('x')) return null;
  const start = uint64Hex(fields.start),
    limit = uint64Hex(fields.end),
    offset = fields.offset === '' ? 0n : uint64Hex(fields.offset);
  if (start === null || limit === null || offset === null) return 'unrecognized';
  return { start, limit, offset, file: fields.file, buildId: fields.buildId };
}

/** Hex digits as a 64-bit number, or null past 64 bits (Go's ParseUint fails there). */
function uint64Hex(digits: string): bigint | null {
  const value = BigInt(`0x${digits}`);
  return value < 1n << 64n ? value : null;
}

type Tail = (line: string, at: number, fields: EntryFields) => boolean;

/**
 * The `start-end` head both forms share (`\s*(0x)?hex[\s-]?\s*(0x)?hex`), then `tail`, tried in
 * the order Go's regexp would try them: the longest start first, then ever shorter ones (the end
 * taking the start's last digits). Only a few splits can differ in outcome, so this is linear.
 */
function matchAddressRange(line: string, tail: Tail): EntryFields | null {
  let p = 0;
  while (isSpace(line[p] ?? '')) p++;
  if (line.startsWith('0x', p) && isHex(line[p + 2])) p += 2;
  const runEnd = hexRunEnd(line, p);
  if (runEnd === p) return null;
  const tried = new Map<number, EntryFields | null>();
  const attempt = (startEnd: number, endFrom: number): EntryFields | null => {
    const endTo = hexRunEnd(line, endFrom);
    if (endTo === endFrom) return null;
    if (!tried.has(endTo)) {
      const fields: EntryFields = { start: '', end: '', perm: '', offset: '', file: '', buildId: '' };
      tried.set(endTo, tail(line, endTo, fields) ? fields : null);
    }
    const found = tried.get(endTo);
    return found ? { ...found, start: line.slice(p, startEnd), end: line.slice(endFrom, endTo) } : null;
  };
  // The whole run as the start: then a separator, spaces, maybe 0x, and the end.
  let q = runEnd;
  if (isSpace(line[q] ?? '') || line[q] === '-') q++;
  while (isSpace(line[q] ?? '')) q++;
  const whole = (line.startsWith('0x', q) && isHex(line[q + 2]) ? attempt(runEnd, q + 2) : null) ?? attempt(runEnd, q);
  if (whole) return whole;
  // A shorter start: the end is the rest of the run (or, after a last 0, what follows `0x`).
  for (let end = runEnd - 1; end > p; end--) {
    const zeroX =
      end === runEnd - 1 && line[end] === '0' && line[runEnd] === 'x' && isHex(line[runEnd + 1]) ? attempt(end, runEnd + 1) : null;
    const found = zeroX ?? attempt(end, end);
    if (found) return found;
    // Every shorter start leaves the same end, and so the same outcome.
    if (end < runEnd - 1) break;
  }
  return null;
}

function hexRunEnd(line: string, from: number): number {
  let i = from;
  while (isHex(line[i])) i++;
  return i;
}

/** Runs a sticky pattern at `at`: the match, or null. */
function stickyAt(re: RegExp, line: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(line);
}

/** The /proc/self/maps rest: `[:] [perms] [offset] dev:dev inode [file]`. */
function procMapsTail(line: string, at: number, fields: EntryFields): boolean {
  let i = line[at] === ':' ? at + 1 : at;
  const perm = stickyAt(PERM, line, i);
  if (perm) {
    fields.perm = perm[1];
    i += perm[0].length;
  }
  const withOffset = stickyAt(OFFSET_DEVICE_INODE, line, i);
  const rest = withOffset ?? stickyAt(DEVICE_INODE, line, i);
  if (!rest) return false;
  if (withOffset) fields.offset = withOffset[1];
  i += rest[0].length;
  const file = stickyAt(WORD, line, i);
  if (file) fields.file = file[1];
  return true;
}

/** pprof's brief rest, every part optional: `[:] [perms] [file] [(@offset)] [buildid]`. */
function briefTail(line: string, at: number, fields: EntryFields): boolean {
  let i = line[at] === ':' ? at + 1 : at;
  const take = (re: RegExp, field: keyof EntryFields) => {
    const m = stickyAt(re, line, i);
    if (m) {
      fields[field] = m[1];
      i += m[0].length;
    }
  };
  take(PERM, 'perm');
  take(WORD, 'file');
  take(AT_OFFSET, 'offset');
  take(HEX_WORD, 'buildId');
  return true;
}

const U64 = (x: bigint) => BigInt.asUintN(64, x);

/** Joins each mapping to the one before when they are two pieces of one file (pprof's massage). */
function joinAdjacent(lp: LegacyProfile): void {
  if (lp.mappings.length < 2) return;
  const kept = [lp.mappings[0]];
  for (const m of lp.mappings.slice(1)) {
    const last = kept[kept.length - 1];
    if (!adjacent(last, m)) {
      kept.push(m);
      continue;
    }
    last.limit = m.limit;
    if (m.file !== '') last.file = m.file;
    if (m.buildId !== '') last.buildId = m.buildId;
  }
  lp.mappings = kept;
}

function adjacent(a: LegacyMapping, b: LegacyMapping): boolean {
  if (a.file !== '' && b.file !== '' && a.file !== b.file) return false;
  if (a.buildId !== '' && b.buildId !== '' && a.buildId !== b.buildId) return false;
  if (a.limit !== b.start) return false;
  return a.offset === 0n || b.offset === 0n || U64(a.offset + (a.limit - a.start)) === b.offset;
}

/** Shared libraries, by name. */
const LIBRARY = /[.]so$|[.]so[._][0-9]+/;

/** The first mapping that looks like the main binary (not a library, not `[vdso]`) goes first. */
function moveMainFirst(mappings: LegacyMapping[]): void {
  const main = mappings.findIndex((m) => {
    const file = trimSpace(m.file.split('(deleted)').join(''));
    return file !== '' && !LIBRARY.test(file) && file[0] !== '[';
  });
  if (main > 0) [mappings[0], mappings[main]] = [mappings[main], mappings[0]];
}

/**
 * Puts each location with an address in the mapping holding it (pprof's remapMappingIDs, with
 * its fixes for writers that split or misplace the main binary), or in a mapping over everything.
 */
export function assignMappings(lp: LegacyProfile): void {
  const { mappings } = lp;
  if (mappings.length > 1 && mappings[0].file.startsWith('/anon_hugepage') && mappings[0].limit === mappings[1].start) mappings.shift();
  const main = mappings[0];
  if (main && U64(main.start - main.offset) === 0x400000n) {
    main.start = 0x400000n;
    main.offset = 0n;
  }
  let everything: LegacyMapping | null = null;
  for (const loc of lp.locations) {
    if (loc.mapping !== null || loc.address === 0n) continue;
    loc.mapping = holding(mappings, loc) ?? (everything ??= addEverything(mappings));
  }
}

function holding(mappings: LegacyMapping[], loc: LegacyLocation): LegacyMapping | null {
  const a = loc.address;
  const inside = mappings.find((m) => m.start <= a && a < m.limit);
  if (inside) return inside;
  // A mapping whose first piece the writer left out: its offset says where it really starts.
  const extended = mappings.find((m) => m.offset !== 0n && U64(m.start - m.offset) <= a && a < m.start);
  if (!extended) return null;
  extended.start = U64(extended.start - extended.offset);
  extended.offset = 0n;
  return extended;
}

function addEverything(mappings: LegacyMapping[]): LegacyMapping {
  const m: LegacyMapping = { start: 0n, limit: (1n << 64n) - 1n, offset: 0n, file: '', buildId: '' };
  mappings.push(m);
  return m;
}
