import type { Profile } from '../../profile/model.js';
import { DIFF_BASE_LABEL } from '../../profile/compose.js';
import type { FrameTable } from './frames.js';
import { type Checkpoint, type SampleWeights, inBlocks } from './graph.js';
import { compareGoStrings, isNumericLabel, isStringLabel } from '../values/labels.js';
import { scaledLabel } from '../values/units.js';

/**
 * The labels a drawn graph shows beside its nodes (pprof's "nodelets"): for each node, the
 * weight of the samples through it per set of string labels, and per value of the `bytes`
 * numeric label (an allocation's size in a heap profile), each flat (the node is the leaf) and
 * cum (the node is anywhere in the stack).
 */
export interface GraphTag {
  /** The printed name: a sample's string labels as `key:value` lines, or a size such as `512B`. */
  readonly name: string;
  /** A numeric tag's unit and value (the first sample's, when several values print alike). */
  readonly unit: string;
  readonly value: number;
  flat: number;
  flatDiv: number;
  cum: number;
  cumDiv: number;
}

/** A node's tags: string-label sets by name, and numeric tags grouped by the string-label set they came with ('' for none). */
export interface NodeTags {
  readonly labels: Map<string, GraphTag>;
  readonly numeric: Map<string, Map<string, GraphTag>>;
}

/** The only numeric label pprof draws. */
const DRAWN_NUMERIC_KEY = 'bytes';

/** What collecting tags needs beyond the samples. */
export interface TagSettings {
  /** The unit of the `bytes` label (numLabelUnits), and the report's unit option numeric tags are named in. */
  readonly bytesUnit: string;
  readonly outputUnit: string;
  readonly checkpoint: Checkpoint;
}

/**
 * Collects the tags of the nodes marked in `nodes`: each sample adds to the cum tags of every
 * marked node in its stack (once), and to the flat tags of its leaf-most frame's node when that
 * one is marked. Numeric tags are named by their value in the report's unit, so values that print
 * alike share a tag.
 */
export function collectNodeTags(
  p: Profile,
  frames: FrameTable,
  w: SampleWeights,
  nodes: Uint8Array,
  s: TagSettings,
): Map<number, NodeTags> {
  const tags = new Map<number, NodeTags>();
  const seen = new Int32Array(frames.nodes.length).fill(-1);
  const { locStart, locs } = p.samples;
  const { frameStart, frameNode } = frames;
  const { weight, divisor, exclude } = w;
  inBlocks(p.samples.count, s.checkpoint, (from, to) => {
    for (let sample = from; sample < to; sample++) {
      if (exclude !== null && exclude[sample] !== 0) continue;
      const value = weight[sample];
      const div = divisor !== null ? divisor[sample] : 0;
      const start = locStart[sample],
        end = locStart[sample + 1];
      if (start === end || (value === 0 && div === 0)) continue;
      let labels: SampleLabels | null = null;
      const add = (node: number, flat: boolean) => {
        labels ??= sampleLabels(p, sample, s);
        addSample(nodeTags(tags, node), labels, value, div, flat);
      };
      for (let i = start; i < end; i++) {
        for (let f = frameStart[locs[i]]; f < frameStart[locs[i] + 1]; f++) {
          const node = frameNode[f];
          if (nodes[node] === 0 || seen[node] === sample) continue;
          seen[node] = sample;
          add(node, false);
        }
      }
      const leaf = frameNode[frameStart[locs[start]]];
      if (nodes[leaf] !== 0) add(leaf, true);
    }
  });
  return tags;
}

/** A sample's string labels joined as pprof joins them, and its `bytes` values with their names. */
export interface SampleLabels {
  readonly joined: string;
  readonly sizes: readonly { readonly name: string; readonly unit: string; readonly value: number }[];
}

/** Sample `sample`'s labels as the graph's tags read them. */
export function sampleLabels(p: Profile, sample: number, s: TagSettings): SampleLabels {
  const ss = p.samples;
  const pairs: string[] = [];
  const sizes: { name: string; unit: string; value: number }[] = [];
  for (let i = ss.labelStart[sample]; i < ss.labelStart[sample + 1]; i++) {
    const key = p.strings[ss.labelKey[i]];
    // The label marking a -diff_base profile's samples is not drawn.
    if (isStringLabel(ss, i) && key !== DIFF_BASE_LABEL) pairs.push(`${key}:${p.strings[ss.labelStr[i]]}`);
    else if (isNumericLabel(ss, i) && key === DRAWN_NUMERIC_KEY) {
      sizes.push({ name: scaledLabel(ss.labelNum[i], s.bytesUnit, s.outputUnit), unit: s.bytesUnit, value: ss.labelNum[i] });
    }
  }
  // Joined with a backslash-n, the DOT escape for a new line.
  return { joined: pairs.sort(compareGoStrings).join('\\n'), sizes };
}

/** Node `node`'s tags in `all`, made empty the first time. */
export function nodeTags(all: Map<number, NodeTags>, node: number): NodeTags {
  let t = all.get(node);
  if (!t) all.set(node, (t = { labels: new Map(), numeric: new Map() }));
  return t;
}

/** Adds one sample's weight (flat or cum) to a node's tags. */
export function addSample(t: NodeTags, labels: SampleLabels, value: number, div: number, flat: boolean): void {
  if (labels.joined !== '') addTo(findOrAdd(t.labels, labels.joined, '', 0), value, div, flat);
  let numeric = t.numeric.get(labels.joined);
  if (!numeric) t.numeric.set(labels.joined, (numeric = new Map()));
  for (const size of labels.sizes) addTo(findOrAdd(numeric, size.name, size.unit, size.value), value, div, flat);
}

function findOrAdd(tags: Map<string, GraphTag>, name: string, unit: string, value: number): GraphTag {
  let tag = tags.get(name);
  if (!tag) tags.set(name, (tag = { name, unit, value, flat: 0, flatDiv: 0, cum: 0, cumDiv: 0 }));
  return tag;
}

function addTo(tag: GraphTag, value: number, div: number, flat: boolean): void {
  if (flat) {
    tag.flat += value;
    tag.flatDiv += div;
  } else {
    tag.cum += value;
    tag.cumDiv += div;
  }
}

/** Drops the tags whose |flat| and |cum| are both under `cutoff`, as pprof trims them with the nodes' cutoff. */
export function trimTags(t: NodeTags, cutoff: number): NodeTags {
  const keep = (tags: Map<string, GraphTag>) =>
    new Map([...tags].filter(([, g]) => Math.abs(g.flat) >= cutoff || Math.abs(g.cum) >= cutoff));
  return { labels: keep(t.labels), numeric: new Map([...t.numeric].map(([k, tags]) => [k, keep(tags)])) };
}

/** How many tags with a flat weight a node has: what pprof counts as extra boxes when it picks the nodes to draw. */
export function flatTagCount(t: NodeTags | undefined): number {
  if (!t) return 0;
  let count = 0;
  for (const tag of t.labels.values()) if (tag.flat !== 0) count++;
  for (const tags of t.numeric.values()) for (const tag of tags.values()) if (tag.flat !== 0) count++;
  return count;
}

/** A tag's flat value, divided under `mean`. */
export const tagFlat = (t: Pick<GraphTag, 'flat' | 'flatDiv'>) => (t.flatDiv === 0 ? t.flat : Math.trunc(t.flat / t.flatDiv));

/** A tag's cum value, divided under `mean`. */
export const tagCum = (t: Pick<GraphTag, 'cum' | 'cumDiv'>) => (t.cumDiv === 0 ? t.cum : Math.trunc(t.cum / t.cumDiv));
