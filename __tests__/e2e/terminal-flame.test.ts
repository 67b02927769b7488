/**
 * `flame` in the real terminal console (tmux): the view on the alternate screen, moved and zoomed
 * with keys, left with Esc or q, and the main screen afterwards as it was, the prompt working.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { consoleAnswer } from '../helpers/goldens.js';
import { HAS_TMUX, ROOT, TmuxTerminal, sh } from '../helpers/tmux.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
/** `top` in the console as pprof printed it: the rows give the numbers the status line must show. */
const TOP10 = consoleAnswer('leakybuf.heap.console.basic', 0);
const COLUMNS = 100;

if (!HAS_TMUX) console.warn('__tests__/e2e/terminal-flame.test.ts: skipped, tmux is not installed');
const describeWithTmux = HAS_TMUX ? describe : describe.skip;

/** top's flat% and cum% of `name`, from pprof's own `top`. */
function topShares(name: string): { flat: string; cum: string } {
  const row = TOP10.find((line) => line.endsWith(`  ${name}`) || line.includes(`  ${name} (inline)`))!;
  const cells = row.trim().split(/\s+/);
  return { flat: cells[1], cum: cells[4] };
}

/** The text drawn in inverse video (the selection) on a row captured with its SGR sequences. */
function selectedCell(row: string): string | undefined {
  let inverse = false;
  let text = '';
  for (const part of row.split(/(\x1b\[[0-9;]*m)/)) {
    if (!part.startsWith('\x1b[')) {
      if (inverse) text += part;
      continue;
    }
    const params = part.slice(2, -1).split(';');
    for (let i = 0; i < params.length; i++) {
      if (params[i] === '38' || params[i] === '48') i += params[i + 1] === '5' ? 2 : 4;
      else if (params[i] === '' || params[i] === '0' || params[i] === '27') inverse = false;
      else if (params[i] === '7') inverse = true;
    }
  }
  return text === '' ? undefined : text;
}

describeWithTmux('flame in the terminal console (tmux)', () => {
  let term: TmuxTerminal;
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/bundle/cli.cjs'))) throw new Error('dist/bundle/cli.cjs is missing: run `npm run build` first');
  });
  beforeEach(() => {
    term = new TmuxTerminal();
  });
  afterEach(() => term.stop());

  const waitForView = (what: string, check: (lines: string[]) => boolean) =>
    term.waitFor(what, (lines) => (lines[0]?.startsWith('flame: ') && check(lines) ? lines : undefined));
  const status = (lines: string[]) => lines.at(-2) ?? '';
  /** The screen's rows with their colours, trailing blanks kept (they are the frames' cells). */
  const styledRows = () => term.tmux('capture-pane', '-p', '-e', '-N', '-t', 'heapcli').split('\n');

  it('draws the icicle, moves, zooms, leaves with Esc, and the scrollback and the prompt are as they were', async () => {
    term.start([PROFILE], { columns: COLUMNS, rows: 30 });
    const top3 = await term.run('top3');
    const before = term.lines({ history: true });
    term.type('flame');
    term.press('Enter');
    const opened = await waitForView('the flame view', (lines) => lines.includes('main.main'));
    expect(opened[0]).toBe('flame: inuse_space, 4.86MB total');
    expect(opened.slice(1, 4)).toEqual(['root', 'runtime.main', 'main.main']);
    expect(opened[4]).toMatch(/^main\.GetLargeData {2,}/);
    expect(status(opened)).toBe('root  flat 0 (0%)  cum 4.86MB (100%)');
    expect(opened.at(-1)).toBe('arrows move  Enter zoom in  u/Backspace zoom out  / search  q/Esc leave');
    // The root is selected, in inverse video across the whole width.
    expect(selectedCell(styledRows()[1])).toBe('root'.padEnd(COLUMNS));

    term.press('Down', 'Down', 'Down');
    const moved = await waitForView('main.GetLargeData selected', (lines) => status(lines).startsWith('main.GetLargeData '));
    const { flat, cum } = topShares('main.GetLargeData');
    expect(status(moved)).toBe(`main.GetLargeData  flat 288kB (${flat})  cum 4.40MB (${cum})`);
    const row = styledRows()[4];
    const cell = selectedCell(row)!;
    expect(cell.startsWith('main.GetLargeData')).toBe(true);
    // Its width is its share of the root's: 90.51% of 100 columns, less the gap after it.
    expect(cell.length).toBe(Math.round(0.9051 * COLUMNS) - 1);

    term.press('Enter');
    const zoomed = await waitForView('the zoom', (lines) => lines[0].endsWith(', zoomed into main.GetLargeData'));
    expect(zoomed.slice(1, 5)).toEqual(['root', 'runtime.main', 'main.main', 'main.GetLargeData']);
    expect(selectedCell(styledRows()[4])).toBe('main.GetLargeData'.padEnd(COLUMNS));
    // Down goes to its widest callee, main.growBuf.
    term.press('Down');
    const child = await waitForView('main.growBuf selected', (lines) => status(lines).startsWith('main.growBuf '));
    expect(status(child)).toContain(`(${topShares('main.growBuf').cum})`);
    term.press('u');
    await waitForView('zoomed out', (lines) => lines[0] === 'flame: inuse_space, 4.86MB total');

    term.press('Escape');
    const after = await term.waitForPrompt('');
    // The main screen is back as it was: nothing of the view in the scrollback, the line that opened it echoed.
    expect(term.lines({ history: true })).toEqual([...before.slice(0, -1), '(pprof) flame', '(pprof)']);
    expect(after.some((line) => line.startsWith('flame: '))).toBe(false);
    expect(term.tmux('display', '-p', '-t', 'heapcli', '#{alternate_on}').trim()).toBe('0');
    expect(await term.run('top3')).toEqual(top3);
  });

  it('redraws at the new width when the window is resized, and q leaves', async () => {
    term.start([PROFILE], { columns: COLUMNS, rows: 30 });
    await term.waitForPrompt('');
    term.type('flame');
    term.press('Enter');
    await waitForView('the flame view', (lines) => lines.includes('main.main'));
    term.resize(60);
    const narrow = await waitForView(
      'the view at 60 columns',
      (lines) => lines.at(-1) === 'arrows move  Enter zoom in  u/Backspace zoom out  / search …',
    );
    expect(Math.max(...narrow.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(selectedCell(styledRows()[1])).toBe('root'.padEnd(60));
    // A search: the title says what the matching frames weigh, as top's cum% says.
    term.type('/GetLarge');
    await waitForView('the search typed', (lines) => lines.at(-1) === '/GetLarge');
    term.press('Enter');
    await waitForView('the search applied', (lines) => lines[0].includes('/GetLarge/'));
    term.resize(120);
    const title = `flame: inuse_space, 4.86MB total; /GetLarge/ matches 4.40MB (${topShares('main.GetLargeData').cum}) in 1 frame`;
    await waitForView('the whole title at 120 columns', (lines) => lines[0] === title);
    term.type('q');
    await term.waitForPrompt('');
    expect(term.lines({ history: true }).filter((line) => line.startsWith('flame: '))).toEqual([]);
  });

  it('with the session in a worker thread (a profile read from a pipe): the graph comes from there, and Ctrl-C leaves the view', async () => {
    const fifo = join(term.dir, 'profile.fifo');
    term.start([fifo], { columns: COLUMNS, rows: 30 }, `mkfifo ${sh(fifo)} && (cat ${sh(join(ROOT, PROFILE))} > ${sh(fifo)} &) &&`);
    await term.waitForPrompt('', 20000);
    term.type('flame -growBuf');
    term.press('Enter');
    const opened = await waitForView('the flame view', (lines) => lines.includes('main.main'));
    // main.growBuf ignored: what is left of the total.
    expect(opened[0]).toMatch(/^flame: inuse_space, 4\.86MB total$/);
    expect(status(opened)).toMatch(/^root {2}flat 0 \(0%\) {2}cum [\d.]+kB \(1[0-9]\.\d\d%\)$/);
    expect(opened.some((line) => line.includes('main.growBuf'))).toBe(false);
    term.press('C-c');
    await term.waitForPrompt('');
    expect(term.tmux('display', '-p', '-t', 'heapcli', '#{alternate_on}').trim()).toBe('0');
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s while the view is up gives the main screen back, the cursor shown', async (signal, code) => {
    term.start([PROFILE], { columns: COLUMNS, rows: 30 });
    await term.waitForPrompt('');
    term.type('flame');
    term.press('Enter');
    await waitForView('the flame view', (lines) => lines.includes('main.main'));
    process.kill(term.heapcliPid(), signal);
    const { status: exit, lines } = await term.exitStatus();
    expect(exit).toBe(code);
    expect(term.tmux('display', '-p', '-t', 'heapcli', '#{alternate_on}').trim()).toBe('0');
    expect(term.cursorShown()).toBe(true);
    expect(lines.slice(-2)).toEqual(['(pprof) flame', `exit=${code}`]);
  });
});
