#!/usr/bin/env node
// A random differential sweep against `go tool pprof` (needs Go; run after `npm run build`):
// draws cases from the test and realworld profiles, runs each through heapcli and pprof, and
// compares stdout and whether the exit status is zero. Cases that differ are written to --out
// (heapcli's and pprof's stdout and stderr) and listed; the goldens (scripts/update-goldens.sh)
// are where a difference found here ends up once it is fixed.
//
//   node scripts/parity-sweep.js [--mode=oneshot|console|base] [--seed=1] [--cases=200] [--out=DIR]
//
//   oneshot  a report flag and up to three option flags on one profile
//   console  2 to 5 console lines then `top`, piped to both consoles
//   base     a report flag and options on a profile with -base or -diff_base of its pair
//
// Known differences it will list (README, "Beyond pprof" and the parity notes): `list` finding
// standard-library sources through the local GOROOT, Go's legacy text heaps (heapcli names their
// frames), `disasm`, call_tree tie order, orders pprof takes from Go's map order, and `-dot` with
// -drop_negative, -mean and a base together (pprof orders nodes by edges into nodes it dropped).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRandom } from '../bench/lib/prng.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HEAPCLI = join(ROOT, 'bin/heapcli.js');
const T = (name) => join(ROOT, 'testdata/profiles', name);
const R = (name) => join(ROOT, 'testdata/realworld', name);

const REPORTS = ['-top', '-top -cum', '-traces', '-tags', '-peek=.', '-peek=main', '-tree', '-raw', '-text', '-dot', '-callgrind'];
const OPTIONS = [
  '-lines',
  '-files',
  '-addresses',
  '-filefunctions',
  '-noinlines',
  '-nodecount=5',
  '-nodefraction=0',
  '-edgefraction=0',
  '-unit=MB',
  '-unit=kb',
  '-unit=B',
  '-focus=main',
  '-ignore=runtime',
  '-hide=runtime',
  '-show=main',
  '-show_from=main',
  '-prune_from=runtime',
  '-tagroot=bytes',
  '-tagleaf=bytes',
  '-tagfocus=1kb:',
  '-tagignore=bytes=4096',
  '-mean',
  '-trim=false',
  '-relative_percentages',
  '-compact_labels',
  '-divide_by=3',
  '-drop_negative',
  '-sample_index=0',
  '-sample_index=1',
  '-sample_index=alloc_space',
  '-sample_index=inuse_objects',
  '-cum',
  '-flat',
];
const LINES = [
  'top',
  'top5',
  'top -cum',
  'top10 -cum main',
  'peek main',
  'tree',
  'traces',
  'raw',
  'o',
  'help top',
  'sample_index=0',
  'sample_index=alloc_space',
  'nodecount=3',
  'unit=mb',
  'focus=main',
  'focus=',
  'hide=runtime',
  'ignore=runtime',
  'granularity=lines',
  'granularity=files',
  'cum=true',
  'mean=true',
  'noinlines=true',
  'trim=false',
  'top -focus=sync',
  'peek .',
  'tagfocus=bytes:1kb:',
  'relative_percentages=true',
  'divide_by=1024',
  'sort=cum',
  'show_from=main',
  'prune_from=runtime',
  'top -show=main',
  'dot',
  'sample_index=bogus',
  'frobnicate',
  'top -',
  ':',
  'lines=true',
];
const PAIRS = [
  [T('httpleak.heap.pb.gz'), T('httpleak.base.pb.gz')],
  [T('leakybuf.heap.pb.gz'), T('leakybuf.base.pb.gz')],
  [T('recurse.heap.pb.gz'), T('recurse.base.pb.gz')],
  [R('ddtrace-heap.after.pprof'), R('ddtrace-heap.before.pprof')],
  [R('cortex-heap2.out'), R('cortex-heap.out')],
];

function parseArgs(argv) {
  const opt = { mode: 'oneshot', seed: 1, cases: 200, out: null };
  for (const a of argv) {
    const [k, v = ''] = a.replace(/^--/, '').split('=');
    if (k === 'mode' && ['oneshot', 'console', 'base'].includes(v)) opt.mode = v;
    else if (k === 'seed' || k === 'cases') opt[k] = Number(v);
    else if (k === 'out') opt.out = v;
    else throw new Error(`unknown argument ${a} (see the header of scripts/parity-sweep.js)`);
  }
  return opt;
}

function profiles() {
  const dir = (d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => !f.endsWith('.md'))
      .map((f) => join(ROOT, d, f));
  return [...dir('testdata/realworld'), ...dir('testdata/profiles').filter((f) => f.endsWith('.pb.gz'))];
}

/** One case: the arguments both tools get, and the console input if any. */
function drawCase(rnd, mode, all) {
  const some = (list, max) => Array.from({ length: rnd.int(0, max) }, () => rnd.pick(list));
  if (mode === 'console') {
    const lines = [...Array.from({ length: rnd.int(2, 5) }, () => rnd.pick(LINES)), 'top'];
    return { args: [rnd.pick(all)], input: lines.join('\n') + '\n' };
  }
  const flags = [...rnd.pick(REPORTS).split(' '), ...new Set(some(OPTIONS, 3))];
  if (mode === 'oneshot') return { args: [...flags, rnd.pick(all)], input: '' };
  const [a, b] = rnd.chance(0.5) ? rnd.pick(PAIRS) : [...rnd.pick(PAIRS)].reverse();
  return { args: [...flags, `${rnd.chance(0.5) ? '-base' : '-diff_base'}=${b}`, a], input: '' };
}

function run(cmd, args, input, cwd) {
  const env = { ...process.env, TZ: 'UTC', HEAPCLI_HISTORY: 'off' };
  const r = spawnSync(cmd, args, { input, cwd, env, maxBuffer: 512 * 1024 * 1024, timeout: 120_000 });
  return { stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr ?? Buffer.alloc(0), ok: r.status === 0 };
}

function main() {
  const opt = parseArgs(process.argv.slice(2));
  const rnd = makeRandom(opt.seed);
  const out = opt.out ?? mkdtempSync(join(tmpdir(), 'heapcli-sweep-'));
  mkdirSync(out, { recursive: true });
  // Both tools run in a scratch folder: console reports that make files write them there.
  const cwd = mkdtempSync(join(tmpdir(), 'heapcli-sweep-cwd-'));
  const all = profiles();
  let differ = 0;
  for (let i = 0; i < opt.cases; i++) {
    const c = drawCase(rnd, opt.mode, all);
    const h = run(process.execPath, [HEAPCLI, ...c.args], c.input, cwd);
    const g = run('go', ['tool', 'pprof', ...c.args], c.input, cwd);
    if (h.stdout.equals(g.stdout) && h.ok === g.ok) continue;
    differ++;
    const name = `case${String(i).padStart(4, '0')}`;
    for (const [tool, r] of [
      ['heapcli', h],
      ['pprof', g],
    ])
      writeFileSync(join(out, `${name}.${tool}`), Buffer.concat([r.stdout, Buffer.from('\n--stderr--\n'), r.stderr]));
    const shown = c.args.map((a) => a.replace(ROOT + '/', '')).join(' ');
    console.log(`${name}: ${h.ok ? 'ok' : 'failed'}/${g.ok ? 'ok' : 'failed'} ${shown}${c.input ? ` <<< ${JSON.stringify(c.input)}` : ''}`);
  }
  console.log(`${opt.cases} ${opt.mode} cases (seed ${opt.seed}), ${differ} differ; outputs in ${out}`);
}

main();
