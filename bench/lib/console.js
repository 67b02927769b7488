// Drives a tool's interactive console over pipes and times it: the load (spawn
// to first prompt) and each command (writing its line to the next prompt).
// With stdin not a TTY both heapcli and pprof print the prompt on stdout and
// read commands line by line, so a prompt marks the end of a command's output.
import { spawn } from 'node:child_process';
import { failureReason, median } from './measure.js';

/** The prompt both consoles print before reading a command. */
export const PROMPT = '(pprof) ';
const STDERR_KEEP = 64 * 1024; // enough for a reason line, bounded however much a tool warns

/**
 * Spawns argv, waits for the first prompt, then sends `commands` one at a
 * time and finally `quit`. Resolves (never rejects) to {ok, loadSeconds,
 * seconds: [per command, as far as it got], output (all of stdout when
 * keepOutput, else null), reason (when !ok)}. A prompt not seen within
 * timeoutMs, an early exit or a failing exit status make it fail.
 */
export function runConsole(argv, commands, { cwd, timeoutMs, keepOutput = false }) {
  return new Promise((resolve) => {
    // Its own process group, so a timeout also kills pprof under the `go` wrapper.
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const t0 = process.hrtime.bigint();
    const chunks = [];
    let stderr = '';
    let tail = ''; // the last PROMPT.length - 1 bytes, for a prompt split across chunks
    let prompts = 0;
    let waiting = null; // {want, since, timer, onPrompt}: the prompt count we wait for
    const result = { ok: false, loadSeconds: null, seconds: [], output: null, reason: null };
    let done = false; // resolved (or resolving once the killed group is gone)
    let closed = false; // the child's stdio closed: it has exited

    const finish = (reason) => {
      if (done) return;
      done = true;
      if (waiting) clearTimeout(waiting.timer);
      if (keepOutput) result.output = Buffer.concat(chunks);
      if (!reason) result.ok = true;
      result.reason = reason;
      // After a failure, kill the whole group and resolve once it is gone, so
      // a stuck tool does not eat CPU during the runs that follow.
      if (reason && !closed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        child.once('close', () => resolve(result));
      } else resolve(result);
    };
    const expect = (want, onPrompt) => {
      const since = process.hrtime.bigint();
      const timer = setTimeout(() => finish(`timeout: no prompt after ${timeoutMs / 1000} s`), timeoutMs);
      waiting = { want, since, timer, onPrompt };
      check();
    };
    const check = () => {
      if (!waiting || prompts < waiting.want) return;
      const w = waiting;
      waiting = null;
      clearTimeout(w.timer);
      w.onPrompt(Number(process.hrtime.bigint() - w.since) / 1e9);
    };
    const send = (i) => {
      if (i === commands.length) {
        // quit, then wait for the exit; the timer covers a tool that hangs on it.
        waiting = { want: Infinity, timer: setTimeout(() => finish(`timeout: no exit ${timeoutMs / 1000} s after quit`), timeoutMs) };
        child.stdin.end('quit\n');
        return;
      }
      expect(prompts + 1, (s) => {
        result.seconds.push(s);
        send(i + 1);
      });
      child.stdin.write(commands[i] + '\n');
    };

    // Reading every chunk as it comes keeps the pipe drained, so a tool that
    // prints a lot never blocks on a full pipe before its prompt.
    child.stdout.on('data', (chunk) => {
      if (keepOutput) chunks.push(chunk);
      const text = tail + chunk.toString('latin1');
      for (let at = text.indexOf(PROMPT); at >= 0; at = text.indexOf(PROMPT, at + 1)) prompts++;
      tail = text.slice(-(PROMPT.length - 1));
      check();
    });
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    // EPIPE when the tool died before reading a command: the exit handler says why.
    child.stdin.on('error', () => {});
    child.on('error', (err) => {
      closed = true; // never started (or cannot be signalled): nothing to wait for
      finish(err.message);
    });
    child.on('close', (status, signal) => {
      closed = true;
      if (waiting && waiting.want !== Infinity) finish(`exited before the prompt (${failureReason(status, signal, stderr)})`);
      else if (status !== 0 || signal) finish(failureReason(status, signal, stderr));
      else finish(null);
    });

    expect(1, () => {
      result.loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      send(0);
    });
  });
}

/**
 * Runs the console sequence `runs` times per tool, alternating tools run by
 * run as the one-shot cases do. Returns, per tool, {name, runs (completed),
 * seconds: [load, ...commands] medians (null when never reached), failure,
 * failedAt (index into seconds; commands.length + 1 is quit), output (the
 * first run's stdout when it succeeded, for the parity check)}. A failing
 * tool is not run again.
 */
export async function timeConsole(tools, file, commands, { runs, cwd, timeoutMs, log, label }) {
  const steps = commands.length + 1;
  const res = tools.map((t) => ({
    name: t.name,
    samples: Array.from({ length: steps }, () => []),
    runs: 0,
    failure: t.cmd ? null : 'not available',
    failedAt: 0,
    output: null,
  }));
  for (let i = 0; i < runs; i++) {
    for (const [k, t] of tools.entries()) {
      const r = res[k];
      if (r.failure) continue;
      const c = await runConsole([...t.cmd, file], commands, { cwd, timeoutMs, keepOutput: i === 0 });
      // Only a complete transcript is worth comparing.
      if (i === 0 && c.ok) r.output = c.output;
      // What was measured before a failure is still a valid measurement.
      const got = c.loadSeconds === null ? [] : [c.loadSeconds, ...c.seconds];
      got.forEach((s, j) => r.samples[j].push(s));
      const shown = got.map((s) => `${(s * 1000).toFixed(1)}`).join(' ');
      if (!c.ok) {
        r.failure = c.reason;
        r.failedAt = got.length;
        log(`  ${label} ${t.name} run ${i + 1}/${runs}: FAILED at step ${got.length} (${c.reason}); ms: ${shown}`);
        continue;
      }
      r.runs++;
      log(`  ${label} ${t.name} run ${i + 1}/${runs}: ms: ${shown}`);
    }
  }
  return res.map(({ samples, ...r }) => ({ ...r, seconds: samples.map((xs) => (xs.length ? median(xs) : null)) }));
}
