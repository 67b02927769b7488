import { askedOnce } from '../asked-once.js';
import type { Profile } from '../../profile/model.js';
import type { StackEdit } from './stack-edit.js';

/** True when the line's function name (or, with `files`, its file name) matches. */
function lineMatches(p: Profile, line: number, re: RegExp, files: boolean): boolean {
  const fn = p.locations.lineFunction[line];
  if (fn < 0) return false;
  return re.test(p.strings[p.functions.name[fn]]) || (files && re.test(p.strings[p.functions.filename[fn]]));
}

function mappingMatches(p: Profile, loc: number, re: RegExp): boolean {
  const m = p.locations.mapping[loc];
  return m >= 0 && re.test(p.mappings[m].file);
}

/**
 * hide and show, per line as pprof applies them: hide removes the lines whose function or file
 * matches (all of them when the location's binary matches); show then keeps only matching lines
 * (lines without a function stay). A location left with no line leaves every stack.
 */
export function hideAndShow(
  p: Profile,
  hide: RegExp | null,
  show: RegExp | null,
): { edit: StackEdit; hideMatched: boolean; showMatched: boolean } {
  const { locations } = p;
  const keepLine = new Uint8Array(locations.lineFunction.length).fill(1);
  const hideLocation = new Uint8Array(locations.count);
  let hideMatched = false;
  let showMatched = false;
  for (let loc = 0; loc < locations.count; loc++) {
    const from = locations.lineStart[loc];
    const to = locations.lineStart[loc + 1];
    let left = to - from;
    const drop = (k: number) => {
      if (keepLine[k]) left--;
      keepLine[k] = 0;
    };
    if (hide) {
      const wholeBinary = mappingMatches(p, loc, hide);
      let matched = wholeBinary;
      for (let k = from; k < to; k++) {
        if (wholeBinary || lineMatches(p, k, hide, true)) {
          matched = true;
          drop(k);
        }
      }
      if (matched) {
        hideMatched = true;
        if (left === 0) hideLocation[loc] = 1;
      }
    }
    if (show) {
      if (!mappingMatches(p, loc, show)) {
        for (let k = from; k < to; k++) if (keepLine[k] && locations.lineFunction[k] >= 0 && !lineMatches(p, k, show, true)) drop(k);
      }
      if (left === 0) hideLocation[loc] = 1;
      else showMatched = true;
    }
  }
  return { edit: { keepLine, hideLocation }, hideMatched, showMatched };
}

/**
 * show_from: in each location, the lines from the root-most one whose function or file matches
 * (as pprof matches them) down to the leaf; in each sample, the locations from the root-most
 * matching one down to the leaf.
 * Samples with no match are dropped (`drop`).
 */
export function showFrom(p: Profile, re: RegExp): { edit: StackEdit; drop: Uint8Array; matched: boolean } {
  const { locations, samples } = p;
  const keepLine = new Uint8Array(locations.lineFunction.length).fill(1);
  const marked = new Uint8Array(locations.count);
  let matched = false;
  for (let loc = 0; loc < locations.count; loc++) {
    if (mappingMatches(p, loc, re)) {
      marked[loc] = 1;
      matched = true;
      continue;
    }
    for (let k = locations.lineStart[loc + 1] - 1; k >= locations.lineStart[loc]; k--) {
      if (!lineMatches(p, k, re, true)) continue;
      for (let j = k + 1; j < locations.lineStart[loc + 1]; j++) keepLine[j] = 0;
      marked[loc] = 1;
      matched = true;
      break;
    }
  }
  const spanStart = new Int32Array(samples.count);
  const spanEnd = new Int32Array(samples.count);
  const drop = new Uint8Array(samples.count);
  for (let s = 0; s < samples.count; s++) {
    const depth = samples.locStart[s + 1] - samples.locStart[s];
    let end = -1;
    for (let i = depth - 1; i >= 0 && end < 0; i--) if (marked[samples.locs[samples.locStart[s] + i]]) end = i + 1;
    if (end < 0) drop[s] = 1;
    spanEnd[s] = Math.max(end, 0);
  }
  return { edit: { keepLine, spanStart, spanEnd }, drop, matched };
}

/**
 * prune_from: in each location, the lines from the leaf-most one whose function matches up to
 * the root; in each sample, the leaf-most such location and what is above it. The matching frame
 * becomes the leaf and takes the flat value. As in pprof, the regexp sees each name cut at its
 * first `(` (`main.(*T).Grow` is `main.`), so a parameter list left in a name does not match.
 */
export function pruneFrom(p: Profile, re: RegExp): StackEdit {
  const { locations, samples } = p;
  const keepLine = new Uint8Array(locations.lineFunction.length).fill(1);
  const marked = new Uint8Array(locations.count);
  const matches = askedOnce(p.functions.count, (fn) => re.test(nameBeforeParameters(p.strings[p.functions.name[fn]])));
  for (let loc = 0; loc < locations.count; loc++) {
    for (let k = locations.lineStart[loc]; k < locations.lineStart[loc + 1]; k++) {
      const fn = locations.lineFunction[k];
      if (fn < 0 || p.strings[p.functions.name[fn]] === '' || !matches(fn)) continue;
      for (let j = locations.lineStart[loc]; j < k; j++) keepLine[j] = 0;
      marked[loc] = 1;
      break;
    }
  }
  const spanStart = new Int32Array(samples.count);
  const spanEnd = new Int32Array(samples.count);
  for (let s = 0; s < samples.count; s++) {
    const depth = samples.locStart[s + 1] - samples.locStart[s];
    spanEnd[s] = depth;
    // Stacks run leaf first: the first marked location is the leaf-most match.
    for (let i = 0; i < depth; i++) {
      if (marked[samples.locs[samples.locStart[s] + i]]) {
        spanStart[s] = i;
        break;
      }
    }
  }
  return { keepLine, spanStart, spanEnd };
}

/** Names pprof's pruning leaves whole although they hold a `(`. */
const PRUNE_BRACKETS = /\(anonymous namespace\)|operator\(\)|\(/g;

/**
 * A function name as pprof's pruning matches it: a leading `.` (PowerPC ELF v1) dropped, and cut
 * at the first `(` that does not start `(anonymous namespace)` or belong to `operator()`.
 */
export function nameBeforeParameters(name: string): string {
  const n = name.startsWith('.') ? name.slice(1) : name;
  for (const m of n.matchAll(PRUNE_BRACKETS)) if (m[0] === '(') return n.slice(0, m.index);
  return n;
}
