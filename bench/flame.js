#!/usr/bin/env node
// The console's `flame` graph on the generated profiles: what the session computes and posts to
// the console's thread. For each size and sample type: `flameTree` at a 100-column screen's
// pruning (what `flame` runs) against building the whole tree and pruning it afterwards
// (`flameTree(r)` + `pruneFlameTree`), the frames kept, the bytes the worker posts
// (v8.serialize, as postMessage copies it), and that both trees are equal. Runs in
// one process per size; medians of --runs (3).
//
//   npm run build && node bench/flame.js                   small, medium and large
//   node bench/flame.js --sizes=large --runs=1 --whole=false   skip the slow whole tree
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(join(ROOT, 'dist', path));
const { ProfileAnalysis } = await dist('analysis/analysis.js');
const { pruneFlameTree, countFrames } = await dist('analysis/flame-tree.js');
const { flameTree } = await dist('analysis/flame-build.js');
const { DEFAULT_OPTIONS } = await dist('analysis/options.js');
const { loadProfileFile } = await dist('host/profile-file.js');
const { FLAME_ZOOM_DETAIL } = await dist('commands/report-flame.js');

const opt = { sizes: ['small', 'medium', 'large'], runs: 3, whole: true };
for (const a of process.argv.slice(2)) {
  const [k, v = ''] = a.replace(/^--/, '').split('=');
  if (k === 'sizes') opt.sizes = v.split(',');
  else if (k === 'runs') opt.runs = Number(v);
  else if (k === 'whole') opt.whole = v !== 'false';
}
const fraction = 1 / (100 * FLAME_ZOOM_DETAIL);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = (fn) => {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
};

console.log('| size | sample type | flame (pruned) ms | whole + prune ms | frames sent | of | bytes sent | same tree |');
console.log('|---|---|---|---|---|---|---|---|');
for (const size of opt.sizes) {
  const file = join(ROOT, 'bench/out', `${size}.pb.gz`);
  if (!existsSync(file)) {
    console.error(`${file} is missing: node bench/generate.js ${size}`);
    continue;
  }
  const analysis = new ProfileAnalysis(loadProfileFile(file));
  for (const index of ['inuse_space', 'alloc_space']) {
    const r = analysis.prepare({ ...DEFAULT_OPTIONS, sample_index: index });
    const pruned = Array.from({ length: opt.runs }, () => timed(() => flameTree(r, fraction)));
    const tree = pruned[0].value;
    let wholeMs = 'skipped',
      of = '',
      same = '';
    if (opt.whole) {
      const whole = Array.from({ length: opt.runs }, () => timed(() => flameTree(r)));
      const prune = timed(() => pruneFlameTree(whole[0].value, fraction));
      wholeMs = (median(whole.map((w) => w.ms)) + prune.ms).toFixed(0);
      of = String(countFrames(whole[0].value.root));
      same = JSON.stringify(prune.value) === JSON.stringify(tree) ? 'yes' : 'NO';
    }
    console.log(
      `| ${size} | ${index} | ${median(pruned.map((p) => p.ms)).toFixed(0)} | ${wholeMs} | ${countFrames(tree.root)} | ${of} | ${serialize(tree).length} | ${same} |`,
    );
  }
}
