import type { Graph } from './graph.js';

/** One caller or callee of a node: the node at the other end and the edge that joins them. */
export interface ContextEdge {
  /** The node at the other end (the caller in `callers`, the callee in `callees`). */
  readonly node: number;
  /** The edge's raw weight: pprof prints edges undivided even under `mean`. */
  readonly weight: number;
  /** Every sample through this edge entered the callee through an inlined frame. */
  readonly inline: boolean;
  /** The edge jumps over nodes that trimming dropped (pprof collects it but does not mark it). */
  readonly residual: boolean;
}

/** The callers and callees of one node, each list in pprof's edge order. */
export interface NodeContext {
  readonly callers: readonly ContextEdge[];
  readonly callees: readonly ContextEdge[];
}

/**
 * The callers and callees of the graph's nodes: edges into a node of the graph whose |weight| is
 * under `edgeCutoff` are dropped, as pprof trims low-frequency edges before printing (only those
 * into its nodes: an edge into a node the graph left out, one a base cancelled, stays). Each list
 * is sorted as pprof sorts edges: heavier first, then by caller name, then by callee name. A node
 * without edges gets empty lists.
 */
export function callContexts(graph: Graph, names: readonly string[], edgeCutoff: number): (node: number) => NodeContext {
  const callers = new Map<number, ContextEdge[]>();
  const callees = new Map<number, ContextEdge[]>();
  const push = (map: Map<number, ContextEdge[]>, key: number, edge: ContextEdge) => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  const inGraph = new Uint8Array(names.length);
  for (const n of graph.nodes) inGraph[n] = 1;
  graph.edges?.forEach((caller, callee, weight, inline, residual) => {
    if (Math.abs(weight) < edgeCutoff && inGraph[callee]) return;
    push(callers, callee, { node: caller, weight, inline, residual });
    push(callees, caller, { node: callee, weight, inline, residual });
  });
  // Sorted on first use: peek asks for a handful of nodes out of an untrimmed graph.
  const contexts = new Map<number, NodeContext>();
  return (node) => {
    let context = contexts.get(node);
    if (!context) {
      context = {
        callers: sortEdges(
          callers.get(node) ?? [],
          (e) => names[e.node],
          () => names[node],
        ),
        callees: sortEdges(
          callees.get(node) ?? [],
          () => names[node],
          (e) => names[e.node],
        ),
      };
      contexts.set(node, context);
    }
    return context;
  };
}

/**
 * pprof's edge order: by |weight| descending when the weights differ, then caller name, then callee
 * name. (pprof leaves w and -w unordered; here they fall through to the names, so the order is
 * stable.)
 */
function sortEdges(edges: ContextEdge[], from: (e: ContextEdge) => string, to: (e: ContextEdge) => string): ContextEdge[] {
  return edges.sort((a, b) => {
    const byWeight = Math.abs(b.weight) - Math.abs(a.weight);
    if (byWeight !== 0) return byWeight;
    return compareStrings(from(a), from(b)) || compareStrings(to(a), to(b));
  });
}

/** Code-unit order, as the node sort uses: Go's byte order for the names profiles carry, never the locale's. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
