// Runs commands as whole processes and measures them: wall time from this
// process's clock (sub-millisecond, unlike /usr/bin/time's %e) and peak RSS
// of the child tree from /usr/bin/time's %M or, failing that, Python's
// getrusage(RUSAGE_CHILDREN). Both report the largest single process in the
// waited-for tree, so `go tool pprof` counts as its pprof child, not the sum.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const MAX_BUFFER = 512 * 1024 * 1024; // -top of a big profile is a few hundred KB; be generous

// Runs argv with stdout discarded, writes the children's max RSS (KiB) to a
// file, and exits with the child's status (127 when it cannot be started).
const PY_RSS = `import resource, subprocess, sys
try:
    rc = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL).returncode
except OSError as e:
    print(e, file=sys.stderr); rc = 127
open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(rc if rc >= 0 else 128 - rc)`;

const rssFile = () => join(tmpdir(), `heapcli-bench-${process.pid}.rss`);

/** Picks how peak RSS is measured: 'time', 'python' or 'none' ('auto' tries them in that order). */
export function detectRssMethod(wanted = 'auto') {
  if (wanted !== 'auto') return wanted;
  const file = rssFile();
  const probes = [
    ['time', TIME, ['-o', file, '-f', '%M', 'true']],
    ['python', 'python3', ['-c', PY_RSS, file, 'true']],
  ];
  for (const [method, cmd, args] of probes) {
    if (method === 'time' && !existsSync(TIME)) continue;
    rmSync(file, { force: true });
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    if (r.status === 0 && readRssKiB(file) !== null) return method;
  }
  return 'none';
}

// GNU time prefixes "Command exited with non-zero status N" on failure, so
// the number is on the last line.
function readRssKiB(file) {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  rmSync(file, { force: true });
  const n = Number(lines[lines.length - 1]);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** One-line reason for a failed run: exit status plus the most telling stderr line. */
export function failureReason(status, signal, stderr) {
  const lines = String(stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /error|cannot|not found|no such/i.test(l)) ?? lines[lines.length - 1] ?? '';
  const how = signal ? `signal ${signal}` : `exit ${status}`;
  return line ? `${how}: ${line.slice(0, 200)}` : how;
}

/**
 * Runs argv once with stdout to /dev/null. Returns {ok, seconds, rssMiB
 * (null when unmeasured), reason (when !ok)}; never throws for a failing child.
 */
export function measure(argv, rssMethod, cwd) {
  const file = rssFile();
  let cmd = argv[0];
  let args = argv.slice(1);
  if (rssMethod === 'time') [cmd, args] = [TIME, ['-o', file, '-f', '%M', ...argv]];
  else if (rssMethod === 'python') [cmd, args] = ['python3', ['-c', PY_RSS, file, ...argv]];
  rmSync(file, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: MAX_BUFFER });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const kib = rssMethod === 'none' ? null : readRssKiB(file);
  const rssMiB = kib === null ? null : kib / 1024;
  if (r.error) return { ok: false, seconds, rssMiB, reason: r.error.message };
  if (r.status !== 0 || r.signal) return { ok: false, seconds, rssMiB, reason: failureReason(r.status, r.signal, r.stderr) };
  return { ok: true, seconds, rssMiB };
}

/** Runs argv and captures its stdout (for the parity check); never throws. */
export function capture(argv, cwd) {
  const r = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_BUFFER });
  if (r.error) return { ok: false, reason: r.error.message };
  if (r.status !== 0 || r.signal) return { ok: false, reason: failureReason(r.status, r.signal, r.stderr) };
  return { ok: true, stdout: r.stdout };
}

/**
 * Runs argv with stdout to the file `path`, for the parity check: -traces of the large profile
 * prints 400 MB, too much to hold twice in memory. Never throws for a failing child.
 */
export function captureToFile(argv, cwd, path) {
  const fd = openSync(path, 'w');
  try {
    const r = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', fd, 'pipe'], maxBuffer: MAX_BUFFER });
    if (r.error) return { ok: false, reason: r.error.message };
    if (r.status !== 0 || r.signal) return { ok: false, reason: failureReason(r.status, r.signal, r.stderr) };
    return { ok: true };
  } finally {
    closeSync(fd);
  }
}

const BLOCK = 1 << 20;

/** firstDifference of two files, read a block at a time: null when byte-identical. */
export function firstFileDifference(pathA, pathB) {
  const [fa, fb] = [openSync(pathA, 'r'), openSync(pathB, 'r')];
  try {
    const [a, b] = [Buffer.alloc(BLOCK), Buffer.alloc(BLOCK)];
    let at = 0;
    let line = 1;
    let lineStart = 0;
    for (;;) {
      const na = readSync(fa, a, 0, BLOCK, at);
      const nb = readSync(fb, b, 0, BLOCK, at);
      let same = 0;
      const n = Math.min(na, nb);
      if (na === nb && a.subarray(0, n).equals(b.subarray(0, n))) same = n;
      else while (same < n && a[same] === b[same]) same++;
      // Lines up to the first difference (or through the block when there is none).
      for (let nl = a.indexOf(10, 0); nl >= 0 && nl < same; nl = a.indexOf(10, nl + 1)) {
        line++;
        lineStart = at + nl + 1;
      }
      if (same === na && na === nb) {
        if (na === 0) return null;
        at += na;
        continue;
      }
      return { line, heapcli: lineAt(fa, lineStart), pprof: lineAt(fb, lineStart) };
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/** The line of a file that starts at byte `start` (at most 4 KiB of it). */
function lineAt(fd, start) {
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, start);
  // A text that ends in a newline has an empty last line (as firstDifference splits it).
  if (n === 0) return '';
  const end = buf.indexOf(10);
  return buf.subarray(0, end >= 0 && end < n ? end : n).toString('utf8');
}

/** Median of a non-empty list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The median, over rounds, of a tool's time minus the baseline's in the same round: start-up cost
 * net of Node's own, with the machine's drift between rounds taken out. Each run carries its
 * `round`; rounds where either failed count for neither. Null when no round has both.
 */
export function pairedExcess(toolRuns, baselineRuns) {
  const base = new Map(baselineRuns.map((m) => [m.round, m.seconds]));
  const diffs = toolRuns.filter((m) => base.has(m.round)).map((m) => m.seconds - base.get(m.round));
  return diffs.length ? median(diffs) : null;
}

/** First differing line of two outputs, 1-based, or null when byte-identical. */
export function firstDifference(a, b) {
  if (Buffer.compare(a, b) === 0) return null;
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return { line: i + 1, heapcli: la[i] ?? '<end of output>', pprof: lb[i] ?? '<end of output>' };
  }
  // Equal text from unequal bytes: only invalid UTF-8 decoded to U+FFFD does that.
  return { line: 0, heapcli: '(same text, different bytes: invalid UTF-8?)', pprof: '' };
}
