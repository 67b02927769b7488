import type { Graph } from './graph.js';
import { RecentCache } from './recent-cache.js';
import type { TrimmedGraph } from './trim.js';

/** How many trimmed graphs one cache keeps (report kinds × trim settings a user flips between). */
const TRIMMED_KEPT = 8;

/**
 * The graphs of one prepared report (profile after filters, frames, weights): the node sums, and
 * trimmed graphs by their trim settings. Commands repeated or switched between (`top`, `tree`,
 * `top20`) reuse them instead of walking every sample again.
 */
export class GraphCache {
  private sums: Graph | null = null;
  private readonly trimmedGraphs = new RecentCache<TrimmedGraph>(TRIMMED_KEPT);

  constructor(private readonly computeSums: () => Graph) {}

  /** The untrimmed node sums. */
  nodeSums(): Graph {
    this.sums ??= this.computeSums();
    return this.sums;
  }

  /** Gives the node sums when they were computed elsewhere (with other sample indices, in one walk). */
  seed(sums: Graph): void {
    this.sums ??= sums;
  }

  /** The trimmed graph for `key`, built from the node sums by `build` the first time. */
  trimmed(key: string, build: (sums: Graph) => TrimmedGraph): TrimmedGraph {
    return this.trimmedGraphs.get(key, () => build(this.nodeSums()));
  }
}
