import { loadProfileFile } from '../dist/profile/load.js';
import { buildFrameTable } from '../dist/analysis/frames.js';
import { nodeSums } from '../dist/analysis/graph.js';
const p = loadProfileFile(process.argv[2]);
const frames = buildFrameTable(p, 'functions', false);
const n = p.samples.count, k = p.samples.valuesPerSample;
const idx = Number(process.argv[3] ?? 3);
const weight = new Float64Array(n); for (let s = 0; s < n; s++) weight[s] = p.samples.values[s*k + idx];
const w = { weight, divisor: null, exclude: null };
const { locStart, locs, count } = p.samples;
const { frameStart, frameNode } = frames;
const N = frames.nodes.length;
// single-node-per-location fast path
const locNode = new Int32Array(p.locations.count);
for (let l = 0; l < p.locations.count; l++) locNode[l] = frameStart[l+1] - frameStart[l] === 1 ? frameNode[frameStart[l]] : -1;
function v2() {
  const cum = new Float64Array(N), flat = new Float64Array(N), seen = new Int32Array(N).fill(-1);
  for (let s = 0; s < count; s++) {
    const value = weight[s]; if (value === 0) continue;
    const a = locStart[s], b = locStart[s+1];
    for (let i = a; i < b; i++) {
      const loc = locs[i]; const one = locNode[loc];
      if (one >= 0) { if (seen[one] !== s) { seen[one] = s; cum[one] += value; } }
      else for (let f = frameStart[loc]; f < frameStart[loc+1]; f++) { const node = frameNode[f]; if (seen[node] !== s) { seen[node] = s; cum[node] += value; } }
    }
    const leaf = locs[a]; flat[leaf >= 0 ? frameNode[frameStart[leaf]] : 0] += value;
  }
  return cum;
}
let nz = 0; for (let s = 0; s < n; s++) if (weight[s] !== 0) nz++;
console.log('nonzero samples', nz, 'frames', frameNode.length, 'multi-frame locs', locNode.filter(x => x < 0).length);
for (let r = 0; r < 4; r++) {
  let t = performance.now(); nodeSums(p, frames, w); const a = performance.now() - t;
  t = performance.now(); v2(); const b = performance.now() - t;
  console.log('nodeSums', a.toFixed(0), 'v2', b.toFixed(0));
}
function v3() { let c = 0;
  for (let s = 0; s < count; s++) {
    const value = weight[s]; if (value === 0) continue;
    const a = locStart[s], b = locStart[s+1];
    for (let i = a; i < b; i++) c += locNode[locs[i]];
  } return c; }
function v4() { let c = 0;
  for (let i = 0; i < locs.length; i++) c += locNode[locs[i]];
  return c; }
function v5() { let c = 0;
  for (let i = 0; i < locs.length; i++) c += locs[i];
  return c; }
for (let r = 0; r < 4; r++) {
  let t = performance.now(); v3(); const a = performance.now() - t;
  t = performance.now(); v4(); const b = performance.now() - t;
  t = performance.now(); v5(); const c = performance.now() - t;
  console.log('v3 persample', a.toFixed(0), 'v4 flat', b.toFixed(0), 'v5 seq', c.toFixed(0), locs.length, locs.constructor.name, locNode.length);
}
