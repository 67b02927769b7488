import type { Profile } from '../../profile/model.js';
import type { PreparedReport } from '../analysis.js';
import type { FrameTable } from '../graph/frames.js';
import { cleanPath } from '../../go/paths.js';

/** Lines shown before the first and after the last sampled line of a routine. */
const MARGIN = 5;

/** Flat and cum of one source line. */
export interface LineValues {
  readonly flat: number;
  readonly cum: number;
}

/** One function's samples in one source file: a `ROUTINE` block of `list`. */
export interface Routine {
  /** The file as shown (after trim_path and pprof's trimming heuristic). */
  readonly file: string;
  readonly flat: number;
  /** The sum of the lines' cum: a sample through two lines of the function counts twice. */
  readonly cum: number;
  readonly lines: ReadonlyMap<number, LineValues>;
  /** The first and last line to print (printing also stops at the end of the file). */
  readonly start: number;
  readonly end: number;
}

/** A function matching `list`'s regexp; no routines means no source information. */
export interface ListedFunction {
  readonly name: string;
  /** Sorted by file name. */
  readonly routines: readonly Routine[];
}

/** One sampled line-level node: where it is and its values. */
interface LineNode {
  readonly line: number;
  /** The function's start_line, 0 when the profile has none (Go 1.19 writes none). */
  readonly startLine: number;
  readonly flat: number;
  readonly cum: number;
}

/**
 * The functions whose name matches `symbol`, sorted by name, each with its routines, from a report
 * prepared at line granularity without trimming (as pprof's `list` forces). `showFile` turns a
 * profile file name into the one shown; routines are grouped by it, so two names that trim to the
 * same file make one routine.
 */
export function listFunctions(r: PreparedReport, symbol: RegExp, showFile: (file: string) => string): ListedFunction[] {
  const graph = r.graphs.nodeSums();
  const startLines = nodeStartLines(r.profile, r.frames);
  const byFunction = new Map<string, Map<string, LineNode[]>>();
  for (const n of graph.nodes) {
    if (n === r.frames.rest) continue;
    // pprof sums the lines' raw values: under `mean` they are not divided (the total is).
    const flat = graph.flat[n];
    const cum = graph.cum[n];
    if (r.options.drop_negative && (flat < 0 || (flat === 0 && cum < 0))) continue;
    const info = r.frames.nodes[n];
    if (!symbol.test(info.name)) continue;
    let files = byFunction.get(info.name);
    if (!files) byFunction.set(info.name, (files = new Map()));
    if (info.file === '') continue;
    const trimmed = showFile(info.file);
    const file = trimmed === '' ? '' : cleanPath(trimmed);
    if (file === '') continue;
    let nodes = files.get(file);
    if (!nodes) files.set(file, (nodes = []));
    nodes.push({ line: info.line, startLine: startLines[n], flat, cum });
  }
  return [...byFunction.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, files]) => ({
      name,
      routines: [...files.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([file, nodes]) => routine(file, nodes)),
    }));
}

function routine(file: string, nodes: readonly LineNode[]): Routine {
  const lines = new Map<number, LineValues>();
  let flat = 0;
  let cum = 0;
  for (const n of nodes) {
    flat += n.flat;
    cum += n.cum;
    const at = lines.get(n.line);
    lines.set(n.line, { flat: (at?.flat ?? 0) + n.flat, cum: (at?.cum ?? 0) + n.cum });
  }
  return { file, flat, cum, lines, ...sourceRange(nodes) };
}

/**
 * The lines pprof prints for a routine: from the function's start line (else the first sampled
 * line less the margin) to the last sampled line plus the margin, clamped to line 1. pprof grows
 * the range with `if earlier start … else if later end`, so a node that would move both ends only
 * moves the start; with one start line per function (or none) that never happens.
 */
export function sourceRange(nodes: readonly { line: number; startLine: number }[]): { start: number; end: number } {
  const first = nodes[0];
  let start = first.startLine !== 0 ? first.startLine : first.line - MARGIN;
  let end = first.line + MARGIN;
  for (const n of nodes) {
    const nodeStart = n.startLine !== 0 ? n.startLine : n.line - MARGIN;
    const nodeEnd = n.line + MARGIN;
    if (nodeStart < start) start = nodeStart;
    else if (nodeEnd > end) end = nodeEnd;
  }
  return { start: Math.max(start, 1), end };
}

/**
 * Each node's function start_line. The frame table keeps nodes' names, files and lines but not
 * start lines, so they are read back from the location lines the frames came from.
 */
function nodeStartLines(p: Profile, frames: FrameTable): Float64Array {
  const result = new Float64Array(frames.nodes.length);
  const seen = new Uint8Array(frames.nodes.length);
  const { lineStart, lineFunction } = p.locations;
  for (let l = 0; l < p.locations.count; l++) {
    const lineEnd = lineStart[l + 1];
    if (lineEnd === lineStart[l]) continue;
    const first = frames.frameStart[l];
    const count = frames.frameStart[l + 1] - first;
    // All the lines, or (noinlines) only the last, which is the real frame.
    for (let f = first; f < first + count; f++) {
      const node = frames.frameNode[f];
      if (seen[node]) continue;
      seen[node] = 1;
      const fn = lineFunction[lineEnd - count + (f - first)];
      result[node] = fn >= 0 ? p.functions.startLine[fn] : 0;
    }
  }
  return result;
}

/** Go's string order (by UTF-16 unit here, the same as by byte for the names profiles hold). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
