import type { Profile } from '../../profile/model.js';
import type { FrameTable, NodeInfo } from './frames.js';
import { type Graph, type SampleWeights, inBlocks } from './graph.js';
import { GraphLinks, type GraphLink } from './graph-links.js';
import { type NodeTags, type SampleLabels, type TagSettings, addSample, nodeTags, sampleLabels } from './graph-tags.js';

/**
 * The call graph as a tree (`call_tree`: paths in context): a node per distinct path from a root,
 * so a function called along two paths is two nodes. Node ids are the tree's, in order of first
 * sight; `frames` gives each its graph node's name and identity.
 */
export interface CallTree {
  readonly sums: Graph;
  readonly frames: Pick<FrameTable, 'names' | 'nodes'>;
  readonly links: GraphLinks;
  readonly tags: Map<number, NodeTags>;
}

/** Builds the call tree of the samples (filtered ones left out), with each node's tags. */
export function callTree(p: Profile, frames: FrameTable, w: SampleWeights, tagSettings: TagSettings): CallTree {
  const graphNode: number[] = [];
  const children: Map<number, number>[] = [new Map()];
  const flat: number[] = [],
    flatDiv: number[] = [],
    cum: number[] = [],
    cumDiv: number[] = [];
  const edges = new Map<number, { from: number; weight: number; weightDiv: number; inline: boolean }>();
  const tags = new Map<number, NodeTags>();
  const { locStart, locs } = p.samples;
  const { frameStart, frameNode, frameInline } = frames;
  const { weight, divisor, exclude } = w;
  const childOf = (parent: number, node: number): number => {
    const siblings = children[parent + 1];
    let child = siblings.get(node);
    if (child === undefined) {
      child = graphNode.length;
      siblings.set(node, child);
      graphNode.push(node);
      children.push(new Map());
      flat.push(0);
      flatDiv.push(0);
      cum.push(0);
      cumDiv.push(0);
    }
    return child;
  };
  inBlocks(p.samples.count, tagSettings.checkpoint, (from, to) => {
    for (let s = from; s < to; s++) {
      if (exclude !== null && exclude[s] !== 0) continue;
      const value = weight[s];
      const div = divisor !== null ? divisor[s] : 0;
      if (value === 0 && div === 0) continue;
      const labels: SampleLabels = sampleLabels(p, s, tagSettings);
      let parent = -1;
      for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
        for (let f = frameStart[locs[i] + 1] - 1; f >= frameStart[locs[i]]; f--) {
          const n = childOf(parent, frameNode[f]);
          cum[n] += value;
          cumDiv[n] += div;
          addSample(nodeTags(tags, n), labels, value, div, false);
          if (parent >= 0) {
            const edge = edges.get(n) ?? { from: parent, weight: 0, weightDiv: 0, inline: frameInline[f] === 1 };
            edge.weight += value;
            edge.weightDiv += div;
            edge.inline &&= frameInline[f] === 1;
            edges.set(n, edge);
          }
          parent = n;
        }
      }
      if (parent >= 0) {
        flat[parent] += value;
        flatDiv[parent] += div;
        addSample(nodeTags(tags, parent), labels, value, div, true);
      }
    }
  });
  const links = new GraphLinks();
  for (const [to, e] of edges) links.add({ from: e.from, to, weight: e.weight, weightDiv: e.weightDiv, inline: e.inline, residual: false });
  const nodes = graphNode.map((_, n) => n).filter((n) => flat[n] !== 0 || cum[n] !== 0);
  const f64 = (a: number[]) => Float64Array.from(a);
  const sums: Graph = { flat: f64(flat), flatDiv: f64(flatDiv), cum: f64(cum), cumDiv: f64(cumDiv), edges: null, nodes };
  const infos: NodeInfo[] = graphNode.map((n) => frames.nodes[n]);
  return { sums, frames: { names: graphNode.map((n) => frames.names[n]), nodes: infos }, links, tags };
}

/**
 * Keeps only `kept` of the tree's `nodes`: a dropped node's children hang from its parent instead,
 * by residual edges (inline when both edges were), or become roots when it had none. Returns the
 * nodes kept, in the order given.
 */
export function trimTree(nodes: readonly number[], kept: ReadonlySet<number>, links: GraphLinks): number[] {
  for (const n of nodes) {
    if (kept.has(n)) continue;
    const [up] = [...links.callers(n)];
    const down = [...links.callees(n)];
    if (up === undefined) {
      for (const e of down) links.remove(e);
      continue;
    }
    links.remove(up);
    for (const e of down) {
      links.remove(e);
      const moved: GraphLink = { ...e, from: up.from, residual: true, inline: up.inline && e.inline };
      links.add(moved);
    }
  }
  return nodes.filter((n) => kept.has(n));
}
