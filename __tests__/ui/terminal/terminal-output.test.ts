import { STOPPED_NOTICE, TerminalOutput } from '../../../src/ui/terminal/terminal-output.js';
import { plainFrame } from '../../../src/ui/terminal/live-layout.js';
import type { ConsoleView } from '../../../src/ui/console-controller.js';
import { VirtualTerminal } from '../../helpers/virtual-terminal.js';

/** The console's output on a virtual terminal; stdout and stderr are the same screen, as in a terminal. */
function setUp(color = false, columns = 60) {
  const term = new VirtualTerminal(columns, 20);
  const stderrWrites: string[] = [];
  const stdout = {
    write: (text: string) => term.write(text),
    get columns() {
      return term.columns;
    },
    get rows() {
      return term.rows;
    },
  };
  const stderr = {
    write: (text: string) => {
      stderrWrites.push(text);
      term.write(text);
    },
  };
  const output = new TerminalOutput({ stdout, stderr }, color);
  const prompt = (text: string) =>
    output.drawLive(
      plainFrame(
        { phase: 'editing', line: { text, cursor: text.length }, candidates: [], busy: null } as ConsoleView,
        { columns, rows: 20 },
        '',
      ),
    );
  return { term, output, prompt, stderrWrites };
}

/** A report's rest: `count` chunks of ten numbered lines; records whether its reader stopped early. */
function rest(count: number) {
  const state = { made: 0, closed: false };
  async function* chunks() {
    try {
      for (let i = 0; i < count; i++) {
        state.made++;
        yield Array.from({ length: 10 }, (_, j) => `line ${i * 10 + j}\n`).join('');
      }
    } finally {
      state.closed = true;
    }
  }
  return { chunks: chunks(), state };
}

describe('TerminalOutput', () => {
  it('writes the echoed line, the messages and the report above the prompt, byte for byte', async () => {
    const { term, output, prompt } = setUp();
    prompt('top2');
    output.commitLine('(pprof) top2');
    await output.printResult({ out: 'Showing top 2 nodes out of 12\n', err: 'Dropped 28 nodes\n', quit: false }, false);
    prompt('');
    expect(await term.lines()).toEqual(['(pprof) top2', 'Dropped 28 nodes', 'Showing top 2 nodes out of 12', '(pprof)']);
  });

  it("prints a report's rest after its first part, chunk by chunk, to the end", async () => {
    const { term, output } = setUp();
    const { chunks, state } = rest(30);
    await output.printResult({ out: 'File: medium\n', err: '', quit: false, rest: chunks }, false);
    const lines = await term.lines();
    expect(lines[0]).toBe('File: medium');
    expect(lines.slice(1)).toEqual(Array.from({ length: 300 }, (_, i) => `line ${i}`));
    expect(state).toEqual({ made: 30, closed: true });
  });

  it('stops a report asked to stop while it prints, closes its rest and says so', async () => {
    const { term, output } = setUp();
    const { chunks, state } = rest(100000);
    const printing = output.printResult({ out: 'File: medium\n', err: '', quit: false, rest: chunks }, false);
    setImmediate(() => output.stopPrinting());
    await printing;
    const lines = await term.lines();
    expect(lines.at(-1)).toBe(STOPPED_NOTICE);
    expect(lines.length).toBeLessThan(1000);
    expect(state.closed).toBe(true);
    expect(state.made).toBeLessThan(100);
  });

  it('prints the messages but not the report of a command Ctrl-C came too late for', async () => {
    const { term, output } = setUp();
    const { chunks, state } = rest(10);
    await output.printResult({ out: 'rows\n', err: 'Dropped 2 nodes\n', quit: false, rest: chunks }, true);
    expect(await term.lines()).toEqual(['Dropped 2 nodes', STOPPED_NOTICE]);
    expect(state.made).toBe(0);
  });

  it("says why a report's rest failed, on a line of its own", async () => {
    const { term, output } = setUp();
    async function* failing() {
      yield 'half a li';
      throw new Error('the session stopped: exit code 134');
    }
    await output.printResult({ out: '', err: '', quit: false, rest: failing() }, false);
    expect(await term.lines()).toEqual(['half a li', 'heapcli: the session stopped: exit code 134']);
  });

  it('colours errors red on a colour terminal, on stderr, and messages plainly', async () => {
    const { output, stderrWrites } = setUp(true);
    await output.printResult({ out: '', err: 'strconv.Atoi: parsing "abc": invalid syntax\n', quit: false, failed: true }, false);
    await output.printResult({ out: '', err: 'Generating report in out.txt\n', quit: false }, false);
    expect(stderrWrites).toEqual(['\x1b[31mstrconv.Atoi: parsing "abc": invalid syntax\x1b[39m\n', 'Generating report in out.txt\n']);
  });

  it('shows control characters from a profile visibly instead of obeying them', async () => {
    const { term, output } = setUp();
    await output.printResult({ out: '   100kB  main.\x1b[2J\x1b]0;owned\x07f\r\n', err: '', quit: false }, false);
    expect(await term.lines()).toEqual(['   100kB  main.^[[2J^[]0;owned^Gf^M']);
  });

  it('draws nothing once released: the terminal keeps its cursor (Ink renders a last frame as the process exits)', async () => {
    const { term, output, prompt } = setUp();
    prompt('top');
    output.release();
    prompt('top');
    expect(await term.lines()).toEqual([]);
    expect(await term.inverseCells()).toEqual([]);
  });

  it('ends a report that does not end its line before the prompt comes', async () => {
    const { term, output, prompt } = setUp();
    await output.printResult({ out: 'no newline', err: '', quit: false }, false);
    prompt('');
    expect(await term.lines()).toEqual(['no newline', '(pprof)']);
  });
});

describe('TerminalOutput: a full-screen view (flame) on the alternate screen', () => {
  it('draws the view over the whole screen, draws no live part meanwhile, and gives the main screen back as it was', async () => {
    const { term, output, prompt } = setUp();
    output.commitLine('(pprof) top1');
    await output.printResult({ out: 'Showing top 1 nodes out of 12\n', err: '', quit: false }, false);
    output.commitLine('(pprof) flame');
    const before = await term.lines();
    output.enterAltScreen();
    prompt('ignored');
    output.drawFullScreen(['flame: inuse_space, 4.86MB total', 'root', '', 'q/Esc leave']);
    expect(await term.lines()).toEqual(['flame: inuse_space, 4.86MB total', 'root', '', 'q/Esc leave']);
    // A redraw (a key, a resize) replaces every row.
    await term.resize(40);
    output.drawFullScreen(['flame: zoomed', 'main.main']);
    expect(await term.lines()).toEqual(['flame: zoomed', 'main.main']);
    output.leaveAltScreen();
    prompt('');
    expect(await term.lines()).toEqual([...before, '(pprof)']);
  });

  it('leaves the alternate screen when the console is released (a signal while the view is up)', async () => {
    const { term, output } = setUp();
    output.commitLine('(pprof) flame');
    output.enterAltScreen();
    output.drawFullScreen(['flame: inuse_space']);
    output.release();
    expect(await term.lines()).toEqual(['(pprof) flame']);
    // Nothing is drawn once released.
    output.drawFullScreen(['flame: again']);
    expect(await term.lines()).toEqual(['(pprof) flame']);
  });
});
