import { type Profile } from '../../profile/model.js';
import type { Granularity } from '../options.js';
import { KEEPS, type NodeInfo, NodeInterner } from './node-interner.js';
import { baseName } from '../../go/paths.js';
import { askedOnce } from '../asked-once.js';

export type { NodeInfo } from './node-interner.js';

/**
 * For each location, its frames and the graph node each one maps to. Frames of location `l` are
 * `frameStart[l] .. frameStart[l+1]-1`, innermost inlined callee first, the real frame last;
 * `frameInline` marks the frames that are inlined into the next one.
 */
export interface FrameTable {
  readonly frameStart: Uint32Array;
  /** Per location, the node of its only frame, or -1 when it has several (inlined calls). */
  readonly soleNode: Int32Array;
  readonly frameNode: Int32Array;
  readonly frameInline: Uint8Array;
  readonly nodes: readonly NodeInfo[];
  /** The name each node is printed with, e.g. `main.growBuf` or `main.go:37`. */
  readonly names: readonly string[];
  /** With `keepName`, the one node all frames of other names share (to be left out), else absent. */
  readonly rest?: number;
}

/** Stands for the rest node while the table is built: its id is known only at the end. */
const REST = -1;

/**
 * Builds the frame table of `profile` at `granularity`; `noInlines` keeps only each location's real
 * frame. With `keepName`, only frames whose node name (the function's, '' without one) it keeps get
 * nodes of their own; the others share one, `rest`: `list` reads a few functions' lines, and the
 * table and its sums then cost a fraction of the whole profile's. With `objNames`, every node is
 * told apart by its binary and function start line too (pprof's callgrind nodes).
 */
export function buildFrameTable(
  profile: Profile,
  granularity: Granularity,
  noInlines: boolean,
  checkpoint: () => void = () => {},
  keepName?: (name: string) => boolean,
  objNames = false,
): FrameTable {
  const { locations } = profile;
  const keeps = KEEPS[granularity];
  const interner = new NodeInterner(profile, keeps, objNames);
  const frameStart = new Uint32Array(locations.count + 1);
  // A frame per line, or one for a location without lines: typed columns of that size at most,
  // not arrays grown (and copied by the collector) frame by frame.
  const most = locations.lineFunction.length + locations.count;
  const frameNode = new Int32Array(most);
  const frameInline = new Uint8Array(most);
  let frames = 0;
  // Without lines or addresses, a named function's node depends on the function alone: memoised,
  // it saves building a key per line (hundreds of thousands in a large profile).
  const perFunction = keeps.fn && !keeps.line && !keeps.address ? new Int32Array(profile.functions.count).fill(-1) : null;
  const kept = keepName ? namesKept(profile, keepName) : null;
  const nodeOfLine = (l: number, k: number): number => {
    const fn = locations.lineFunction[k];
    if (kept !== null && !kept(fn)) return REST;
    if (!perFunction || fn < 0 || profile.strings[profile.functions.name[fn]] === '') return interner.node(l, k);
    if (perFunction[fn] < 0) perFunction[fn] = interner.node(l, k);
    return perFunction[fn];
  };
  for (let l = 0; l < locations.count; l++) {
    if ((l & 1023) === 0) checkpoint();
    frameStart[l] = frames;
    const first = locations.lineStart[l];
    const end = locations.lineStart[l + 1];
    const from = noInlines && end > first ? end - 1 : first;
    if (end === from) frameNode[frames++] = kept !== null && !kept(-1) ? REST : interner.node(l, -1);
    for (let k = from; k < end; k++) {
      frameInline[frames] = k < end - 1 ? 1 : 0;
      frameNode[frames++] = nodeOfLine(l, k);
    }
  }
  frameStart[locations.count] = frames;
  const rest = kept !== null ? restNode(interner.nodes, frameNode.subarray(0, frames)) : undefined;
  const soleNode = new Int32Array(locations.count);
  for (let l = 0; l < locations.count; l++) soleNode[l] = frameStart[l + 1] - frameStart[l] === 1 ? frameNode[frameStart[l]] : -1;
  return {
    frameStart,
    soleNode,
    frameNode: frameNode.subarray(0, frames),
    frameInline: frameInline.subarray(0, frames),
    nodes: interner.nodes,
    names: interner.nodes.map(printableName),
    rest,
  };
}

/** Whether `keepName` keeps function `fn`'s name ('' for -1, no function), asked once per function. */
function namesKept(profile: Profile, keepName: (name: string) => boolean): (fn: number) => boolean {
  const none = keepName('');
  const kept = askedOnce(profile.functions.count, (fn) => keepName(profile.strings[profile.functions.name[fn]]));
  return (fn) => (fn < 0 ? none : kept(fn));
}

/** Adds the rest node after the others and points the frames left out at it; returns its id. */
function restNode(nodes: NodeInfo[], frameNode: Int32Array): number {
  const rest = nodes.length;
  nodes.push({ name: '', file: '', line: 0, address: 0, objfile: '', startLine: 0 });
  for (let f = 0; f < frameNode.length; f++) if (frameNode[f] === REST) frameNode[f] = rest;
  return rest;
}

/** The name pprof prints for a node: address, function, then file:line, file, [binary] or <unknown>. */
export function printableName(info: NodeInfo): string {
  let name = info.address !== 0 ? info.address.toString(16).padStart(16, '0') : '';
  const add = (part: string) => (name = name === '' ? part : `${name} ${part}`);
  if (info.name !== '') add(info.name);
  if (info.line !== 0) add(`${info.file}:${info.line}`);
  else if (info.file !== '') add(info.file);
  else if (info.name === '') add(info.objfile !== '' ? `[${baseName(info.objfile)}]` : '<unknown>');
  return name;
}
