/**
 * heapcli in a real pseudo-terminal, driven through tmux the way a person types, with the screen
 * read back by `tmux capture-pane`. Each TmuxTerminal is a private tmux server on a socket in a
 * temp dir, with no tmux config (`-f /dev/null`); the app gets a clean environment (`env -i`: no CI,
 * TZ=UTC, its own HOME and history file in the temp dir).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/** True when tmux can be run here. */
export const HAS_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
/** How often the screen is read while waiting. */
const POLL_MS = 25;
/** How long a step may take to show on screen (generous: a loaded 2-core CI machine). */
export const STEP_TIMEOUT_MS = 10000;

/** Quotes a word for /bin/sh. */
export const sh = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Options of a terminal session. */
export interface TmuxOptions {
  readonly columns?: number;
  readonly rows?: number;
  /** Extra environment for heapcli (NAME=value). */
  readonly env?: readonly string[];
}

export class TmuxTerminal {
  readonly dir = mkdtempSync(join(tmpdir(), 'heapcli-tmux-'));
  readonly historyFile = join(this.dir, 'history');
  private readonly socket = join(this.dir, 'tmux.sock');
  private started = false;

  /** Runs a tmux command on this private server; throws with tmux's message when it fails. */
  tmux(...args: string[]): string {
    const run = spawnSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      timeout: 5000,
      // The server takes its global environment from this: nothing of Jest's (CI, TMUX, ...).
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: this.dir, SHELL: '/bin/sh', LANG: 'C.UTF-8' },
    });
    if (run.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (status ${run.status}): ${run.stderr || run.error}`);
    return run.stdout;
  }

  /**
   * Starts `node bin/heapcli.js args...` in a window of the given size. The shell stays after
   * heapcli leaves, to show its exit status on the screen (`exit=N`). `before` runs first in the
   * same shell (e.g. a pause, so that keys can be typed before heapcli starts), `after` once it left.
   */
  start(args: readonly string[], options: TmuxOptions = {}, before = '', after = ''): void {
    const env = [
      `PATH=${process.env.PATH ?? '/usr/bin:/bin'}`,
      `HOME=${this.dir}`,
      'TERM=xterm-256color',
      'TZ=UTC',
      'LANG=C.UTF-8',
      `HEAPCLI_HISTORY=${this.historyFile}`,
      ...(options.env ?? []),
    ];
    const heapcli = [process.execPath, 'bin/heapcli.js', ...args].map(sh).join(' ');
    const command = `cd ${sh(ROOT)} && ${before} env -i ${env.map(sh).join(' ')} ${heapcli}; echo "exit=$?"; ${after} exec sleep 600`;
    this.tmux(
      'new-session',
      '-d',
      '-s',
      'heapcli',
      '-x',
      String(options.columns ?? 120),
      '-y',
      String(options.rows ?? 50),
      '-c',
      ROOT,
      command,
    );
    this.started = true;
    // For a failure's post-mortem: every byte heapcli wrote, in a file per session.
    if (process.env.HEAPCLI_TMUX_RAW)
      this.tmux('pipe-pane', '-t', 'heapcli', '-o', `cat > ${sh(`${process.env.HEAPCLI_TMUX_RAW}.${this.dir.split('-').pop()}`)}`);
  }

  /** Ends the tmux server and removes the temp dir. */
  stop(): void {
    if (this.started) {
      try {
        this.tmux('kill-server');
      } catch {
        // Already gone.
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * The pane's lines, trailing blanks trimmed and blank lines at the end dropped. `history`: with
   * the scrollback; `joined`: rows the terminal wrapped joined into the lines that were written.
   */
  lines(options: { history?: boolean; joined?: boolean; escapes?: boolean } = {}): string[] {
    const flags = [...(options.history ? ['-S', '-'] : []), ...(options.joined ? ['-J'] : []), ...(options.escapes ? ['-e'] : [])];
    const lines = this.tmux('capture-pane', '-p', ...flags, '-t', 'heapcli')
      .split('\n')
      .map((l) => l.trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  /** Polls the screen until `check` returns something other than undefined/false; returns that. */
  async waitFor<T>(
    what: string,
    check: (lines: string[]) => T | undefined | false,
    timeoutMs = STEP_TIMEOUT_MS,
    history = false,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lines = this.lines({ history });
      const found = check(lines);
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen was:\n${lines.join('\n')}`);
      await sleep(POLL_MS);
    }
  }

  /** Waits until the last line reads `(pprof) <text>` (trimmed, as the pane shows it). */
  waitForPrompt(text = '', timeoutMs = STEP_TIMEOUT_MS): Promise<string[]> {
    const wanted = `(pprof) ${text}`.trimEnd();
    return this.waitFor(`the prompt line ${JSON.stringify(wanted)}`, (lines) => (lines.at(-1) === wanted ? lines : undefined), timeoutMs);
  }

  /**
   * Waits until the command echoed as `(pprof) <command>` has finished: its output follows the
   * last such line and a fresh empty prompt comes after it. Returns the output lines.
   */
  waitForOutput(command: string, timeoutMs = STEP_TIMEOUT_MS): Promise<string[]> {
    return this.waitFor(
      `the output of ${JSON.stringify(command)} and a fresh prompt`,
      (lines) => {
        const echo = lines.lastIndexOf(`(pprof) ${command}`.trimEnd());
        if (echo < 0 || echo === lines.length - 1 || lines.at(-1) !== '(pprof)') return undefined;
        return lines.slice(echo + 1, -1);
      },
      timeoutMs,
      true,
    );
  }

  /** Types text literally, as pasted or typed keys (no key names interpreted). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'heapcli', '-l', text);
  }

  /** Presses named keys: Enter, Tab, Up, Down, C-c, ... */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'heapcli', ...keys);
  }

  /** Types a line at an empty prompt, presses Enter and returns its output once the prompt is back. */
  async run(command: string, timeoutMs = STEP_TIMEOUT_MS): Promise<string[]> {
    await this.waitForPrompt('');
    this.type(command);
    this.press('Enter');
    return this.waitForOutput(command, timeoutMs);
  }

  /** Resizes the window, as a person drags its edge. */
  resize(columns: number, rows?: number): void {
    this.tmux('resize-window', '-t', 'heapcli', '-x', String(columns), ...(rows ? ['-y', String(rows)] : []));
  }

  /** The pid of heapcli (node), the child of the pane's shell. */
  heapcliPid(): number {
    const shell = this.tmux('display', '-p', '-t', 'heapcli', '#{pane_pid}').trim();
    const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/);
    return Number(children[0]);
  }

  /** Whether the terminal shows its cursor now. */
  cursorShown(): boolean {
    return this.tmux('display', '-p', '-t', 'heapcli', '#{cursor_flag}').trim() === '1';
  }

  /** Waits for heapcli to leave; returns its exit status and the screen. */
  async exitStatus(timeoutMs = STEP_TIMEOUT_MS): Promise<{ status: number; lines: string[] }> {
    const lines = await this.waitFor('heapcli to exit', (l) => (l.some((x) => /^exit=\d+$/.test(x)) ? l : undefined), timeoutMs, true);
    const status = Number(lines.find((x) => /^exit=\d+$/.test(x))!.slice(5));
    return { status, lines };
  }
}
