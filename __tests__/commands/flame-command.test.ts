/**
 * `flame` (heapcli's own): a graph for the terminal console, pruned to the screen; anywhere else,
 * one line saying it needs a terminal.
 */
import { flameTree } from '../../src/analysis/flame-build.js';
import { countFrames, pruneFlameTree, width } from '../../src/analysis/flame-tree.js';
import { DEFAULT_OPTIONS } from '../../src/analysis/options.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { FLAME_NEEDS_TERMINAL, FLAME_ZOOM_DETAIL } from '../../src/commands/report-flame.js';
import { COMMANDS } from '../../src/commands/table.js';
import { commandsMarkdown } from '../../src/commands/docs.js';
import { completeLine } from '../../src/commands/complete.js';
import { Session } from '../../src/session.js';
import { runHeapcli } from '../helpers/run-cli.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
const profile = loadProfileFile(PROFILE);
const session = () => new Session(profile, { interactive: true });
const SCREEN = { columns: 100 };

describe('flame in the session', () => {
  it("gives the current settings' flame graph, pruned to a sixteenth of a column, when run for a screen", () => {
    const s = session();
    s.execute('sample_index=alloc_space');
    const result = s.execute('flame', SCREEN);
    expect(result).toMatchObject({ out: '', err: '', quit: false });
    expect(result.failed).toBeFalsy();
    const whole = flameTree(s.analysis.prepare({ ...DEFAULT_OPTIONS, sample_index: 'alloc_space', compact_labels: true }));
    expect(result.flame).toEqual(pruneFlameTree(whole, 1 / (SCREEN.columns * FLAME_ZOOM_DETAIL)));
    expect(result.flame!.typeName).toBe('alloc_space');
    // What was pruned was too thin to draw even zoomed in; some was (the example has slivers).
    expect(countFrames(result.flame!.root)).toBeLessThan(countFrames(whole.root));
  });

  it('takes focus and ignore regexps for this graph only, and says when a focus matched nothing', () => {
    const s = session();
    const focused = s.execute('flame GetLargeData', SCREEN).flame!;
    expect(focused.root.total).toBe(
      s.analysis.top({ ...s.options, focus: 'GetLargeData' }, 0).report.rows.find((r) => r.name === 'main.GetLargeData')!.cum,
    );
    expect(s.options.focus).toBe('');
    const none = s.execute('flame nosuchfunction', SCREEN);
    expect(none.err).toBe('Focus expression matched no samples\n');
    expect(width(none.flame!.root)).toBe(0);
  });

  it('without a screen (piped console, one-shot, TERM=dumb) says in one line that it needs a terminal, and changes nothing', () => {
    const s = session();
    const result = s.execute('flame');
    expect(result).toEqual({ out: '', err: `${FLAME_NEEDS_TERMINAL}\n`, failed: true, quit: false });
    expect(FLAME_NEEDS_TERMINAL).toMatch(/-http/);
    expect(s.execute('top3').out).toBe(session().execute('top3').out);
  });

  it('writes no file', () => {
    expect(session().execute('flame >out.txt', SCREEN)).toMatchObject({
      failed: true,
      err: 'flame draws on the screen and writes no file (>file, output)\n',
    });
    const s = session();
    s.execute('output=out.txt');
    const result = s.execute('flame', SCREEN);
    expect(result.failed).toBe(true);
    expect(result.flame).toBeUndefined();
  });
});

describe('flame outside the terminal console', () => {
  it('the piped console answers with the one line and goes on', async () => {
    const run = await runHeapcli([PROFILE], 'flame\ntop3\n');
    expect(run.stderr).toContain(`${FLAME_NEEDS_TERMINAL}\n`);
    expect(run.stdout).toContain('Showing top 3 nodes out of 12');
    expect(run.status).toBe(0);
  });

  it('as a one-shot flag: the one line, exit status 1', async () => {
    const run = await runHeapcli(['-flame', PROFILE]);
    expect(run).toEqual({ stdout: '', stderr: `${FLAME_NEEDS_TERMINAL}\n`, status: 1 });
  });

  it("is in the command table, help, completion and docs/commands.md, said to be heapcli's own", async () => {
    expect(COMMANDS.get('flame')?.help).toMatch(/heapcli's own/);
    expect(COMMANDS.get('flame')?.detail).toMatch(/beyond pprof/);
    const help = await runHeapcli([PROFILE], 'help\nhelp flame\n');
    expect(help.stderr).toMatch(/^ {4}flame +Draws a flame graph/m);
    expect(help.stderr).toContain('Usage: flame [focus_regex]* [-ignore_regex]*');
    const data = { sampleTypes: [], sampleUnits: [], labelKeys: [], functionNames: () => ['main.main'], listPaths: () => [] };
    expect(completeLine('fla', 3, data).line).toBe('flame ');
    expect(completeLine('flame main.m', 12, data).line).toBe('flame main.main');
    expect(commandsMarkdown()).toContain(
      "| `flame` | `[focus_regex]* [-ignore_regex]*` | Draws a flame graph to browse in the terminal (heapcli's own) |",
    );
  });
});
