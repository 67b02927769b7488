#!/usr/bin/env node
// -traces on a profile of millions of samples (10 million by default), heapcli against pprof:
// wall time, peak RSS, and whether the two printed the same bytes (compared by SHA-256, as the
// report runs to gigabytes). The profile is streamed to bench/out/ once (a few minutes for 10
// million; --regen to write it again). Too slow for `npm test`. A tool whose resident memory
// passes --max-rss (GiB, 12 by default) is stopped, so that a shared machine keeps working.
//
//   node bench/traces-big.js                         10 million samples, heapcli and pprof
//   node bench/traces-big.js --samples=1000000 --pprof=false
//   node bench/traces-big.js --max-frames=20         longer stacks (a bigger report)
//   node bench/traces-big.js --distinct=false        no per-sample label: loading merges repeats
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { streamProfile } from './lib/stream-profile.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => process.stderr.write(`${msg}\n`);

function parseArgs(argv) {
  const opt = { samples: 10_000_000, maxFrames: 12, distinct: true, pprof: true, maxRssGiB: 12, regen: false };
  for (const a of argv) {
    const [k, v = ''] = a.replace(/^--/, '').split(/=(.*)/s);
    if (k === 'samples') opt.samples = Number(v);
    else if (k === 'max-frames') opt.maxFrames = Number(v);
    else if (k === 'pprof') opt.pprof = v !== 'false';
    else if (k === 'distinct') opt.distinct = v !== 'false';
    else if (k === 'max-rss') opt.maxRssGiB = Number(v);
    else if (k === 'regen') opt.regen = true;
    else throw new Error(`unknown option ${a} (see the header of bench/traces-big.js)`);
  }
  if (!(Number.isInteger(opt.samples) && opt.samples > 0)) throw new Error('--samples wants a positive integer');
  if (!(Number.isInteger(opt.maxFrames) && opt.maxFrames >= 4)) throw new Error('--max-frames wants an integer of at least 4');
  if (!(opt.maxRssGiB > 0)) throw new Error('--max-rss wants a positive number of GiB');
  return opt;
}

async function ensureProfile(opt) {
  const file = join(ROOT, 'bench/out', `traces-${opt.samples}-f${opt.maxFrames}${opt.distinct ? '-labelled' : ''}.pb.gz`);
  if (existsSync(file) && !opt.regen) return file;
  let encodeProfile;
  try {
    ({ encodeProfile } = await import('../tools/profile-pb/encode.js'));
  } catch (err) {
    throw new Error(`cannot load tools/profile-pb/encode.js: ${err.message}`);
  }
  log(`writing ${relative(ROOT, file)} ...`);
  const started = performance.now();
  const s = await streamProfile(opt.samples, file, { maxFrames: opt.maxFrames, distinct: opt.distinct, encodeProfile });
  log(
    `  ${s.samples} samples, ${s.locations} locations, ${s.functions} functions, ${s.avgFrames.toFixed(1)} locations a sample, ` +
      `${(s.rawBytes / 2 ** 20).toFixed(0)} MiB of profile.proto, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB gzipped, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return file;
}

/** The kibibytes of a line of /proc/PID/status (`VmHWM:   123 kB`), or null. */
function statusKiB(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Runs argv, its stdout hashed as it comes, its peak RSS read from /proc every 100 ms (and the
 * process stopped past `maxRssKiB`); resolves to wall seconds, peak RSS (MiB), output bytes, the
 * hash, and the exit status with the end of stderr when it failed.
 */
function run(argv, maxRssKiB) {
  const started = performance.now();
  const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const hash = createHash('sha256');
  let bytes = 0;
  let stderr = '';
  let peakKiB = 0;
  let stopped = false;
  const watch = setInterval(() => {
    peakKiB = Math.max(peakKiB, statusKiB(child.pid, 'VmHWM') ?? 0);
    if ((statusKiB(child.pid, 'VmRSS') ?? 0) > maxRssKiB && !stopped) {
      stopped = true;
      child.kill('SIGKILL');
    }
  }, 100);
  child.stdout.on('data', (chunk) => {
    bytes += chunk.length;
    hash.update(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearInterval(watch);
      const seconds = (performance.now() - started) / 1000;
      const why = stopped ? `stopped past ${(maxRssKiB / 2 ** 20).toFixed(0)} GiB of RSS` : stderr.trim().split('\n').slice(-3).join(' | ');
      resolve({ seconds, rssMiB: peakKiB > 0 ? peakKiB / 1024 : null, bytes, sha256: hash.digest('hex'), status, signal, stderr: why });
    });
  });
}

function row(name, r) {
  const outcome = r.status === 0 ? 'ok' : `FAILED (${r.signal ?? `exit ${r.status}`}: ${r.stderr})`;
  const rss = r.rssMiB === null ? 'n/a' : `${r.rssMiB.toFixed(0)} MiB`;
  return `| ${name.padEnd(7)} | ${r.seconds.toFixed(1).padStart(8)} s | ${rss.padStart(9)} | ${(r.bytes / 2 ** 20).toFixed(0).padStart(8)} MiB | ${outcome} |`;
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const file = await ensureProfile(opt);
  const tools = [['heapcli', [process.execPath, 'bin/heapcli.js', '-traces', file]]];
  // pprof itself rather than `go tool pprof`, so that its own memory is what is watched.
  const toolDir = spawnSync('go', ['env', 'GOTOOLDIR'], { encoding: 'utf8' });
  const hasGo = toolDir.status === 0 && existsSync(join(toolDir.stdout.trim(), 'pprof'));
  if (opt.pprof && hasGo) tools.push(['pprof', [join(toolDir.stdout.trim(), 'pprof'), '-traces', file]]);
  const results = [];
  for (const [name, argv] of tools) {
    log(`${name} -traces ${relative(ROOT, file)} ...`);
    results.push([name, await run(argv, opt.maxRssGiB * 2 ** 20)]);
  }
  const labelled = opt.distinct ? ', each with a request label of its own' : '';
  console.log(`## -traces on ${opt.samples} samples (stacks of at most about ${opt.maxFrames} frames${labelled})\n`);
  console.log('| tool    |       time | peak RSS  |       output | outcome |');
  console.log('|---------|------------|-----------|--------------|---------|');
  for (const [name, r] of results) console.log(row(name, r));
  if (results.length === 2 && results.every(([, r]) => r.status === 0)) {
    console.log(`\nparity: ${results[0][1].sha256 === results[1][1].sha256 ? 'identical' : 'DIFFERS'} (SHA-256 of stdout)`);
  }
  if (!opt.pprof || !hasGo) console.log('\npprof: not run');
}

main().catch((err) => {
  log(`traces-big: ${err.message}`);
  process.exit(1);
});
