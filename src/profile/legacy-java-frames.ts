/**
 * The frame table that ends a legacy Java profile (`0x0000000d com.example.Foo.bar (Foo.java:12)`,
 * one line per frame id the samples use), which names the Java profiles' locations. Addresses are
 * frame ids, so afterwards they are dropped (pprof aggregates them away).
 */
import { assignMappings } from './legacy-maps.js';
import type { LegacyFunction, LegacyProfile } from './legacy-profile.js';
import { goParseInt, goParseUint } from './legacy-strconv.js';
import { parseFailure, trimSpace } from './legacy-text.js';

/** `0x<hex> <what>`, as pprof reads a frame line (Go's `\s` is ASCII white space less `\v`). */
const FRAME = /^0x([0-9A-Fa-f]+)[\t\n\f\r ]+([^\n]*)$/;

/** Names the locations of `lp` from the frame table `text`; then finishes the profile as pprof does. */
export function readJavaFrames(text: string, lp: LegacyProfile): void {
  const functions = new Map<string, LegacyFunction>();
  for (const raw of text.split('\n')) {
    const line = trimSpace(raw);
    const m = line === '' ? null : FRAME.exec(line);
    if (!m) continue;
    let id: bigint;
    try {
      id = goParseUint(m[1], 16);
    } catch (err) {
      throw parseFailure(`parsing sample ${line}: ${(err as Error).message}`);
    }
    const loc = lp.existingLocation(id);
    if (!loc) continue;
    const frame = describeFrame(m[2]);
    let fn = functions.get(frame.name);
    if (!fn) functions.set(frame.name, (fn = { name: frame.name, file: frame.file }));
    loc.lines = [{ fn, line: frame.line }];
    loc.address = 0n;
  }
  lp.keepUsedLocations();
  assignMappings(lp);
  for (const loc of lp.locations) loc.address = 0n;
  if (lp.sampleTypes.length === 0 && lp.samples.length > 0) throw parseFailure('missing sample type information');
}

/**
 * A frame's function, file and line, from `name (File.java:12)`, `name (/path/lib.so)` (the
 * file is then the library's base name), a JIT stub, or a bare name (`GC`, `VM`).
 */
function describeFrame(what: string): { name: string; file: string; line: number } {
  if (what.endsWith(')')) {
    const body = what.slice(0, -1);
    const colon = body.lastIndexOf(':');
    if (colon >= 0 && /^-?[0-9]+$/.test(body.slice(colon + 1))) {
      const open = lastOpenAfterSpace(what, colon - 2);
      if (open > 0) return { name: what.slice(0, open - 1), file: what.slice(open + 1, colon), line: positiveLine(body.slice(colon + 1)) };
    }
    const open = lastOpenAfterSpace(what, what.length - 2);
    if (open > 0) return { name: what.slice(0, open - 1), file: baseName(what.slice(open + 1, -1)), line: 0 };
  }
  if (what.includes('generated stub/JIT')) return { name: 'STUB', file: '', line: 0 };
  return { name: what, file: '', line: 0 };
}

/** The last `(` at or before `limit` with white space before it, or -1. */
function lastOpenAfterSpace(s: string, limit: number): number {
  for (let i = s.lastIndexOf('(', limit); i > 0; i = s.lastIndexOf('(', i - 1)) {
    if (' \t\n\f\r'.includes(s[i - 1])) return i;
  }
  return -1;
}

/** A line number pprof keeps: a positive int64, else 0. */
function positiveLine(digits: string): number {
  try {
    const n = goParseInt(digits, 10);
    return n > 0n ? Number(n) : 0;
  } catch {
    return 0;
  }
}

/** Go's filepath.Base. */
function baseName(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
