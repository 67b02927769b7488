import { type FrameTable, type NodeInfo } from './frames.js';
import { type Graph, collectEdges, cumValue, flatValue, nodeSums } from './graph.js';
import { GraphLinks, compareLinks, dropRedundantLinks, entropyOrder } from './graph-links.js';
import { type NodeTags, type TagSettings, collectNodeTags, flatTagCount, trimTags } from './graph-tags.js';
import { callTree, trimTree } from './call-tree.js';
import { numLabelUnits } from '../values/labels.js';
import { MAX_NODELETS, type NodeNodelets, nodeNodelets } from './nodelets.js';
import type { ReportInput } from '../reports/rows.js';
import { visibleNodes } from './trim.js';
import { reportUnit, scaledLabel } from '../values/units.js';

/** One node of a drawn call graph, in drawing order. */
export interface DrawnNode {
  readonly info: NodeInfo;
  /** The printable name (`main.growBuf`, `main.go:37`). */
  readonly name: string;
  /** Values under `mean` divided. */
  readonly flat: number;
  readonly cum: number;
  readonly nodelets: NodeNodelets;
}

/** One edge of a drawn call graph: positions in the node list, and its weight. */
export interface DrawnEdge {
  /** The caller's place in `nodes`. */
  readonly from: number;
  /**
   * The callee's place in `nodes`, or -1 for a node the graph leaves out for having no weight at
   * all (a base cancelled it), whose edges pprof still draws (to `N0`) when no cutoff drops them.
   */
  readonly to: number;
  readonly fromName: string;
  readonly toName: string;
  readonly weight: number;
  readonly inline: boolean;
  /** The edge jumps over nodes that were left out. */
  readonly residual: boolean;
}

/** A call graph ready to draw, with what its legend says about trimming. */
export interface DrawnGraph {
  readonly nodes: readonly DrawnNode[];
  /** Heaviest first. */
  readonly edges: readonly DrawnEdge[];
  readonly total: number;
  readonly droppedNodes: number;
  readonly droppedEdges: number;
  /** Nodes left after the node cutoff, before nodecount. */
  readonly nodesAfterCutoff: number;
  /** The flat sum of the nodes drawn. */
  readonly shownFlat: number;
  readonly formatValue: (v: number) => string;
}

/**
 * Builds the call graph pprof draws (dot, svg, web): nodes under nodefraction × the flat sum
 * dropped, the rest ordered by entropyOrder, the first `nodecount` kept (counting each node's tag
 * boxes towards the count), edges between them recomputed (residual across dropped nodes), light
 * edges and tags dropped, and residual edges that another path makes redundant removed.
 */
export function drawnGraph(input: ReportInput): DrawnGraph {
  const { options: o } = input;
  const trim = o.trim;
  const nodeCount = !trim ? 0 : o.nodecount === -1 ? input.defaultNodeCount : o.nodecount;
  const source = o.call_tree ? treeSource(input) : graphSource(input);
  const { sums, frames } = source;
  const all = visibleNodes(sums, o.drop_negative);
  let flatSum = 0;
  for (const n of all) flatSum += sums.flat[n];
  const nodeCutoff = Math.abs(Math.trunc(flatSum * (trim ? o.nodefraction : 0)));
  const edgeCutoff = Math.abs(Math.trunc(flatSum * (trim ? o.edgefraction : 0)));
  const kept = nodeCutoff > 0 ? all.filter((n) => Math.abs(sums.cum[n]) >= nodeCutoff) : all;
  const tags = new Map<number, NodeTags>([...source.tags(kept)].map(([n, t]) => [n, trimTags(t, nodeCutoff)]));
  let links = source.links(all, kept, null);
  let order = entropyOrder(kept, links, sums, frames);
  if (nodeCount > 0) {
    links.dropLight(edgeCutoff, kept);
    const picked = pickNodes(order, tags, nodeCount);
    if (picked.length < order.length) {
      links = source.links(order, picked, links);
      order = entropyOrder(picked, links, sums, frames);
    }
  }
  // After a selection pprof counts the light edges again: none when it kept every node (they went
  // before it picked), those of the rebuilt graph otherwise.
  const droppedEdges = links.dropLight(edgeCutoff, order);
  dropRedundantLinks(order, links, frames.names);
  return finish(input, sums, frames, order, links, tags, {
    droppedNodes: all.length - kept.length,
    droppedEdges,
    nodesAfterCutoff: kept.length,
  });
}

/** Where a drawn graph's nodes, edges and tags come from: the call graph, or the call tree. */
interface GraphSource {
  readonly sums: Graph;
  readonly frames: Pick<FrameTable, 'names' | 'nodes'>;
  /** The tags of `nodes`. */
  tags(nodes: readonly number[]): Map<number, NodeTags>;
  /** The edges between `kept`, out of `nodes` (with `previous`, the edges they had). */
  links(nodes: readonly number[], kept: readonly number[], previous: GraphLinks | null): GraphLinks;
}

/** The call graph: node sums from the analysis's cache, edges collected again for each set of nodes kept. */
function graphSource(input: ReportInput): GraphSource {
  const { frames, profile, weights } = input;
  const checkpoint = input.checkpoint ?? (() => {});
  const sums = input.graphs ? input.graphs.nodeSums() : nodeSums(profile, frames, weights, checkpoint);
  return {
    sums,
    frames,
    tags: (nodes) => collectNodeTags(profile, frames, weights, toMask(nodes, frames.nodes.length), tagSettings(input, checkpoint)),
    links: (nodes, kept) => {
      // As pprof, which builds the graph again only for a selection that left nodes out: with
      // none left out, its first graph's edges stay, those into the nodes drop_negative removed
      // (and a base cancelled) too, weighing in the entropy order and drawn to N0.
      const mask = kept.length === nodes.length ? null : toMask(kept, frames.nodes.length);
      return GraphLinks.of(collectEdges(profile, frames, weights, mask, null, checkpoint));
    },
  };
}

/** The call tree: built once with its tags; trimming moves the children of dropped nodes up. */
function treeSource(input: ReportInput): GraphSource {
  const tree = callTree(input.profile, input.frames, input.weights, tagSettings(input, input.checkpoint ?? (() => {})));
  return {
    sums: tree.sums,
    frames: tree.frames,
    tags: () => tree.tags,
    links: (nodes, kept, previous) => {
      const links = previous ?? tree.links;
      if (kept.length < nodes.length) trimTree(nodes, new Set(kept), links);
      return links;
    },
  };
}

function tagSettings(input: ReportInput, checkpoint: () => void): TagSettings {
  return { bytesUnit: numLabelUnits(input.profile).units.get('bytes') ?? 'bytes', outputUnit: input.options.unit, checkpoint };
}

/** The first nodes of `order` to draw: `count` boxes at most, each node counting its flat tag boxes (up to four) too. */
function pickNodes(order: number[], tags: Map<number, NodeTags>, count: number): number[] {
  let boxes = 0;
  for (let i = 0; i < order.length; i++) {
    boxes += Math.min(flatTagCount(tags.get(order[i])), MAX_NODELETS) + 1;
    if (boxes >= count) return order.slice(0, i + 1);
  }
  return count < order.length ? order.slice(0, count) : order;
}

function finish(
  input: ReportInput,
  sums: Graph,
  frames: Pick<FrameTable, 'names' | 'nodes'>,
  order: number[],
  links: GraphLinks,
  tags: Map<number, NodeTags>,
  counts: Pick<DrawnGraph, 'droppedNodes' | 'droppedEdges' | 'nodesAfterCutoff'>,
): DrawnGraph {
  const { options: o, total } = input;
  const position = new Map(order.map((n, i) => [n, i]));
  const nodes = order.map((n): DrawnNode => ({
    info: frames.nodes[n],
    name: frames.names[n],
    flat: flatValue(sums, n),
    cum: cumValue(sums, n),
    nodelets: nodeNodelets(tags.get(n), links.hasCallees(n)),
  }));
  const edges = order
    .flatMap((n) => [...links.callees(n)])
    .sort(compareLinks(frames.names))
    .map((l): DrawnEdge => ({
      from: position.get(l.from)!,
      to: position.get(l.to) ?? -1,
      fromName: frames.names[l.from],
      toName: frames.names[l.to],
      weight: l.weightDiv === 0 ? l.weight : Math.trunc(l.weight / l.weightDiv),
      inline: l.inline,
      residual: l.residual,
    }));
  const ratio = 1 / o.divide_by;
  const unit = reportUnit(
    o.unit,
    nodes.map((n) => [n.flat, n.cum] as const),
    total,
    ratio,
    input.sampleUnit,
  );
  const formatValue = (v: number) => scaledLabel(ratio > 0 && ratio !== 1 ? Math.trunc(v * ratio) : v, input.sampleUnit, unit);
  const shownFlat = nodes.reduce((sum, n) => sum + n.flat, 0);
  return { nodes, edges, total, shownFlat, formatValue, ...counts };
}

function toMask(nodes: readonly number[], size: number): Uint8Array {
  const mask = new Uint8Array(size);
  for (const n of nodes) mask[n] = 1;
  return mask;
}
