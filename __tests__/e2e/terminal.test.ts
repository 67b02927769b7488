/**
 * End to end: the real `bin/heapcli.js` (the built bundle) in a real pseudo-terminal, driven
 * through tmux the way a person types (see helpers/tmux.ts).
 *
 * One console session runs through the whole file; the tests are its steps, in order, so a step
 * relies on the options and history left by the ones before it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleAnswer } from '../helpers/goldens.js';
import { HAS_TMUX, ROOT, TmuxTerminal } from '../helpers/tmux.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';

if (!HAS_TMUX)
  console.warn('__tests__/e2e/terminal.test.ts: skipped, tmux is not installed (it is needed to run heapcli in a pseudo-terminal)');
const describeWithTmux = HAS_TMUX ? describe : describe.skip;

describeWithTmux('heapcli in a terminal (tmux)', () => {
  const term = new TmuxTerminal();
  const { historyFile } = term;
  const screenLines = (escapes = false) => term.lines({ escapes });
  const waitFor = term.waitFor.bind(term);
  const waitForPrompt = term.waitForPrompt.bind(term);
  const waitForOutput = term.waitForOutput.bind(term);
  const type = term.type.bind(term);
  const press = term.press.bind(term);
  const run = term.run.bind(term);
  const lastLine = (lines: string[]) => lines[lines.length - 1] ?? '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/bundle/cli.cjs'))) {
      throw new Error('dist/bundle/cli.cjs is missing: run `npm run build` before these tests (`npm test` builds first)');
    }
    term.start([PROFILE]);
    await waitForPrompt('');
  }, 20000);

  afterAll(() => term.stop());

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
    expect(await run('top10')).toEqual(consoleAnswer('leakybuf.heap.console.basic', 0));
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
    expect(listing).toContain(
      '  sample_index              = alloc_space          //: [alloc_objects | alloc_space | inuse_objects | inuse_space]',
    );
    expect(listing).toContain('  nodecount                 = -1                   //: default');
    expect(listing).toContain(
      '  granularity               = functions            //: [addresses | filefunctions | files | functions | lines]',
    );
  });

  it('Tab completes an option name with its "=", and a second Tab lists its values', async () => {
    await waitForPrompt('');
    type('sample_ind');
    press('Tab');
    await waitForPrompt('sample_index=');
    press('Tab');
    const lines = await waitFor('the sample types listed under the prompt', (l) =>
      lastLine(l) === 'alloc_objects  alloc_space    inuse_objects  inuse_space' ? l : undefined,
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

  it('Ctrl-C leaves the typed line in the scrollback marked ^C, empties the prompt, and the console stays', async () => {
    await waitForPrompt('');
    type('top5 -cum');
    await waitForPrompt('top5 -cum');
    press('C-c');
    const lines = await waitFor('the prompt to be emptied', (l) => (lastLine(l) === '(pprof)' ? l : undefined));
    expect(lines.at(-2)).toBe('(pprof) top5 -cum^C');
    // Still running: the next line is read and answered.
    expect(await run('top1')).toContain('Showing top 1 nodes out of 28');
  });

  it("an invalid value prints Go's error, in red", async () => {
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

  it('quit leaves with status 0, the last prompt line in the scrollback, and the entered lines in the history file', async () => {
    await waitForPrompt('');
    type('quit');
    press('Enter');
    const { status, lines } = await term.exitStatus();
    expect(status).toBe(0);
    // pprof leaves its last prompt line behind, and nothing after it.
    expect(lines.slice(-2)).toEqual(['(pprof) quit', 'exit=0']);
    // Lines cleared with Ctrl-C were never entered, so they are not in the history.
    expect(readFileSync(historyFile, 'utf8')).toBe(
      ['top10', 'sample_index=alloc_space', 'top3', 'o', 'top main.GetLargeData', 'top1', 'nodecount=abc', 'quit', ''].join('\n'),
    );
  });
});
