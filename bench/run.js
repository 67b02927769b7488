#!/usr/bin/env node
// Benchmarks `node bin/heapcli.js` against `go tool pprof` on the generated
// corpus, alternating the two in one run: one-shot reports (-top, -list,
// -peek, -traces) as whole processes, then a command sequence in each one's console.
// Usage: node bench/run.js [--runs=N] [--sizes=small,medium,large|N,...]
//   [--cases=top,alloc,list,peek,traces,dot,svg] (dot and svg only when named) [--console=true|false] [--console-timeout=S]
//   [--heapcli-cmd="..."] [--pprof-cmd="..."] [--rss=auto|time|python|none] [--regen]
//   [--terminal=true|false]  (the console in a terminal: first prompt, a long report; needs tmux, python3)
// The tables go to stdout; progress and per-run numbers go to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIZES, outPath, sampleCountOf } from './generate.js';
import { timeConsole } from './lib/console.js';
import {
  capture,
  captureToFile,
  detectRssMethod,
  firstDifference,
  firstFileDifference,
  measure,
  median,
  pairedExcess,
} from './lib/measure.js';
import { pickTarget } from './lib/pick.js';
import { printConsoleReport, printReport } from './lib/report.js';
import { consoleInTerminal, oneShotInTerminal, terminalAvailable, timeFirstPrompts } from './lib/terminal.js';
import { printTerminalReport } from './lib/terminal-report.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Arguments per case; `re` is the size's regexp (see lib/pick.js).
const CASES = {
  top: () => ['-top'],
  alloc: () => ['-top', '-sample_index=alloc_space'],
  list: (re) => [`-list=${re}`],
  peek: (re) => [`-peek=${re}`],
  // Every sample's stack: the longest report (about 400 MB on the large profile), streamed.
  traces: () => ['-traces'],
  // The call graph (issue 17): DOT text, and the SVG Graphviz draws from it (dot on PATH, else
  // heapcli's WebAssembly Graphviz). Run on request only: pprof takes about a minute on large.
  dot: () => ['-dot'],
  svg: () => ['-svg'],
};
/** Cases left out unless --cases names them. */
const ON_REQUEST = new Set(['dot', 'svg']);
const NEEDS_REGEXP = new Set(['list', 'peek']);
// The console sequence: a report, a sample type switch (the next top
// recomputes), a focus (the next top filters) and a repeat (cached, if the
// tool caches). `label` heads the table column.
const consoleCommands = (re) => [
  { label: 'top', text: 'top' },
  { label: 'sample_index', text: 'sample_index=alloc_space' },
  { label: 'top', text: 'top' },
  { label: 'focus', text: `focus=${re}` },
  { label: 'top', text: 'top' },
  { label: 'top (repeat)', text: 'top' },
];
const DEFAULT_CONSOLE_TIMEOUT = 600; // seconds per command: pprof's first large top takes a while
const log = (msg) => process.stderr.write(msg + '\n');

function parseArgs(argv) {
  const opt = {
    runs: null,
    sizes: Object.keys(SIZES),
    cases: Object.keys(CASES).filter((c) => !ON_REQUEST.has(c)),
    console: true,
    terminal: true,
    consoleTimeout: DEFAULT_CONSOLE_TIMEOUT,
    rss: 'auto',
    regen: false,
  };
  for (const a of argv) {
    const [k, v = ''] = a.replace(/^--/, '').split(/=(.*)/s);
    if (k === 'runs') opt.runs = Number(v);
    else if (k === 'sizes') opt.sizes = v.split(',').filter(Boolean);
    else if (k === 'cases') opt.cases = v.split(',').filter(Boolean);
    else if (k === 'console') opt.console = v === '' || v === 'true' ? true : v === 'false' ? false : null;
    else if (k === 'console-timeout') opt.consoleTimeout = Number(v);
    else if (k === 'terminal') opt.terminal = v === '' || v === 'true' ? true : v === 'false' ? false : null;
    else if (k === 'heapcli-cmd') opt.heapcliCmd = v.trim().split(/\s+/);
    else if (k === 'pprof-cmd') opt.pprofCmd = v.trim().split(/\s+/);
    else if (k === 'rss') opt.rss = v;
    else if (k === 'regen') opt.regen = true;
    else throw new Error(`unknown option ${a} (see the header of bench/run.js)`);
  }
  if (opt.runs !== null && !(Number.isInteger(opt.runs) && opt.runs > 0)) throw new Error('--runs wants a positive integer');
  if (opt.console === null) throw new Error('--console wants true or false');
  if (opt.terminal === null) throw new Error('--terminal wants true or false');
  if (!(opt.consoleTimeout > 0)) throw new Error('--console-timeout wants a positive number of seconds');
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

/** 'identical', or 'DIFFERS (...)' with the first differing line of heapcli's and pprof's output. */
function describeDifference(d) {
  if (!d) return 'identical';
  return `DIFFERS (first differing line: ${d.line}: heapcli ${JSON.stringify(d.heapcli)} vs pprof ${JSON.stringify(d.pprof)})`;
}

/** Compares heapcli's (a) and pprof's (b) output, held in buffers. */
const compare = (a, b) => describeDifference(firstDifference(a, b));

// Both outputs go to files and are compared a block at a time: -traces prints hundreds of MB.
function parity(heapcli, pprof, file, args) {
  if (!pprof) return 'skipped (no go on PATH)';
  const dir = mkdtempSync(join(tmpdir(), 'heapcli-parity-'));
  try {
    const [a, b] = [join(dir, 'heapcli.out'), join(dir, 'pprof.out')];
    const ra = captureToFile([...heapcli, ...args, file], ROOT, a);
    if (!ra.ok) return `heapcli failed (${ra.reason})`;
    const rb = captureToFile([...pprof, ...args, file], ROOT, b);
    if (!rb.ok) return `pprof failed (${rb.reason})`;
    return describeDifference(firstFileDifference(a, b));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alternates the tools run by run so drift (thermal, page cache, noisy
// neighbours) hits all alike. A tool that fails once is not run again. A tool
// marked `bare` runs without the case's arguments: `node -e 0`, timed right
// before heapcli in each round so the two see the same machine.
function timeCase(tools, file, args, runs, rss, label) {
  const results = tools.map((t) => ({ name: t.name, runs: [], failure: t.cmd ? null : 'not available' }));
  for (let i = 0; i < runs; i++) {
    tools.forEach((t, k) => {
      const res = results[k];
      if (res.failure) return;
      const m = measure(t.bare ? t.cmd : [...t.cmd, ...args, ...(file ? [file] : [])], rss, ROOT);
      if (!m.ok) {
        res.failure = m.reason;
        log(`  ${label} ${t.name}: FAILED (${m.reason})`);
        return;
      }
      res.runs.push({ ...m, round: i });
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

/**
 * Runs per case when --runs is not given: more where a run is short and the machine's noise is
 * large beside it (a small profile's start-up), fewer where pprof takes tens of seconds a run.
 */
function defaultRuns(samples) {
  if (samples >= 200000) return 3;
  return samples >= 10000 ? 5 : 9;
}

// The regexp comes from heapcli's report, pprof's if heapcli fails: the
// parity checks say whether the two tools agree anyway.
function chooseTarget(heapcli, pprof, file) {
  const target = pickTarget(heapcli, file, ROOT);
  return target.ok || !pprof ? target : pickTarget(pprof, file, ROOT);
}

// Times the console sequence for one size and compares the first run's
// transcripts, so the latencies are known to be for the same work.
async function consoleCase(size, tools, file, target, runs, timeoutSeconds) {
  const commands = consoleCommands(target.regexp);
  if (!target.ok) {
    const failure = `no regexp (${target.reason})`;
    const seconds = Array(commands.length + 1).fill(null);
    return { consoleRow: { size, regexp: '—', tools: tools.map((t) => ({ name: t.name, runs: 0, seconds, failure, failedAt: 0 })) } };
  }
  const timed = await timeConsole(
    tools,
    file,
    commands.map((c) => c.text),
    {
      runs,
      cwd: ROOT,
      timeoutMs: timeoutSeconds * 1000,
      log,
      label: `${size} console`,
    },
  );
  const [h, g] = timed;
  const p = !tools[1].cmd ? 'skipped (no go on PATH)' : !h.output || !g.output ? 'skipped (a console failed)' : compare(h.output, g.output);
  log(`${size} console: parity: ${p}`);
  return { consoleRow: { size, regexp: target.regexp, tools: timed }, parityLine: `${size} console: parity: ${p}` };
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const heapcli = opt.heapcliCmd ?? [process.execPath, join(ROOT, 'bin/heapcli.js')];
  const pprof = opt.pprofCmd ?? defaultPprof();
  const rss = detectRssMethod(opt.rss);
  log(`peak RSS via: ${rss}; heapcli: ${heapcli.join(' ')}; pprof: ${pprof ? pprof.join(' ') : 'none (go not on PATH)'}`);

  const files = Object.fromEntries(opt.sizes.map((s) => [s, ensureCorpus(s, opt.regen)]));
  const nodeAlone = { name: 'node -e 0', cmd: [process.execPath, '-e', '0'], bare: true };
  if (pprof) {
    log('warming up pprof (untimed) ...');
    capture([...pprof, '-top', files[opt.sizes[0]]], ROOT);
  }

  const rows = [];
  const targetLines = [];
  const parityLines = [];
  const consoleRows = [];
  for (const size of opt.sizes) {
    const file = files[size];
    const runs = opt.runs ?? defaultRuns(sampleCountOf(size));
    const tools = [
      { name: 'heapcli', cmd: heapcli },
      { name: 'pprof', cmd: pprof },
    ];
    const timed = [nodeAlone, ...tools];
    let target = { ok: false, reason: 'not needed' };
    if (opt.console || opt.cases.some((c) => NEEDS_REGEXP.has(c))) {
      target = chooseTarget(heapcli, pprof, file);
      const t = target.ok ? `\`${target.regexp}\`` : `none (${target.reason})`;
      log(`${size}: regexp ${t}`);
      targetLines.push(`${size}: ${t}`);
    }
    const row = { size, samples: sampleCountOf(size), fileBytes: statSync(file).size, runs };
    for (const c of opt.cases) {
      if (NEEDS_REGEXP.has(c) && !target.ok) {
        const [h, g] = tools.map((t) => summarize({ name: t.name, runs: [], failure: `no regexp (${target.reason})` }));
        rows.push({ ...row, case: c, baseline: summarize({ name: nodeAlone.name, runs: [] }), heapcli: h, pprof: g, excess: null });
        continue;
      }
      const args = CASES[c](target.regexp);
      log(`${size} ${c}: checking parity ...`);
      const p = parity(heapcli, pprof, file, args);
      log(`${size} ${c}: parity: ${p}`);
      parityLines.push(`${size} ${c}: parity: ${p}`);
      const [b, h, g] = timeCase(timed, file, args, runs, rss, `${size} ${c}`);
      rows.push({ ...row, case: c, baseline: b, heapcli: h, pprof: g, excess: pairedExcess(h.runs, b.runs) });
    }
    if (!opt.console) continue;
    const { consoleRow, parityLine } = await consoleCase(size, tools, file, target, runs, opt.consoleTimeout);
    if (parityLine) parityLines.push(parityLine);
    consoleRows.push(consoleRow);
  }
  const terminal =
    opt.terminal && terminalAvailable()
      ? await terminalCases(opt, files, [nodeAlone, { name: 'heapcli', cmd: heapcli }, { name: 'pprof', cmd: pprof }])
      : null;
  if (opt.terminal && !terminal) log('terminal cases skipped: they need tmux, python3 and /usr/bin/time');
  printReport({ rows, targetLines, parityLines, rss, heapcli, pprof });
  if (opt.console) printConsoleReport({ rows: consoleRows, commands: consoleCommands('<regexp>') });
  if (terminal) printTerminalReport(terminal);
}

/** The example profile users open first; the terminal cases time its first prompt too. */
const EXAMPLE = 'testdata/profiles/leakybuf.heap.pb.gz';
/** The long report of the terminal cases, and the size it runs on (when that size is benched). */
const LONG_REPORT = 'traces';
const LONG_REPORT_SIZE = 'medium';

/** The console in a terminal: time to the first prompt per profile, and a long report against a one-shot one. */
async function terminalCases(opt, files, tools) {
  const prompts = [];
  const profiles = [['example', join(ROOT, EXAMPLE)], ...opt.sizes.filter((s) => s !== 'large').map((s) => [s, files[s]])];
  for (const [profile, file] of profiles) {
    log(`terminal: first prompt on ${profile} ...`);
    prompts.push({ profile, tools: timeFirstPrompts(tools, file, opt.runs ?? 15, ROOT) });
  }
  // Node 20 reads every certificate NODE_EXTRA_CA_CERTS names (and its own bundled ones) before
  // any script runs, 40 to 80 ms here: where it is set, the small profiles again without it.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    for (const [profile, file] of profiles.filter(([name]) => name !== 'medium')) {
      log(`terminal: first prompt on ${profile}, NODE_EXTRA_CA_CERTS unset ...`);
      const prompt = timeFirstPrompts(tools, file, opt.runs ?? 15, ROOT, ['NODE_EXTRA_CA_CERTS']);
      prompts.push({ profile: `${profile}, NODE_EXTRA_CA_CERTS unset`, tools: prompt });
    }
  }
  const reports = [];
  if (files[LONG_REPORT_SIZE]) {
    for (const t of tools.slice(1).filter((x) => x.cmd)) {
      log(`terminal: ${LONG_REPORT} on ${LONG_REPORT_SIZE}, ${t.name} ...`);
      const timeoutMs = opt.consoleTimeout * 1000;
      const oneShot = await oneShotInTerminal(t.cmd, [`-${LONG_REPORT}`], files[LONG_REPORT_SIZE], ROOT, timeoutMs);
      const console = await consoleInTerminal(t.cmd, files[LONG_REPORT_SIZE], LONG_REPORT, ROOT, timeoutMs);
      reports.push({ size: LONG_REPORT_SIZE, tool: t.name, oneShot, console });
    }
  }
  return { prompts, reports, report: LONG_REPORT };
}

main().catch((err) => {
  log(`bench: ${err.message}`);
  process.exit(1);
});
