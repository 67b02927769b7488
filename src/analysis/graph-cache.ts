import type { Graph } from './graph.js';
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
  private readonly trimmedGraphs = new Map<string, TrimmedGraph>();

  constructor(private readonly computeSums: () => Graph) {}

  /** The untrimmed node sums. */
  nodeSums(): Graph {
    this.sums ??= this.computeSums();
    return this.sums;
  }

  /** The trimmed graph for `key`, built from the node sums by `build` the first time. */
  trimmed(key: string, build: (sums: Graph) => TrimmedGraph): TrimmedGraph {
    let graph = this.trimmedGraphs.get(key);
    if (!graph) {
      graph = build(this.nodeSums());
      if (this.trimmedGraphs.size >= TRIMMED_KEPT) this.trimmedGraphs.delete(this.trimmedGraphs.keys().next().value!);
      this.trimmedGraphs.set(key, graph);
    }
    return graph;
  }
}
