import { loadProfileFile } from '../dist/profile/load.js';
import { buildFrameTable } from '../dist/analysis/frames.js';
const p = loadProfileFile(process.argv[2]);
const frames = buildFrameTable(p, 'functions', false);
const n = p.samples.count, k = p.samples.valuesPerSample;
const weight = new Float64Array(n); for (let s = 0; s < n; s++) weight[s] = p.samples.values[s*k + 3];
const { locStart, locs, count } = p.samples;
const { frameStart, frameNode, frameInline } = frames;
const N = frames.nodes.length;
const cap = 65536, mask = cap - 1;
const ints = new Int32Array(cap * 4).fill(-1); const dbl = new Float64Array(cap);
const lastCaller = new Int32Array(N).fill(-1), lastSlot = new Int32Array(N);
function walkPacked(memo) {
  let c = 0, hits = 0, probes = 0;
  for (let s = 0; s < count; s++) {
    const value = weight[s]; if (value === 0) continue;
    let parent = -1;
    for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
      const loc = locs[i];
      for (let f = frameStart[loc + 1] - 1; f >= frameStart[loc]; f--) {
        const node = frameNode[f];
        if (parent >= 0 && parent !== node) {
          let slot;
          if (memo && lastCaller[node] === parent) { slot = lastSlot[node]; hits++; }
          else {
          slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(node, 0x85ebca6b)) & mask;
          for (;;) { const b = slot << 2; const cc = ints[b]; probes++;
            if (cc === parent && ints[b+1] === node) break;
            if (cc === -1) { ints[b] = parent; ints[b+1] = node; ints[b+2] = -1; ints[b+3] = 0; break; }
            slot = (slot + 1) & mask; }
          if (memo) { lastCaller[node] = parent; lastSlot[node] = slot; }
          }
          const b = slot << 2;
          if (ints[b+2] !== s) { ints[b+2] = s; dbl[slot] += value; ints[b+3] |= frameInline[f] ? 0 : 1; c++; }
        }
        parent = node;
      }
    }
  }
  return [c, hits, probes];
}
function walk() {
  let c = 0;
  for (let s = 0; s < count; s++) {
    const value = weight[s]; if (value === 0) continue;
    let parent = -1;
    for (let i = locStart[s + 1] - 1; i >= locStart[s]; i--) {
      const loc = locs[i];
      for (let f = frameStart[loc + 1] - 1; f >= frameStart[loc]; f--) {
        const node = frameNode[f];
        if (parent >= 0 && parent !== node) c++;
        parent = node;
      }
    }
  }
  return c;
}
for (let r = 0; r < 3; r++) {
  let t = performance.now(); const e = walk(); const a = performance.now() - t;
  t = performance.now(); const x = walkPacked(false); const b = performance.now() - t;
  t = performance.now(); const y = walkPacked(true); const c = performance.now() - t;
  console.log('edges', e, 'walk only', a.toFixed(0), 'packed', b.toFixed(0), x, 'memo', c.toFixed(0), y);
}
