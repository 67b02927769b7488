/**
 * End to end: the real `bin/heapcli.js` (compiled dist/) in a real pseudo-terminal, driven through
 * tmux the way a person types, with the screen read back by `tmux capture-pane` after every step.
 *
 * One console session runs through the whole file; the tests are its steps, in order, so a step
 * relies on the options and history left by the ones before it.
 *
 * Isolation: a private tmux server on a socket in a temp dir, no tmux config (`-f /dev/null`), a
 * fixed 120x50 window; the app gets a clean environment (`env -i`: no CI, which would switch Ink to
 * its non-interactive renderer; TZ=UTC; its own HOME and HEAPCLI_HISTORY in the temp dir).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
const COLUMNS = 120;
const ROWS = 50;
const SESSION = 'heapcli';
/** How often the screen is read while waiting. */
const POLL_MS = 50;
/** How long a step may take to show on screen (generous: a loaded 2-core CI machine). */
const STEP_TIMEOUT_MS = 5000;
/** Starting Node, Ink and the worker that loads the profile. */
const START_TIMEOUT_MS = 10000;

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
if (!hasTmux) console.warn('__tests__/e2e/terminal.test.ts: skipped, tmux is not installed (it is needed to run heapcli in a pseudo-terminal)');
const describeWithTmux = hasTmux ? describe : describe.skip;

/** Quotes a word for /bin/sh. */
const sh = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describeWithTmux('heapcli in a terminal (tmux)', () => {
  let dir = '';
  let socket = '';
  let historyFile = '';
  let serverStarted = false;

  /** Runs a tmux command on our private server; throws with tmux's message when it fails. */
  function tmux(...args: string[]): string {
    const run = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      timeout: 5000,
      // The server takes its global environment from this: nothing of Jest's (CI, TMUX, ...).
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, SHELL: '/bin/sh', LANG: 'C.UTF-8' },
    });
    if (run.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (status ${run.status}): ${run.stderr || run.error}`);
    return run.stdout;
  }

  /** The pane's text: lines without trailing blanks, and no blank lines below the last text. */
  function screenLines(escapes = false): string[] {
    const lines = tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', SESSION).split('\n').map((l) => l.trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  /** Polls the screen until `check` returns something other than undefined/false; returns that. */
  async function waitFor<T>(what: string, check: (lines: string[]) => T | undefined | false, timeoutMs = STEP_TIMEOUT_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lines = screenLines();
      const found = check(lines);
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen was:\n${lines.join('\n')}`);
      }
      await sleep(POLL_MS);
    }
  }

  /** The last line on screen: the prompt with the line being edited (or a candidate list). */
  const lastLine = (lines: string[]) => lines[lines.length - 1] ?? '';

  /** Waits until the prompt line reads `(pprof) <text>` (text trimmed, as the pane shows it). */
  const waitForPrompt = (text: string) =>
    waitFor(`the prompt line ${JSON.stringify(`(pprof) ${text}`.trimEnd())}`, (lines) => lastLine(lines) === `(pprof) ${text}`.trimEnd());

  /**
   * Waits until the command echoed as `(pprof) <command>` has finished: its output follows the
   * last such line and a fresh empty prompt comes after it. Returns the output lines.
   */
  const waitForOutput = (command: string) =>
    waitFor(`the output of ${JSON.stringify(command)} and a fresh prompt`, (lines) => {
      const echo = lines.lastIndexOf(`(pprof) ${command}`);
      if (echo < 0 || echo === lines.length - 1 || lastLine(lines) !== '(pprof)') return undefined;
      return lines.slice(echo + 1, -1);
    });

  /** Types text literally, as pasted or typed keys (no key names interpreted). */
  const type = (text: string) => tmux('send-keys', '-t', SESSION, '-l', text);
  /** Presses named keys: Enter, Tab, Up, Down, C-c, ... */
  const press = (...keys: string[]) => tmux('send-keys', '-t', SESSION, ...keys);

  /** Types a line, presses Enter and returns its output once the prompt is back. */
  async function run(command: string): Promise<string[]> {
    await waitForPrompt('');
    type(command);
    press('Enter');
    return waitForOutput(command);
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/cli/main.js is missing: run `npm run build` before these tests (`npm test` builds first)');
    }
    dir = mkdtempSync(join(tmpdir(), 'heapcli-e2e-'));
    socket = join(dir, 'tmux.sock');
    historyFile = join(dir, 'history');
    const appEnv = [
      `PATH=${process.env.PATH ?? '/usr/bin:/bin'}`,
      `HOME=${dir}`,
      'TERM=xterm-256color',
      'TZ=UTC',
      'LANG=C.UTF-8',
      `HEAPCLI_HISTORY=${historyFile}`,
    ];
    const heapcli = [process.execPath, 'bin/heapcli.js', PROFILE].map(sh).join(' ');
    // The shell stays after heapcli leaves, to show its exit status on the screen.
    const command = `cd ${sh(ROOT)} && env -i ${appEnv.map(sh).join(' ')} ${heapcli}; echo "exit=$?"; exec sleep 30`;
    tmux('new-session', '-d', '-s', SESSION, '-x', String(COLUMNS), '-y', String(ROWS), '-c', ROOT, command);
    serverStarted = true;
    await waitFor('the greeting and the first prompt', (lines) => lastLine(lines) === '(pprof)', START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 5000);

  afterAll(() => {
    if (serverStarted) {
      try {
        tmux('kill-server');
      } catch {
        // Already gone.
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the console on the profile, greeting as pprof does', () => {
    expect(screenLines()).toEqual([
      'File: leakybuf',
      'Type: inuse_space',
      'Time: Nov 26, 2026 at 10:33am (UTC)',
      'Entering interactive mode (type "help" for commands, "o" for options)',
      '(pprof)',
    ]);
  });

  it('top10 prints the report as pprof does', async () => {
    expect(await run('top10')).toEqual([
      'Showing nodes accounting for 4962.93kB, 99.80% of 4972.95kB total',
      'Dropped 28 nodes (cum <= 24.86kB)',
      'Showing top 10 nodes out of 12',
      '      flat  flat%   sum%        cum   cum%',
      '    4119kB 82.83% 82.83%     4119kB 82.83%  main.growBuf (inline)',
      '     288kB  5.79% 88.62%  4501.21kB 90.51%  main.GetLargeData',
      '  239.66kB  4.82% 93.44%   333.41kB  6.70%  main.indexRows (inline)',
      '     128kB  2.57% 96.01%      128kB  2.57%  bytes.growSlice',
      '   93.75kB  1.89% 97.90%    93.75kB  1.89%  fmt.Sprint',
      '   93.75kB  1.89% 99.78%    94.21kB  1.89%  fmt.Sprintf',
      '    0.75kB 0.015% 99.80%  4971.67kB   100%  main.main',
      '    0.02kB 0.00031% 99.80%   128.05kB  2.57%  main.record (inline)',
      '         0     0% 99.80%      128kB  2.57%  bytes.(*Buffer).Write',
      '         0     0% 99.80%      128kB  2.57%  bytes.(*Buffer).grow',
    ]);
  });

  it('sample_index=alloc_space prints nothing, and top3 then reports allocated space', async () => {
    expect(await run('sample_index=alloc_space')).toEqual([]);
    const top3 = await run('top3');
    expect(top3.slice(0, 4)).toEqual([
      'Showing nodes accounting for 5354.70kB, 72.26% of 7410.63kB total',
      'Dropped 75 nodes (cum <= 37.05kB)',
      'Showing top 3 nodes out of 28',
      '      flat  flat%   sum%        cum   cum%',
    ]);
    // Three rows; whether a name carries "(inline)" after trimming is the goldens' business.
    expect(top3).toHaveLength(7);
    expect(top3[4]).toMatch(/^    4119kB 55\.58% 55\.58%     4119kB 55\.58%  main\.growBuf\b/);
    expect(top3[5]).toBe('     648kB  8.74% 64.33%  1171.88kB 15.81%  compress/flate.NewWriter');
    expect(top3[6]).toMatch(/^  587\.70kB  7\.93% 72\.26%   681\.45kB  9\.20%  main\.indexRows\b/);
  });

  it('o lists the options with the new sample_index', async () => {
    const listing = await run('o');
    expect(listing).toContain('  sample_index              = alloc_space          //: [alloc_objects | alloc_space | inuse_objects | inuse_space]');
    expect(listing).toContain('  nodecount                 = -1                   //: default');
    expect(listing).toContain('  granularity               = functions            //: [addresses | filefunctions | files | functions | lines]');
  });

  it('Tab completes an option name with its "=", and a second Tab lists its values', async () => {
    await waitForPrompt('');
    type('sample_ind');
    press('Tab');
    await waitForPrompt('sample_index=');
    press('Tab');
    const lines = await waitFor('the sample types listed under the prompt', (l) =>
      lastLine(l) === 'alloc_objects  alloc_space  inuse_objects  inuse_space' ? l : undefined,
    );
    expect(lines[lines.length - 2]).toBe('(pprof) sample_index=');
    // Ctrl-C drops the line and the list.
    press('C-c');
    await waitForPrompt('');
  });

  it('Tab completes a function name in a report command, and the completed line runs', async () => {
    type('top GetLarge');
    press('Tab');
    // pprof's completer puts the whole function name in place of the substring typed.
    await waitForPrompt('top main.GetLargeData');
    press('Enter');
    const output = await waitForOutput('top main.GetLargeData');
    expect(output.slice(0, 2)).toEqual(['Active filters:', '   focus=main.GetLargeData']);
    expect(output[2]).toMatch(/^Showing nodes accounting for [\d.]+kB, [\d.]+% of 7410\.63kB total$/);
    expect(output.some((l) => l.endsWith('  main.GetLargeData'))).toBe(true);
  });

  it('Ctrl-C clears the typed line and the console stays', async () => {
    await waitForPrompt('');
    type('top5 -cum');
    await waitForPrompt('top5 -cum');
    press('C-c');
    const lines = await waitFor('the prompt to be emptied', (l) => (lastLine(l) === '(pprof)' ? l : undefined));
    expect(lines).not.toContain('(pprof) top5 -cum');
    // Still running: the next line is read and answered.
    expect(await run('top1')).toContain('Showing top 1 nodes out of 28');
  });

  it('an invalid value prints Go\'s error, in red', async () => {
    expect(await run('nodecount=abc')).toEqual(['strconv.Atoi: parsing "abc": invalid syntax']);
    const coloured = screenLines(true);
    const error = coloured.filter((l) => l.includes('strconv.Atoi: parsing "abc": invalid syntax'));
    expect(error).toHaveLength(1);
    // SGR 31: red foreground (tmux writes the attributes of the cells it holds).
    expect(error[0]).toMatch(/\x1b\[31m[^\x1b]*strconv\.Atoi/);
  });

  it('Up recalls earlier lines and Down comes back', async () => {
    await waitForPrompt('');
    press('Up');
    await waitForPrompt('nodecount=abc');
    press('Up');
    await waitForPrompt('top1');
    press('Down');
    await waitForPrompt('nodecount=abc');
    press('Down');
    await waitForPrompt('');
  });

  it('quit leaves with status 0 and the entered lines are in the history file', async () => {
    await waitForPrompt('');
    type('quit');
    press('Enter');
    const lines = await waitFor('heapcli to exit', (l) => (l.some((x) => /^exit=\d+$/.test(x)) ? l : undefined));
    expect(lines).toContain('exit=0');
    expect(lines).toContain('(pprof) quit');
    // Lines cleared with Ctrl-C were never entered, so they are not in the history.
    expect(readFileSync(historyFile, 'utf8')).toBe(
      ['top10', 'sample_index=alloc_space', 'top3', 'o', 'top main.GetLargeData', 'top1', 'nodecount=abc', 'quit', ''].join('\n'),
    );
  });

  // Once the user leaves, the last frame Ink draws holds no prompt: pprof leaves none behind.
  // (Ink ends its final, now empty, frame with a newline: a blank line may come before exit=0.)
  it('leaves no empty prompt behind after quit', () => {
    const lines = screenLines();
    const quit = lines.lastIndexOf('(pprof) quit');
    expect(quit).toBeGreaterThanOrEqual(0);
    expect(lines.slice(quit + 1).filter((line) => line !== '')).toEqual(['exit=0']);
  });
});
