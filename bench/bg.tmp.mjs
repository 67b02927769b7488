import { loadProfileFile } from '../dist/profile/load.js';
import { buildFrameTable } from '../dist/analysis/frames.js';
import { buildGraph } from '../dist/analysis/graph.js';
const p = loadProfileFile(process.argv[2]);
const frames = buildFrameTable(p, 'functions', false);
const n = p.samples.count, k = p.samples.valuesPerSample;
const weight = new Float64Array(n); for (let s = 0; s < n; s++) weight[s] = p.samples.values[s*k + 3];
const w = { weight, divisor: null, exclude: null };
for (let i = 0; i < 4; i++) {
  let t = performance.now(); const g = buildGraph(p, frames, w, null, false); const a = performance.now() - t;
  t = performance.now(); const g2 = buildGraph(p, frames, w, null, true); const b = performance.now() - t;
  console.log('nodes', g.nodes.length, 'edges', g2.edges.size, 'sums', a.toFixed(0), 'with edges', b.toFixed(0));
}
