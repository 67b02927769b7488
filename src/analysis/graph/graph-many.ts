import type { Profile } from '../../profile/model.js';
import type { FrameTable } from './frames.js';
import { type Checkpoint, type Graph, inBlocks, noCheckpoint, presentNodes } from './graph.js';

/** How many sample indices one walk sums; the loop adds that many values per node, unrolled. */
export const SUMMED_AT_ONCE = 4;

/**
 * The node sums of up to SUMMED_AT_ONCE sample indices (each a column of weights; no divisors, so
 * not under `mean`), as `nodeSums` gives them one at a time, in one walk over the samples. A
 * node's sums for the indices sit side by side: adding a sample's values to a node costs about
 * what adding one does, and four indices took about 1.3 times one walk instead of four.
 */
export function nodeSumsOfEach(
  p: Profile,
  frames: FrameTable,
  weights: readonly Float64Array[],
  exclude: Uint8Array | null,
  checkpoint: Checkpoint = noCheckpoint,
): Graph[] {
  if (weights.length > SUMMED_AT_ONCE) throw new RangeError(`at most ${SUMMED_AT_ONCE} sample indices at once`);
  const K = SUMMED_AT_ONCE,
    nodeCount = frames.nodes.length,
    count = p.samples.count;
  // Each sample's values side by side too, read in order; missing columns stay zero.
  const values = new Float64Array(count * K);
  weights.forEach((w, c) => {
    for (let s = 0; s < count; s++) values[s * K + c] = w[s];
  });
  const flat = new Float64Array(nodeCount * K);
  const cum = new Float64Array(nodeCount * K);
  const seen = new Int32Array(nodeCount).fill(-1);
  inBlocks(count, checkpoint, (from, to) => sumSamplesOfFour(p, frames, values, exclude, from, to, flat, cum, seen));
  return weights.map((_, c) => {
    const column = (sums: Float64Array) => {
      const out = new Float64Array(nodeCount);
      for (let n = 0; n < nodeCount; n++) out[n] = sums[n * K + c];
      return out;
    };
    const f = column(flat),
      cu = column(cum);
    return {
      flat: f,
      flatDiv: new Float64Array(nodeCount),
      cum: cu,
      cumDiv: new Float64Array(nodeCount),
      edges: null,
      nodes: presentNodes(f, cu),
    };
  });
}

/** `sumSamples` (graph.ts) for four values a sample; the columns are arguments for the same reason. */
function sumSamplesOfFour(
  p: Profile,
  frames: FrameTable,
  values: Float64Array,
  exclude: Uint8Array | null,
  from: number,
  to: number,
  flat: Float64Array,
  cum: Float64Array,
  seen: Int32Array,
): void {
  const { locStart, locs } = p.samples;
  const { frameStart, frameNode, soleNode } = frames;
  for (let s = from; s < to; s++) {
    if (exclude !== null && exclude[s] !== 0) continue;
    const start = locStart[s],
      end = locStart[s + 1];
    if (start === end) continue;
    const v = s * 4;
    const a = values[v],
      b = values[v + 1],
      c = values[v + 2],
      d = values[v + 3];
    for (let i = start; i < end; i++) {
      const loc = locs[i];
      let node = soleNode[loc];
      if (node >= 0) {
        if (seen[node] !== s) {
          seen[node] = s;
          addFour(cum, node * 4, a, b, c, d);
        }
        continue;
      }
      for (let f = frameStart[loc]; f < frameStart[loc + 1]; f++) {
        node = frameNode[f];
        if (seen[node] === s) continue;
        seen[node] = s;
        addFour(cum, node * 4, a, b, c, d);
      }
    }
    addFour(flat, frameNode[frameStart[locs[start]]] * 4, a, b, c, d);
  }
}

/** Adds a sample's four values to a node's four sums, from `o`. */
function addFour(sums: Float64Array, o: number, a: number, b: number, c: number, d: number): void {
  sums[o] += a;
  sums[o + 1] += b;
  sums[o + 2] += c;
  sums[o + 3] += d;
}
