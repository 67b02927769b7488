import type { PreparedReport } from '../analysis.js';
import { callContexts } from '../graph/callers.js';
import { buildFrameTable, type FrameTable } from '../graph/frames.js';
import { cumValue, flatValue } from '../graph/graph.js';
import { trimmedGraph } from '../graph/trim.js';
import { scaleValue } from '../values/units.js';

/** One node of the callgrind file, in report order. */
export interface CallgrindNode {
  readonly name: string;
  readonly file: string;
  /** The mapping's file (the binary), '' when none. */
  readonly objfile: string;
  readonly address: number;
  readonly line: number;
  /** Flat value in the report's unit, truncated. */
  readonly flat: number;
  /** Callees in pprof's edge order, with the edge's weight in the unit. */
  readonly calls: readonly CallgrindCall[];
}

/** A call from one node to another. */
export interface CallgrindCall {
  readonly file: string;
  /**
   * The callee's name: `name [i/n]` when nodes of one file and name are of several functions; ''
   * for a callee that is not in the graph (zero flat and cum: pprof keeps edges into such nodes).
   */
  readonly name: string;
  readonly address: number;
  readonly line: number;
  readonly weight: number;
}

/** What a callgrind file says: its event (sample type and unit) and the nodes. */
export interface CallgrindGraph {
  readonly event: string;
  readonly nodes: readonly CallgrindNode[];
}

/**
 * The call graph as pprof writes it for callgrind, from a report prepared with callgrind's options (its command row's rules: addresses, inlined frames, untrimmed):
 * every node in top's order, values scaled to one unit (pprof's smallest-value unit, without
 * top's step up, since callgrind holds integers) and truncated.
 */
export function callgrindGraph(r: PreparedReport): CallgrindGraph {
  // pprof keys callgrind's nodes by binary and start line too: functions of one name stay apart.
  const frames = buildFrameTable(r.profile, 'addresses', false, r.checkpoint, undefined, true);
  const settings = {
    nodeFraction: 0,
    edgeFraction: 0,
    nodeCount: 0,
    sortByCum: r.options.sort === 'cum',
    dropNegative: r.options.drop_negative,
    checkpoint: r.checkpoint,
  };
  const { graph, shown } = trimmedGraph(r.profile, frames, r.weights, settings);
  const unit = callgrindUnit(
    r,
    shown.map((n) => [flatValue(graph, n), cumValue(graph, n)] as const),
  );
  const inUnit = (v: number) => Math.trunc(scaleValue(v, r.sampleUnit, unit).value);
  const context = callContexts(graph, frames.names, 0);
  const calledAs = disambiguatedNames(shown, frames);
  const nodes = shown.map((n): CallgrindNode => {
    const info = frames.nodes[n];
    const calls = context(n).callees.map((e): CallgrindCall => {
      const callee = frames.nodes[e.node];
      return { file: callee.file, name: calledAs.get(e.node) ?? '', address: callee.address, line: callee.line, weight: inUnit(e.weight) };
    });
    return {
      name: info.name,
      file: info.file,
      objfile: info.objfile,
      address: info.address,
      line: info.line,
      flat: inUnit(flatValue(graph, n)),
      calls,
    };
  });
  return { event: `${r.typeName}(${unit})`, nodes };
}

/** pprof's unit for callgrind: the unit of the smallest nonzero node value (the total's when none). */
function callgrindUnit(r: PreparedReport, values: readonly (readonly [number, number])[]): string {
  const unit = r.options.unit;
  if (unit !== 'minimum' || values.length === 0) return unit;
  let smallest = 0;
  for (const [flat, cum] of values) {
    const v = Math.abs(flat) || Math.abs(cum);
    if (v > 0 && (smallest === 0 || v < smallest)) smallest = v;
  }
  const ratio = 1 / r.options.divide_by;
  const min = Math.trunc((smallest || r.total) * ratio);
  return scaleValue(min, r.sampleUnit, 'minimum').unit || r.sampleUnit;
}

/**
 * The names calls use: a node's name, with ` [i/n]` added when the nodes of its file and name
 * belong to n functions (told apart by binary and start line), numbered in report order.
 */
function disambiguatedNames(shown: readonly number[], frames: FrameTable): Map<number, string> {
  const functionsOf = new Map<string, Map<string, number>>();
  const keys = shown.map((n) => {
    const info = frames.nodes[n];
    const group = JSON.stringify([info.file, info.name]);
    const fn = JSON.stringify([info.objfile, info.startLine]);
    let functions = functionsOf.get(group);
    if (!functions) functionsOf.set(group, (functions = new Map()));
    if (!functions.has(fn)) functions.set(fn, functions.size);
    return { group, fn };
  });
  return new Map(
    shown.map((n, i) => {
      const functions = functionsOf.get(keys[i].group)!;
      const name = frames.nodes[n].name;
      return [n, functions.size > 1 ? `${name} [${functions.get(keys[i].fn)! + 1}/${functions.size}]` : name];
    }),
  );
}
