// Turns the call graph into heap-profile samples: a random walk gives the
// stack, the leaf allocation site gives block size and hotness, and the
// values are scaled the way Go's runtime/pprof scales sampled allocations.

const RATE = 524288; // runtime.MemProfileRate default; also the profile's period
const MAX_FRAMES = 60;

/** Walks one stack of at most about `maxFrames` frames; returns site indices leaf first (the order profile.proto wants). */
export function walkStack(graph, rnd, maxFrames = MAX_FRAMES) {
  const { funcs, sites, dist, entries } = graph;
  const path = [graph.goexitSite];
  let frames = 1;
  let f = funcs[entries[rnd.zipf(entries.length, 1.3)].idx];
  for (;;) {
    // Near the depth cap, head straight for the closest allocation.
    // Each call adds up to 3 frames (inlining), hence the factor.
    const greedy = frames + 3 * (dist[f.idx] + 1) >= maxFrames;
    const stopHere = f.edges.length === 0 || greedy || rnd.chance(f.kind === 'app' ? 0.04 : 0.3);
    if (f.alloc && stopHere) {
      path.push(f.allocSites[rnd.zipf(f.allocSites.length, 1.0)]);
      break;
    }
    let edge;
    if (greedy) {
      edge = f.edges[0];
      for (const e of f.edges) if (dist[e.callee] < dist[edge.callee]) edge = e;
    } else if (f.self >= 0 && rnd.chance(0.6)) {
      edge = f.edges[f.self];
    } else if (f.kind === 'app') {
      edge = f.edges[rnd.zipf(f.edges.length, 0.8)];
    } else if (f.fanout) {
      edge = f.edges[rnd.int(0, f.edges.length - 1)];
    } else {
      // Library/entry chains list their main path first; side exits are rarer.
      edge = f.edges[rnd.zipf(f.edges.length, 2.0)];
    }
    path.push(edge.site);
    const inl = sites[edge.site].inline;
    frames += 1 + (inl ? inl.length : 0);
    f = funcs[edge.callee];
  }
  return path.reverse();
}

/** Go's scaleHeapSample: undoes the sampling bias for blocks of `size` bytes. */
function scale(count, size) {
  if (count === 0) return [0, 0];
  const s = 1 / (1 - Math.exp(-size / RATE));
  return [Math.floor(count * s), Math.floor(count * size * s)];
}

/**
 * Values [alloc_objects, alloc_space, inuse_objects, inuse_space] and block
 * size for a sample whose leaf is `site`. The sampled object count is heavy
 * tailed and multiplied by the site's hotness, so a few sites dominate.
 */
export function sampleValues(site, rnd) {
  const size = rnd.chance(0.75) ? site.size : site.size * rnd.int(1, 4);
  const count = Math.max(1, Math.min(1e6, Math.round(site.hot * rnd.pareto(1.6) * 0.6)));
  let live;
  const r = rnd.next();
  if (r < 0.35)
    live = 0; // all freed: shows in alloc_* only
  else if (r < 0.55)
    live = count; // leaked: nothing freed
  else live = Math.floor(count * rnd.next());
  const [ao, as] = scale(count, size);
  const [io, is] = scale(live, size);
  return { value: [ao, as, io, is], size };
}

export { RATE };
