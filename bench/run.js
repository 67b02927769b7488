#!/usr/bin/env node
// Benchmarks `node bin/heapcli.js -top` against `go tool pprof -top` on the
// generated corpus, as whole processes, alternating the two in one run.
// Usage: node bench/run.js [--runs=N] [--sizes=small,medium,large|N,...]
//   [--cases=top,alloc] [--heapcli-cmd="..."] [--pprof-cmd="..."]
//   [--rss=auto|time|python|none] [--regen]
// The table goes to stdout; progress and per-run numbers go to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIZES, outPath, sampleCountOf } from './generate.js';
import { capture, detectRssMethod, firstDifference, measure, median } from './lib/measure.js';
import { printReport } from './lib/report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CASES = { top: ['-top'], alloc: ['-top', '-sample_index=alloc_space'] };
const log = (msg) => process.stderr.write(msg + '\n');

function parseArgs(argv) {
  const opt = { runs: null, sizes: Object.keys(SIZES), cases: Object.keys(CASES), rss: 'auto', regen: false };
  for (const a of argv) {
    const [k, v = ''] = a.replace(/^--/, '').split(/=(.*)/s);
    if (k === 'runs') opt.runs = Number(v);
    else if (k === 'sizes') opt.sizes = v.split(',').filter(Boolean);
    else if (k === 'cases') opt.cases = v.split(',').filter(Boolean);
    else if (k === 'heapcli-cmd') opt.heapcliCmd = v.trim().split(/\s+/);
    else if (k === 'pprof-cmd') opt.pprofCmd = v.trim().split(/\s+/);
    else if (k === 'rss') opt.rss = v;
    else if (k === 'regen') opt.regen = true;
    else throw new Error(`unknown option ${a} (see the header of bench/run.js)`);
  }
  if (opt.runs !== null && !(Number.isInteger(opt.runs) && opt.runs > 0)) throw new Error('--runs wants a positive integer');
  for (const c of opt.cases) if (!CASES[c]) throw new Error(`unknown case ${c}: use ${Object.keys(CASES).join(', ')}`);
  for (const s of opt.sizes) sampleCountOf(s); // throws on a bad size
  if (!['auto', 'time', 'python', 'none'].includes(opt.rss)) throw new Error('--rss wants auto, time, python or none');
  return opt;
}

// The default pprof is `go tool pprof`, present only with a Go toolchain.
function defaultPprof() {
  const r = spawnSync('go', ['version'], { stdio: 'ignore' });
  return r.status === 0 ? ['go', 'tool', 'pprof'] : null;
}

function ensureCorpus(size, regen) {
  const file = outPath(size);
  if (existsSync(file) && !regen) return file;
  log(`generating ${relative(ROOT, file)} ...`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/generate.js'), size, file], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`could not generate the ${size} profile (is dist/ built? run \`npm run build\`)`);
  return file;
}

function parity(heapcli, pprof, file) {
  if (!pprof) return 'parity: skipped (no go on PATH)';
  const a = capture([...heapcli, '-top', file], ROOT);
  if (!a.ok) return `parity: heapcli failed (${a.reason})`;
  const b = capture([...pprof, '-top', file], ROOT);
  if (!b.ok) return `parity: pprof failed (${b.reason})`;
  const d = firstDifference(a.stdout, b.stdout);
  if (!d) return 'parity: identical';
  return `parity: DIFFERS (first differing line: ${d.line}: heapcli ${JSON.stringify(d.heapcli)} vs pprof ${JSON.stringify(d.pprof)})`;
}

// Alternates the tools run by run so drift (thermal, page cache, noisy
// neighbours) hits both alike. A tool that fails once is not run again.
function timeCase(tools, file, args, runs, rss, label) {
  const results = tools.map((t) => ({ name: t.name, runs: [], failure: t.cmd ? null : 'not available' }));
  for (let i = 0; i < runs; i++) {
    tools.forEach((t, k) => {
      const res = results[k];
      if (res.failure) return;
      const m = measure([...t.cmd, ...args, ...(file ? [file] : [])], rss, ROOT);
      if (!m.ok) {
        res.failure = m.reason;
        log(`  ${label} ${t.name}: FAILED (${m.reason})`);
        return;
      }
      res.runs.push(m);
      const mem = m.rssMiB === null ? 'n/a' : `${m.rssMiB.toFixed(1)} MiB`;
      log(`  ${label} ${t.name} run ${i + 1}/${runs}: ${m.seconds.toFixed(3)} s, ${mem}`);
    });
  }
  return results.map((r) => summarize(r));
}

function summarize(r) {
  if (r.failure || r.runs.length === 0) return { ...r, seconds: null, rssMiB: null };
  const rss = r.runs.map((m) => m.rssMiB).filter((x) => x !== null);
  return { ...r, seconds: median(r.runs.map((m) => m.seconds)), rssMiB: rss.length ? Math.max(...rss) : null };
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const heapcli = opt.heapcliCmd ?? [process.execPath, join(ROOT, 'bin/heapcli.js')];
  const pprof = opt.pprofCmd ?? defaultPprof();
  const rss = detectRssMethod(opt.rss);
  log(`peak RSS via: ${rss}; heapcli: ${heapcli.join(' ')}; pprof: ${pprof ? pprof.join(' ') : 'none (go not on PATH)'}`);

  const files = Object.fromEntries(opt.sizes.map((s) => [s, ensureCorpus(s, opt.regen)]));
  const baselineRuns = Math.max(opt.runs ?? 5, 5);
  const [baseline] = timeCase([{ name: 'node -e 0', cmd: [process.execPath, '-e', '0'] }], null, [], baselineRuns, rss, 'baseline');
  if (pprof) {
    log('warming up pprof (untimed) ...');
    capture([...pprof, '-top', files[opt.sizes[0]]], ROOT);
  }

  const rows = [];
  const parityLines = [];
  for (const size of opt.sizes) {
    const file = files[size];
    log(`${size}: checking parity ...`);
    const p = parity(heapcli, pprof, file);
    log(`${size}: ${p}`);
    parityLines.push(`${size}: ${p}`);
    const runs = opt.runs ?? (sampleCountOf(size) >= 200000 ? 3 : 5);
    for (const c of opt.cases) {
      const tools = [{ name: 'heapcli', cmd: heapcli }, { name: 'pprof', cmd: pprof }];
      const [h, g] = timeCase(tools, file, CASES[c], runs, rss, `${size} ${c}`);
      rows.push({ size, samples: sampleCountOf(size), fileBytes: statSync(file).size, case: c, runs, heapcli: h, pprof: g });
    }
  }
  printReport({ baseline, rows, parityLines, rss, heapcli, pprof });
}

main().catch((err) => {
  log(`bench: ${err.message}`);
  process.exit(1);
});
