// The console in a terminal, where the terminal's own drawing is part of the cost:
// - the time to the first prompt, in a pseudo-terminal (first-prompt.py);
// - a long report in the console against the same report printed by a one-shot run into the
//   same terminal (tmux, which draws what it is sent), with peak memory, the memory left after
//   the report and how long a `top` takes before and after it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const COLUMNS = 120;
const ROWS = 50;
const POLL_MS = 20;

/** True when this machine can run the terminal cases (python3 for a pty, tmux as the terminal). */
export function terminalAvailable() {
  const ok = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  return ok('python3', ['-c', 'import pty']) && ok('tmux', ['-V']) && ok('/usr/bin/time', ['-f', '%M', 'true']);
}

/** Seconds to the first `(pprof) ` of `cmd` opened on `file` in a pseudo-terminal, or null. */
function firstPrompt(cmd, file, cwd, env) {
  const r = spawnSync('python3', [join(HERE, 'first-prompt.py'), String(COLUMNS), String(ROWS), '60', '--', ...cmd, file], {
    cwd,
    encoding: 'utf8',
    env,
  });
  const seconds = Number(r.stdout.trim());
  return Number.isFinite(seconds) ? seconds : null;
}

/**
 * The time to the first prompt of each tool (and `node -e 0`'s whole run), alternating, `runs`
 * rounds. `unset`: environment variables to leave out of every run.
 */
export function timeFirstPrompts(tools, file, runs, cwd, unset = []) {
  const env = { ...process.env, TERM: 'xterm-256color', HEAPCLI_HISTORY: 'off', TZ: 'UTC' };
  for (const name of unset) delete env[name];
  const times = tools.map(() => []);
  for (let i = 0; i < runs; i++) {
    tools.forEach((t, k) => {
      if (!t.cmd) return;
      const seconds = t.bare ? wholeRun(t.cmd, cwd, env) : firstPrompt(t.cmd, file, cwd, env);
      if (seconds !== null) times[k].push(seconds);
    });
  }
  return tools.map((t, k) => ({ name: t.name, runs: times[k].length, seconds: times[k].length ? median(times[k]) : null }));
}

function wholeRun(cmd, cwd, env) {
  const start = process.hrtime.bigint();
  spawnSync(cmd[0], cmd.slice(1), { cwd, env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (word) => `'${word.replace(/'/g, `'\\''`)}'`;

/** A private tmux server that runs one command in a window COLUMNS x ROWS. */
class Tmux {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'heapcli-bench-tmux-'));
    this.socket = join(this.dir, 'sock');
  }

  run(...args) {
    const r = spawnSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args[0]}: ${r.stderr}`);
    return r.stdout;
  }

  start(command, cwd) {
    this.run(
      'new-session',
      '-d',
      '-s',
      'b',
      '-x',
      String(COLUMNS),
      '-y',
      String(ROWS),
      '-c',
      cwd,
      `${command}; echo BENCH-DONE; exec sleep 600`,
    );
  }

  lastLine() {
    const lines = this.run('capture-pane', '-p', '-t', 'b')
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l !== '');
    return lines[lines.length - 1] ?? '';
  }

  async waitFor(check, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (check(this.lastLine())) return true;
      await sleep(POLL_MS);
    }
    return false;
  }

  keys(...keys) {
    this.run('send-keys', '-t', 'b', ...keys);
  }

  /** The pid of the tool the pane runs: down from the pane's shell through /usr/bin/time (and go for `go tool`). */
  toolPid() {
    let pid = this.run('display', '-p', '-t', 'b', '#{pane_pid}').trim();
    for (;;) {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      if (children.length === 0) return pid;
      pid = children[0];
    }
  }

  stop() {
    try {
      this.run('kill-server');
    } catch {
      // Gone already.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Resident memory of a process now, in MiB. */
function rssNow(pid) {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : null;
}

/** The peak RSS /usr/bin/time wrote (-f '%e %M'), and the wall time. */
function readTime(file) {
  const [seconds, kb] = readFileSync(file, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { seconds, peakMiB: kb / 1024 };
}

/** `cmd args file` printed into the terminal by a one-shot run: its time and peak memory. */
export async function oneShotInTerminal(cmd, args, file, cwd, timeoutMs) {
  const tmux = new Tmux();
  const out = join(tmux.dir, 'time');
  try {
    tmux.start(`/usr/bin/time -o ${quote(out)} -f '%e %M' ${[...cmd, ...args, file].map(quote).join(' ')}`, cwd);
    if (!(await tmux.waitFor((l) => l === 'BENCH-DONE', timeoutMs))) return null;
    return readTime(out);
  } finally {
    tmux.stop();
  }
}

/** Runs a line in the console shown in `tmux` and waits for the prompt to come back: seconds, or null. */
async function timeLine(tmux, line, timeoutMs) {
  tmux.keys('-l', line);
  await tmux.waitFor((l) => l === `(pprof) ${line}`, 5000);
  const start = Date.now();
  tmux.keys('Enter');
  const back = await tmux.waitFor((l) => l === '(pprof)', timeoutMs);
  return back ? (Date.now() - start) / 1000 : null;
}

/**
 * Runs `report` again and presses Ctrl-C half a second after its first lines show: the seconds
 * until the prompt is back (`left`: the tool left instead, as a console without its own Ctrl-C
 * handling does).
 */
async function stopWhilePrinting(tmux, report, timeoutMs) {
  tmux.keys('-l', report);
  await tmux.waitFor((l) => l === `(pprof) ${report}`, 5000);
  tmux.keys('Enter');
  await tmux.waitFor((l) => l !== `(pprof) ${report}` && !l.includes('Ctrl-C stops it'), timeoutMs);
  await sleep(500);
  const start = Date.now();
  tmux.keys('C-c');
  const back = await tmux.waitFor((l) => l === '(pprof)' || l === '(pprof) ^C' || l === 'BENCH-DONE', timeoutMs);
  return { seconds: back ? (Date.now() - start) / 1000 : null, left: tmux.lastLine() === 'BENCH-DONE' };
}

/**
 * The console opened on `file` in the terminal: `top`, then `report` (a long one), then `top`
 * again, then `report` stopped with Ctrl-C. The times of each, the RSS before and after the report,
 * and the peak RSS.
 */
export async function consoleInTerminal(cmd, file, report, cwd, timeoutMs) {
  const tmux = new Tmux();
  const out = join(tmux.dir, 'time');
  try {
    tmux.start(
      `env TERM=xterm-256color HEAPCLI_HISTORY=off /usr/bin/time -o ${quote(out)} -f '%e %M' ${[...cmd, file].map(quote).join(' ')}`,
      cwd,
    );
    if (!(await tmux.waitFor((l) => l.startsWith('(pprof)'), timeoutMs))) return null;
    const pid = tmux.toolPid();
    const topBefore = await timeLine(tmux, 'top', timeoutMs);
    const rssBefore = rssNow(pid);
    const reportSeconds = await timeLine(tmux, report, timeoutMs);
    const rssAfter = rssNow(pid);
    const topAfter = await timeLine(tmux, 'top', timeoutMs);
    const stop = await stopWhilePrinting(tmux, report, timeoutMs);
    if (!stop.left) {
      tmux.keys('-l', 'quit');
      tmux.keys('Enter');
    }
    if (!(await tmux.waitFor((l) => l === 'BENCH-DONE', 30000))) return null;
    return { topBefore, reportSeconds, topAfter, rssBefore, rssAfter, stop, peakMiB: readTime(out).peakMiB };
  } finally {
    tmux.stop();
  }
}
