import type { FrameTable } from './frames.js';
import type { EdgeTable } from './edges.js';
import type { Graph } from './graph.js';
import { compareGoStrings } from '../values/labels.js';
import { infoTail } from './trim.js';

/** One caller→callee edge of a drawn graph, with its raw weight (and divisor under `mean`). */
export interface GraphLink {
  readonly from: number;
  readonly to: number;
  readonly weight: number;
  readonly weightDiv: number;
  readonly inline: boolean;
  readonly residual: boolean;
}

/**
 * The edges of a graph by node, both ways, so that edges can be dropped (the light ones, the
 * redundant ones) and a node's callers and callees read as they are left.
 */
export class GraphLinks {
  readonly into = new Map<number, Map<number, GraphLink>>();
  readonly outOf = new Map<number, Map<number, GraphLink>>();

  /** The links of an edge table, all of them. */
  static of(table: EdgeTable): GraphLinks {
    const links = new GraphLinks();
    table.forEach((from, to, weight, inline, residual, weightDiv) => links.add({ from, to, weight, weightDiv, inline, residual }));
    return links;
  }

  add(link: GraphLink): void {
    entry(this.into, link.to).set(link.from, link);
    entry(this.outOf, link.from).set(link.to, link);
  }

  remove(link: GraphLink): void {
    this.into.get(link.to)?.delete(link.from);
    this.outOf.get(link.from)?.delete(link.to);
  }

  /** The edges into `node`. */
  callers(node: number): Iterable<GraphLink> {
    return this.into.get(node)?.values() ?? [];
  }

  /** The edges out of `node`. */
  callees(node: number): Iterable<GraphLink> {
    return this.outOf.get(node)?.values() ?? [];
  }

  hasCallers(node: number): boolean {
    return (this.into.get(node)?.size ?? 0) > 0;
  }

  hasCallees(node: number): boolean {
    return (this.outOf.get(node)?.size ?? 0) > 0;
  }

  /**
   * Drops the edges into `nodes` whose |weight| is under `cutoff`; returns how many went. As in
   * pprof, which trims the edges into the graph's nodes only, an edge into a node the graph left
   * out (one a base cancelled to nothing) stays whatever its weight.
   */
  dropLight(cutoff: number, nodes: readonly number[]): number {
    let dropped = 0;
    for (const node of nodes) {
      const edges = this.into.get(node);
      if (!edges) continue;
      for (const link of [...edges.values()]) {
        if (Math.abs(link.weight) >= cutoff) continue;
        this.remove(link);
        dropped++;
      }
    }
    return dropped;
  }
}

function entry(map: Map<number, Map<number, GraphLink>>, key: number): Map<number, GraphLink> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

/** pprof's order of edges: heavier first, then by caller name, then by callee name. */
export function compareLinks(names: readonly string[]): (a: GraphLink, b: GraphLink) => number {
  return (a, b) => {
    if (a.weight !== b.weight) {
      const heavier = Math.abs(b.weight) - Math.abs(a.weight);
      if (heavier !== 0) return heavier;
    }
    return compareGoStrings(names[a.from], names[b.from]) || compareGoStrings(names[a.to], names[b.to]);
  };
}

/**
 * Sorts nodes as pprof sorts a graph it draws: by a score that favours nodes where the weight
 * branches (entry and leaf nodes, and those whose callers or callees share the weight out) over
 * those it merely passes through, then by name, then by |flat|, then by identity.
 */
export function entropyOrder(
  nodes: readonly number[],
  links: GraphLinks,
  sums: Graph,
  frames: Pick<FrameTable, 'names' | 'nodes'>,
): number[] {
  const score = new Map<number, number>();
  for (const n of nodes) score.set(n, absScore(entropyScore(n, links, sums)));
  return [...nodes].sort((a, b) => {
    // Compared, not subtracted: two nodes at the smallest score (-Infinity) tie.
    const [sa, sb] = [score.get(a)!, score.get(b)!];
    if (sa !== sb) return sb > sa ? 1 : -1;
    const byName = compareGoStrings(frames.names[a], frames.names[b]);
    if (byName !== 0) return byName;
    const byFlat = Math.abs(sums.flat[b]) - Math.abs(sums.flat[a]);
    if (byFlat !== 0) return byFlat;
    const [ta, tb] = [infoTail(frames.nodes[a]), infoTail(frames.nodes[b])];
    return ta < tb ? -1 : ta > tb ? 1 : a - b;
  });
}

/** 2^63, the size of the int64 a score is truncated to. */
const INT64_LIMIT = 2 ** 63;

/**
 * A node's score as pprof compares it (|score| as an int64). The score is (in-entropy +
 * out-entropy) × cum + flat, truncated; where a zero-weight edge makes the entropy NaN, Go's
 * conversion gives the smallest int64, whose |x| stays negative: such a node sorts last, or first
 * once its flat moves it off that value.
 */
function absScore(s: { entropy: number; cum: number; flat: number }): number {
  const product = s.entropy * s.cum;
  if (Number.isNaN(product) || Math.abs(product) >= INT64_LIMIT) return s.flat === 0 ? -Infinity : INT64_LIMIT - Math.abs(s.flat);
  return Math.abs(Math.trunc(product) + s.flat);
}

function entropyScore(n: number, links: GraphLinks, sums: Graph): { entropy: number; cum: number; flat: number } {
  const flat = sums.flat[n];
  let entropy = links.hasCallers(n) ? linkEntropy(links.callers(n), 0) : 1;
  entropy += links.hasCallees(n) ? linkEntropy(links.callees(n), flat) : 1;
  return { entropy, cum: sums.cum[n], flat };
}

/** The entropy of how a node's weight splits over `links` (and over its own flat weight, `self`). */
function linkEntropy(links: Iterable<GraphLink>, self: number): number {
  const list = [...links];
  let total = self;
  for (const l of list) if (l.weight > 0) total += Math.abs(l.weight);
  if (total === 0) return 0;
  let score = 0;
  for (const l of list) {
    const share = Math.abs(l.weight) / total;
    score += -share * goLog2(share);
  }
  if (self > 0) {
    const share = Math.abs(self) / total;
    score += -share * goLog2(share);
  }
  return score;
}

/** log2 computed as Go's math.Log2 does (exact for powers of two, else from the mantissa's log). */
function goLog2(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log2(x);
  const { fraction, exponent } = frexp(x);
  if (fraction === 0.5) return exponent - 1;
  return Math.log(fraction) * (1 / Math.LN2) + exponent;
}

/** x = fraction × 2^exponent with fraction in [0.5, 1), for positive finite x. */
function frexp(x: number): { fraction: number; exponent: number } {
  let exponent = Math.max(-1073, Math.floor(Math.log2(x)) + 1);
  let fraction = x * 2 ** -exponent;
  // log2 may be off by one near powers of two; settle the fraction into [0.5, 1).
  while (fraction < 0.5) {
    fraction *= 2;
    exponent--;
  }
  while (fraction >= 1) {
    fraction /= 2;
    exponent++;
  }
  return { fraction, exponent };
}

/**
 * Drops residual edges (those that jump over dropped nodes) when their callee can be reached from
 * their caller another way, lightest first, walking the nodes from last to first: the picture keeps
 * its connections with fewer lines. A node's edges are looked at only up to its first real one.
 */
export function dropRedundantLinks(order: readonly number[], links: GraphLinks, names: readonly string[]): void {
  const byWeight = compareLinks(names);
  for (let i = order.length - 1; i >= 0; i--) {
    const into = [...links.callers(order[i])].sort(byWeight);
    for (let j = into.length - 1; j >= 0; j--) {
      const link = into[j];
      if (!link.residual) break;
      if (reachableWithout(link, links)) links.remove(link);
    }
  }
}

/** Whether `link.from` reaches `link.to` through other edges. */
function reachableWithout(link: GraphLink, links: GraphLinks): boolean {
  const seen = new Set<number>([link.to]);
  const queue = [link.to];
  for (let head = 0; head < queue.length; head++) {
    for (const caller of links.callers(queue[head])) {
      if (caller === link || seen.has(caller.from)) continue;
      if (caller.from === link.from) return true;
      seen.add(caller.from);
      queue.push(caller.from);
    }
  }
  return false;
}
