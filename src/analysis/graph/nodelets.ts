import { type GraphTag, type NodeTags, tagCum, tagFlat } from './graph-tags.js';
import { compareGoStrings } from '../values/labels.js';
import { scaleValue, scaledLabel } from '../values/units.js';

/** How many tag boxes a node gets at most, of each kind. */
export const MAX_NODELETS = 4;

/** One tag box beside a node: its name, its weight, and its place in the list (ids count skipped ones). */
export interface Nodelet {
  readonly index: number;
  readonly name: string;
  readonly weight: number;
  /** A cum weight on a node with callees, drawn with a dotted edge. */
  readonly dotted: boolean;
}

/** A string-label box, and the size boxes of the samples that carry those labels. */
export interface LabelNodelet extends Nodelet {
  readonly sizes: readonly Nodelet[];
}

/** A node's boxes: string labels (each with its sizes), and the sizes of samples without labels. */
export interface NodeNodelets {
  readonly labels: readonly LabelNodelet[];
  readonly sizes: readonly Nodelet[];
}

type WeighedTag = Pick<GraphTag, 'name' | 'flat' | 'flatDiv' | 'cum' | 'cumDiv'>;

/**
 * The boxes pprof draws for a node's tags. A node with callees shows flat weights (what it
 * allocated itself); a leaf shows cum weights, which include what dropped callees allocated. The
 * heaviest four label sets are shown; sizes beyond four are gathered into four ranges (`1kB..4kB`)
 * around the heaviest four. Boxes of zero weight are left out, keeping their places.
 */
export function nodeNodelets(tags: NodeTags | undefined, hasCallees: boolean): NodeNodelets {
  if (!tags) return { labels: [], sizes: [] };
  const byNumericGroup = new Map<string, GraphTag[]>();
  for (const [labels, numeric] of tags.numeric) if (numeric.size > 0) byNumericGroup.set(labels, [...numeric.values()]);
  const labels: LabelNodelet[] = [];
  sortTags([...tags.labels.values()], hasCallees)
    .slice(0, MAX_NODELETS)
    .forEach((tag, index) => {
      const weight = hasCallees ? tagFlat(tag) : tagCum(tag);
      if (weight === 0) return;
      const sizes = byNumericGroup.get(tag.name);
      labels.push({ index, name: tag.name, weight, dotted: false, sizes: sizes ? sizeNodelets(sizes, hasCallees) : [] });
    });
  const sizes = byNumericGroup.get('');
  return { labels, sizes: sizes ? sizeNodelets(sizes, hasCallees) : [] };
}

/** pprof's tag order: by |cum| (unless flat) when the cums differ, then by |flat| when the flats differ, then by name. */
function sortTags<T extends WeighedTag>(tags: T[], flat: boolean): T[] {
  return tags.sort((a, b) => {
    if (!flat && a.cum !== b.cum) {
      const byCum = Math.abs(b.cum) - Math.abs(a.cum);
      if (byCum !== 0) return byCum;
    }
    if (a.flat !== b.flat) {
      const byFlat = Math.abs(b.flat) - Math.abs(a.flat);
      if (byFlat !== 0) return byFlat;
    }
    return compareGoStrings(a.name, b.name);
  });
}

function sizeNodelets(tags: GraphTag[], hasCallees: boolean): Nodelet[] {
  const out: Nodelet[] = [];
  collapseSizes(tags, hasCallees).forEach((tag, index) => {
    const flat = tagFlat(tag);
    const cum = tagCum(tag);
    const useFlat = hasCallees || flat === cum;
    const weight = useFlat ? flat : cum;
    if (weight !== 0) out.push({ index, name: tag.name, weight, dotted: !useFlat });
  });
  return out;
}

/**
 * Size tags, at most MAX_NODELETS: the heaviest four each seed a group, every other size joins the
 * group whose seed is nearest in value (the first such), and a group of several is named by its
 * smallest and largest size. Sizes are named in their own best unit here.
 */
function collapseSizes(tags: GraphTag[], hasCallees: boolean): WeighedTag[] {
  const sorted = sortTags(tags, hasCallees);
  if (sorted.length <= MAX_NODELETS) return sorted;
  const groups = sorted.slice(0, MAX_NODELETS).map((t) => [t]);
  for (const tag of sorted.slice(MAX_NODELETS)) {
    let best = 0;
    let bestDistance = sizeDistance(tag, groups[0][0]);
    for (let g = 1; g < groups.length; g++) {
      const d = sizeDistance(tag, groups[g][0]);
      if (d < bestDistance) [best, bestDistance] = [g, d];
    }
    groups[best].push(tag);
  }
  return sortTags(groups.map(groupTag), hasCallees);
}

function sizeDistance(t: GraphTag, seed: GraphTag): number {
  return Math.abs(scaleValue(seed.value, seed.unit, t.unit).value - t.value);
}

function groupTag(group: GraphTag[]): WeighedTag {
  const label = (t: GraphTag) => scaledLabel(t.value, t.unit, 'auto');
  if (group.length === 1) {
    const t = group[0];
    return { name: label(t), flat: tagFlat(t), flatDiv: 0, cum: tagCum(t), cumDiv: 0 };
  }
  let [min, max] = [group[0], group[0]];
  let [flat, flatDiv, cum, cumDiv] = [0, 0, 0, 0];
  for (const [i, t] of group.entries()) {
    if (i > 0 && Math.trunc(scaleValue(t.value, t.unit, min.unit).value) < min.value) min = t;
    if (i > 0 && Math.trunc(scaleValue(t.value, t.unit, max.unit).value) > max.value) max = t;
    flat += t.flat;
    flatDiv += t.flatDiv;
    cum += t.cum;
    cumDiv += t.cumDiv;
  }
  if (flatDiv !== 0) flat = Math.trunc(flat / flatDiv);
  if (cumDiv !== 0) cum = Math.trunc(cum / cumDiv);
  return { name: `${label(min)}..${label(max)}`, flat, flatDiv: 0, cum, cumDiv: 0 };
}
