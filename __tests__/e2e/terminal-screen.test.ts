/**
 * The terminal console's screen at its edges, in a real pseudo-terminal (tmux): a window too
 * narrow for the report, a resize while a long line is typed, keys typed before the prompt, a long
 * report stopped while it prints, several profiles at once.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { consoleAnswer } from '../helpers/goldens.js';
import { HAS_TMUX, TmuxTerminal, sleep } from '../helpers/tmux.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
/** `top` (10 rows) in the console on the example profile, as pprof printed it: lines longer than 40 columns. */
const TOP10 = consoleAnswer('leakybuf.heap.console.basic', 0);

if (!HAS_TMUX) console.warn('__tests__/e2e/terminal-screen.test.ts: skipped, tmux is not installed');
const describeWithTmux = HAS_TMUX ? describe : describe.skip;

describeWithTmux("the terminal console's screen (tmux)", () => {
  let term: TmuxTerminal;
  beforeEach(() => {
    term = new TmuxTerminal();
  });
  afterEach(() => term.stop());

  it('prints reports unbroken in a narrow window: the terminal wraps them, and unwraps them when it widens', async () => {
    term.start([PROFILE], { columns: 40 });
    await term.run('top');
    const echo = term.lines({ history: true, joined: true });
    const at = echo.lastIndexOf('(pprof) top');
    expect(echo.slice(at + 1, at + 1 + TOP10.length)).toEqual(TOP10);
    term.resize(120);
    const wide = await term.waitFor(
      'the report re-wrapped to 120 columns',
      (lines) => (lines.includes(TOP10[4]) ? lines : undefined),
      undefined,
      true,
    );
    expect(wide.slice(wide.lastIndexOf('(pprof) top') + 1, -1)).toEqual(TOP10);
  });

  it.each([
    ['a fresh screen', 0, [60, 120, 40, 120]],
    ['a full screen', 4, [60, 40, 120, 33, 120]],
  ])('redraws a long typed line once when the window narrows and widens again, on %s', async (_label, reports, widths) => {
    term.start([PROFILE], { columns: 120, rows: 40 });
    await term.waitForPrompt();
    for (let i = 0; i < reports; i++) await term.run('top');
    const typed = 'top main.GetLargeData main.growBuf -cum bytes.growSlice fmt.Sprint fmt.Sprintf main.indexRows 20';
    term.type(typed);
    await term.waitFor('the typed line', (lines) => lines.at(-1)?.startsWith('(pprof) top main.GetLargeData'));
    for (const columns of widths) {
      term.resize(columns);
      // Waits for heapcli's redraw at this width, which tmux's own re-wrapping of the old rows can
      // look like: tmux's rows are wrapped ones (capture-pane -J joins them), heapcli's are not.
      const shown = `(pprof) ${typed} `;
      const last = shown.slice(Math.floor((shown.length - 1) / columns) * columns).trimEnd();
      await term.waitFor(`the line redrawn at ${columns} columns`, () => term.lines({ joined: true }).at(-1) === last);
      // A person lets go of the window's edge and looks: the next resize is not at the same moment.
      await sleep(200);
    }
    const lines = await term.waitFor(
      'the line on one row again',
      (l) => (l.at(-1) === `(pprof) ${typed}` ? l : undefined),
      undefined,
      true,
    );
    expect(lines.filter((line) => line.includes('main.GetLargeData main.growBuf'))).toHaveLength(1);
    expect(lines.slice(0, 4)).toEqual([
      'File: leakybuf',
      'Type: inuse_space',
      'Time: Nov 26, 2026 at 10:33am (UTC)',
      'Entering interactive mode (type "help" for commands, "o" for options)',
    ]);
    if (reports > 0) expect(lines.slice(-1 - TOP10.length, -1)).toEqual(TOP10);
    // Still a working prompt: the line runs.
    term.press('Enter');
    expect((await term.waitForOutput(typed))[0]).toBe('Active filters:');
  });

  it('keeps keys typed before heapcli reads the terminal, and runs the lines in order', async () => {
    // Typed while the shell still sleeps: the terminal echoes them itself, heapcli reads them later.
    term.start([PROFILE], { columns: 100 }, 'sleep 1;');
    term.type('top3');
    term.press('Enter');
    term.type('sample_index=alloc_space');
    term.press('Enter');
    term.type('top2');
    const lines = await term.waitFor(
      'top3 run and top2 waiting at the prompt',
      (l) => (l.at(-1) === '(pprof) top2' ? l : undefined),
      15000,
      true,
    );
    const top3 = lines.indexOf('(pprof) top3');
    expect(top3).toBeGreaterThan(lines.indexOf('Entering interactive mode (type "help" for commands, "o" for options)'));
    expect(lines.slice(top3 + 1, top3 + 5)).toEqual(
      TOP10.slice(0, 2)
        .concat(['Showing top 3 nodes out of 12', TOP10[3]])
        .map((l, i) => (i === 0 ? 'Showing nodes accounting for 4646.66kB, 93.44% of 4972.95kB total' : l)),
    );
    expect(lines.at(-2)).toBe('(pprof) sample_index=alloc_space');
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('leaves on %s with the terminal as it was: cursor shown, line editing back on, status %i', async (signal, status) => {
    // After heapcli, the shell prints the terminal's mode: `icanon` on (cooked), or `-icanon` (raw).
    term.start([PROFILE], { columns: 100 }, '', 'stty -a | grep -o -- "-\\?icanon";');
    await term.waitForPrompt();
    expect(term.cursorShown()).toBe(false);
    process.kill(term.heapcliPid(), signal);
    const { status: exit, lines } = await term.exitStatus();
    expect(exit).toBe(status);
    expect(await term.waitFor('the mode', (l) => l.find((x) => /^-?icanon$/.test(x)), undefined, true)).toBe('icanon');
    expect(term.cursorShown()).toBe(true);
    expect(lines.filter((l) => l.startsWith('(pprof)'))).toEqual([]);
  });

  it('leaves at once on Ctrl-C while a profile is still being fetched, with status 130', async () => {
    // A server that takes the request and never answers: the fetch would wait for its timeout.
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/pprof/heap`;
      term.start([url], { columns: 120 });
      await term.waitFor('the spinner', (l) => l.some((x) => x.includes(`Loading ${url}`)));
      term.press('C-c');
      const { status } = await term.exitStatus();
      expect(status).toBe(130);
      expect(term.cursorShown()).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('keeps keys typed the moment the first prompt shows, while the rest of heapcli loads', async () => {
    // The prompt comes from a small bundle of its own; keys typed at once wait, unechoed, for the console.
    term.start([PROFILE], { columns: 100 });
    await term.waitForPrompt();
    term.type('top3');
    term.press('Enter');
    term.type('top2');
    const lines = await term.waitFor('top3 run and top2 at the prompt', (l) => (l.at(-1) === '(pprof) top2' ? l : undefined), 15000, true);
    const top3 = lines.indexOf('(pprof) top3');
    expect(lines.slice(0, top3)).toEqual([
      'File: leakybuf',
      'Type: inuse_space',
      'Time: Nov 26, 2026 at 10:33am (UTC)',
      'Entering interactive mode (type "help" for commands, "o" for options)',
    ]);
    expect(lines[top3 + 3]).toBe('Showing top 3 nodes out of 12');
  });

  it('greets once, from the whole CLI, when a flag is given (no first prompt is shown then)', async () => {
    term.start(['-sample_index=alloc_space', PROFILE], { columns: 120 });
    const lines = await term.waitForPrompt();
    expect(lines.filter((l) => l.startsWith('Type: '))).toEqual(['Type: alloc_space']);
    expect(lines.filter((l) => l.startsWith('Entering interactive mode'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('(pprof)'))).toEqual(['(pprof)']);
  });

  it('says once that several profiles were merged', async () => {
    term.start([PROFILE, 'testdata/profiles/leakybuf.base.pb.gz'], { columns: 120 });
    const lines = await term.waitForPrompt();
    expect(lines.filter((l) => l.startsWith('Merged '))).toEqual([`Merged 2 profiles: ${PROFILE} testdata/profiles/leakybuf.base.pb.gz`]);
    expect(lines.at(-2)).toBe('Entering interactive mode (type "help" for commands, "o" for options)');
  });
});

describeWithTmux('a long report in the terminal console (tmux)', () => {
  const term = new TmuxTerminal();
  const profile = join(term.dir, 'medium.pb.gz');

  beforeAll(() => {
    // 50,000 samples: `traces` prints 1.2 million lines, far more than a test waits for.
    const made = spawnSync(process.execPath, ['bench/generate.js', 'medium', profile], { encoding: 'utf8' });
    expect(made.status).toBe(0);
  }, 60000);
  afterAll(() => term.stop());

  it('keeps the keys typed while the profile loads, and runs them once it has', async () => {
    term.start([profile], { columns: 120, rows: 40 });
    term.type('top3');
    term.press('Enter');
    term.type('traces');
    const lines = await term.waitFor('top3 run and traces waiting', (l) => (l.at(-1) === '(pprof) traces' ? l : undefined), 20000, true);
    const at = lines.indexOf('(pprof) top3');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 3]).toMatch(/^Showing top 3 nodes out of \d+$/);
  }, 30000);

  it('stops a report on Ctrl-C while it prints, says so, and gives the prompt back', async () => {
    const NOTICE = 'Interrupted: the rest of the report was not printed.';
    // tmux delivers a key only between the stretches of output it reads, and heapcli prints the
    // report as fast as tmux takes it: a key can come after the end of a short print. So the
    // report is run until Ctrl-C lands while it prints (at most three times).
    let lines: string[] = [];
    for (let attempt = 0; attempt < 3 && !lines.includes(NOTICE); attempt++) {
      await term.waitForPrompt(attempt === 0 ? 'traces' : '');
      if (attempt > 0) term.type('traces');
      term.press('Enter');
      await term.waitFor('traces printing', (l) => l.some((line) => line.startsWith('-----------+')));
      term.press('C-c');
      lines = await term.waitFor(
        'the prompt again',
        (l) => (l.at(-1) === '(pprof)' && !l.at(-2)?.startsWith('(pprof) traces') ? l : undefined),
        30000,
      );
    }
    const notice = lines.indexOf(NOTICE);
    expect(notice).toBeGreaterThan(0);
    // The report stopped at a line's end: the line before the notice is one of its lines.
    expect(lines[notice - 1]).toMatch(/^ {13}\S|^ +[\d.]+[kMG]?B {3}\S|^ {10}0 {3}\S|^-{11}\+-+$| +\S+: /);
    expect(lines.at(-2)).toBe(NOTICE);
    expect((await term.run('top1')).some((l) => /^Showing top 1 nodes out of \d+$/.test(l))).toBe(true);
  }, 120000);

  it('leaves with status 0 on quit', async () => {
    await term.waitForPrompt();
    term.type('quit');
    term.press('Enter');
    expect((await term.exitStatus()).status).toBe(0);
  });

  it('keeps keys typed the moment the first prompt shows, while the worker reads the profile again', async () => {
    // 1.5 MB: greeted from the first prompt's reading, then loaded in the session's worker.
    const again = new TmuxTerminal();
    again.start([profile], { columns: 120, rows: 40 });
    await again.waitForPrompt();
    again.type('top3');
    again.press('Enter');
    again.type('tags');
    const lines = await again
      .waitFor('top3 run and tags waiting', (l) => (l.at(-1) === '(pprof) tags' ? l : undefined), 20000, true)
      .finally(() => again.stop());
    const at = lines.indexOf('(pprof) top3');
    expect(lines[at - 1]).toBe('Entering interactive mode (type "help" for commands, "o" for options)');
    expect(lines[at + 3]).toMatch(/^Showing top 3 nodes out of \d+$/);
    expect(lines.filter((l) => l.startsWith('(pprof)'))).toEqual(['(pprof) top3', '(pprof) tags']);
  }, 30000);
});
