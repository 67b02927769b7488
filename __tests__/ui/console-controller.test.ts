import { ConsoleController, type ConsoleOutput, type FlameScreen } from '../../src/ui/console-controller.js';
import { PROMPT } from '../../src/ui/line-editor.js';
import type { FlameTree } from '../../src/analysis/flame-tree.js';
import { History } from '../../src/ui/history.js';
import { decodeKeys } from '../../src/ui/keys.js';
import type { ConsoleInfo, ConsoleResult, SessionRunner } from '../../src/ui/runner.js';

/** What the console knows of the bundled leakybuf profile (a few of its function names). */
const INFO: ConsoleInfo = {
  greeting:
    'File: leakybuf\nType: inuse_space\nTime: Nov 26, 2026 at 10:33am (UTC)\n' +
    'Entering interactive mode (type "help" for commands, "o" for options)\n',
  sampleTypes: ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'],
  sampleUnits: ['count', 'bytes', 'count', 'bytes'],
  labelKeys: ['bytes', 'request'],
  functionNames: ['bytes.(*Buffer).grow', 'bytes.growSlice', 'main.GetLargeData', 'main.growBuf', 'main.main', 'sync.(*Pool).Get'],
};

/** Lets the promise callbacks run (the controller continues in a `then`). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A runner whose commands finish when the test answers them, in order. */
class FakeRunner implements SessionRunner {
  readonly executed: string[] = [];
  /** The screen each line was run for (flame's width), in order. */
  readonly screens: ({ columns: number } | undefined)[] = [];
  interrupts = 0;
  closes = 0;
  private readonly answers: ((result: ConsoleResult) => void)[] = [];

  execute(line: string, screen?: { columns: number }): Promise<ConsoleResult> {
    this.executed.push(line);
    this.screens.push(screen);
    return new Promise((resolve) => this.answers.push(resolve));
  }

  interrupt(): void {
    this.interrupts++;
  }

  close(): void {
    this.closes++;
  }

  /** Finishes the oldest running command with `result` and lets the console react. */
  async answer(result: Partial<ConsoleResult> = {}): Promise<void> {
    const resolve = this.answers.shift();
    if (!resolve) throw new Error('no command is running');
    resolve({ out: '', err: '', quit: false, ...result });
    await settle();
  }
}

/** Records what the console prints; printing a result lasts until `finishPrinting` when `holdPrinting` is set. */
class FakeOutput implements ConsoleOutput {
  readonly events: string[] = [];
  stops = 0;
  holdPrinting = false;
  private printed: (() => void) | null = null;

  commitLine(text: string): void {
    this.events.push(`line ${text}`);
  }

  printText(text: string, tone: 'plain' | 'error'): void {
    this.events.push(`${tone} ${text}`);
  }

  printResult(result: ConsoleResult, stopped: boolean): Promise<void> {
    this.events.push(`result out=${JSON.stringify(result.out)} err=${JSON.stringify(result.err)}${stopped ? ' (stopped)' : ''}`);
    if (!this.holdPrinting) return Promise.resolve();
    return new Promise((resolve) => (this.printed = resolve));
  }

  stopPrinting(): void {
    this.stops++;
  }

  clearScreen(): void {
    this.events.push('clear screen');
  }

  async finishPrinting(): Promise<void> {
    this.printed?.();
    await settle();
  }
}

/** A console over a fake runner; `type` feeds raw terminal input, as the terminal would. */
function open(options: { history?: string[]; started?: boolean; flameScreen?: FlameScreen } = {}) {
  const runner = new FakeRunner();
  const output = new FakeOutput();
  const history = new History(null, options.history ?? []);
  const statuses: number[] = [];
  let changes = 0;
  const controller = new ConsoleController({
    history,
    output,
    listPaths: (partial) => ['out.txt', 'out/'].filter((p) => p.startsWith(partial)),
    onChange: () => changes++,
    onExit: (status) => statuses.push(status),
    flameScreen: options.flameScreen,
  });
  if (options.started !== false) controller.start(runner, INFO);
  return {
    controller,
    runner,
    output,
    history,
    statuses,
    changes: () => changes,
    type: (input: string) => controller.press(decodeKeys(input)),
    /** What was printed after the greeting. */
    printed: () => output.events.slice(1),
    line: () => controller.view.line,
  };
}

describe('ConsoleController', () => {
  it('loads first, then greets and shows an empty prompt', () => {
    const { controller, output, runner } = open({ started: false });
    expect(controller.view.phase).toBe('loading');
    controller.start(runner, INFO);
    expect(output.events).toEqual([`plain ${INFO.greeting}`]);
    expect(controller.view).toEqual({ phase: 'editing', line: { text: '', cursor: 0 }, candidates: [], busy: null, flame: null });
    expect(PROMPT).toBe('(pprof) ');
  });

  it('edits the line with the keys typed and asks for a redraw after each chunk', () => {
    const { type, line, changes } = open();
    const before = changes();
    type('top5');
    type('\x1b[D\x1b[D-');
    expect(line()).toEqual({ text: 'to-p5', cursor: 3 });
    expect(changes()).toBe(before + 2);
  });

  describe('keys typed before the prompt', () => {
    it('are kept and run in order once the session is ready', async () => {
      const { controller, runner, type, printed, line } = open({ started: false });
      type('top3\rto');
      type('p5\r');
      type('raw');
      expect(runner.executed).toEqual([]);
      controller.start(runner, INFO);
      expect(runner.executed).toEqual(['top3']);
      await runner.answer({ out: 'three\n' });
      expect(runner.executed).toEqual(['top3', 'top5']);
      await runner.answer({ out: 'five\n' });
      expect(printed()).toEqual(['line (pprof) top3', 'result out="three\\n" err=""', 'line (pprof) top5', 'result out="five\\n" err=""']);
      expect(line()).toEqual({ text: 'raw', cursor: 3 });
    });

    it('Ctrl-C while loading leaves with status 130', () => {
      const { controller, runner, type, statuses } = open({ started: false });
      type('top\x03');
      expect(statuses).toEqual([130]);
      expect(controller.view.phase).toBe('done');
      // A session that comes after all is closed at once.
      controller.start(runner, INFO);
      expect(runner.closes).toBe(1);
    });

    it('a session that fails to start prints why and ends with status 1', () => {
      const { controller, output, statuses } = open({ started: false });
      controller.fail('heapcli: nosuch.pb.gz: open nosuch.pb.gz: no such file or directory');
      expect(output.events).toEqual(['error heapcli: nosuch.pb.gz: open nosuch.pb.gz: no such file or directory\n']);
      expect(statuses).toEqual([1]);
    });
  });

  describe('Enter', () => {
    it('leaves the prompt and line in the scrollback, runs it, records it and clears the line', async () => {
      const { controller, runner, history, type, printed, line } = open();
      type('top5 -cum\r');
      expect(runner.executed).toEqual(['top5 -cum']);
      expect(controller.view.phase).toBe('running');
      expect(controller.view.busy).toBe('top5 -cum');
      expect(printed()).toEqual(['line (pprof) top5 -cum']);
      expect(line()).toEqual({ text: '', cursor: 0 });
      expect(history.lines).toEqual(['top5 -cum']);

      await runner.answer({ out: 'rows\n', err: 'Dropped 28 nodes\n' });
      expect(controller.view.phase).toBe('editing');
      expect(controller.view.busy).toBeNull();
      expect(printed()).toEqual(['line (pprof) top5 -cum', 'result out="rows\\n" err="Dropped 28 nodes\\n"']);
    });

    it('runs the line as typed, but names it trimmed while busy', () => {
      const { controller, runner, type } = open();
      type('  top  \r');
      expect(runner.executed).toEqual(['  top  ']);
      expect(controller.view.busy).toBe('top');
    });

    it('runs the line wherever the cursor is', () => {
      const { runner, type } = open();
      type('top\x01\r');
      expect(runner.executed).toEqual(['top']);
    });

    it('leaves a blank line in the scrollback without running or recording it', () => {
      const { controller, runner, history, type, printed } = open();
      type('\r   \r');
      expect(runner.executed).toEqual([]);
      expect(controller.view.phase).toBe('editing');
      expect(printed()).toEqual(['line (pprof) ', 'line (pprof)    ']);
      expect(history.lines).toEqual([]);
    });
  });

  describe('while a command runs or prints', () => {
    it('queues the keys typed and applies them after the result', async () => {
      const { runner, type, line } = open();
      type('top\r');
      type('raw');
      type('\x1b[D');
      expect(line()).toEqual({ text: '', cursor: 0 });
      await runner.answer({ out: 'rows\n' });
      expect(line()).toEqual({ text: 'raw', cursor: 2 });
    });

    it('runs a pasted script line by line', async () => {
      const { runner, type, history } = open();
      type('top\rsample_index=alloc_space\rtop5\r');
      expect(runner.executed).toEqual(['top']);
      await runner.answer();
      expect(runner.executed).toEqual(['top', 'sample_index=alloc_space']);
      await runner.answer();
      expect(runner.executed).toEqual(['top', 'sample_index=alloc_space', 'top5']);
      await runner.answer();
      expect(history.lines).toEqual(['top', 'sample_index=alloc_space', 'top5']);
    });

    it('Ctrl-C interrupts the command and is not queued; a result that comes anyway is not printed', async () => {
      const { controller, runner, output, type, line } = open();
      type('top\r');
      type('ab\x03');
      expect(runner.interrupts).toBe(1);
      expect(output.stops).toBe(0);
      expect(controller.view.phase).toBe('running');
      await runner.answer({ out: 'rows\n' });
      expect(output.events.at(-1)).toBe('result out="rows\\n" err="" (stopped)');
      expect(line()).toEqual({ text: 'ab', cursor: 2 });
    });

    it("Ctrl-C while the answer prints stops the printing and the report's making", async () => {
      const { controller, runner, output, type } = open();
      output.holdPrinting = true;
      type('traces\r');
      await runner.answer({ out: 'header\n' });
      expect(controller.view.phase).toBe('printing');
      type('top\x03');
      expect(output.stops).toBe(1);
      expect(runner.interrupts).toBe(1);
      await output.finishPrinting();
      // The keys typed meanwhile run afterwards; the next command is not marked stopped.
      expect(controller.view.phase).toBe('editing');
      type('\r');
      await runner.answer({ out: 'rows\n' });
      expect(output.events.at(-1)).toBe('result out="rows\\n" err=""');
    });

    it('queues Ctrl-D, which leaves after the result when the line is empty', async () => {
      const { runner, type, statuses } = open();
      type('top\r');
      type('\x04');
      expect(statuses).toEqual([]);
      await runner.answer();
      expect(statuses).toEqual([0]);
      expect(runner.closes).toBe(1);
    });
  });

  describe('Ctrl-C and Ctrl-D at the prompt', () => {
    it('Ctrl-C leaves the abandoned line in the scrollback with ^C and empties the prompt', () => {
      const { runner, type, printed, line } = open();
      type('top5 main\x1b[D\x03');
      expect(line()).toEqual({ text: '', cursor: 0 });
      expect(printed()).toEqual(['line (pprof) top5 main^C']);
      expect(runner.interrupts).toBe(0);
      expect(runner.executed).toEqual([]);
    });

    it('Ctrl-D on an empty line leaves the prompt in the scrollback and ends with status 0', () => {
      const { controller, runner, type, statuses, printed } = open();
      type('\x04\x04');
      type('top\r');
      expect(printed()).toEqual(['line (pprof) ']);
      expect(statuses).toEqual([0]);
      expect(runner.closes).toBe(1);
      expect(runner.executed).toEqual([]);
      expect(controller.view.phase).toBe('done');
    });

    it.each([
      ['at the start', 'top\x01\x04', { text: 'op', cursor: 0 }],
      ['in the middle', 'top\x1b[D\x1b[D\x04', { text: 'tp', cursor: 1 }],
      ['at the end (nothing under the cursor)', 'top\x04', { text: 'top', cursor: 3 }],
    ])('Ctrl-D %s of a non-empty line deletes the character under the cursor', (_label, input, expected) => {
      const { type, statuses, line } = open();
      type(input);
      expect(line()).toEqual(expected);
      expect(statuses).toEqual([]);
    });

    it('Ctrl-L clears the screen', () => {
      const { type, printed, line } = open();
      type('to\x0c');
      expect(printed()).toEqual(['clear screen']);
      expect(line()).toEqual({ text: 'to', cursor: 2 });
    });
  });

  describe('history', () => {
    it('recalls older lines with Up and comes back to the draft with Down, cursor at the end', () => {
      const { type, line } = open({ history: ['top', 'raw'] });
      type('dr');
      type('\x1b[A');
      expect(line()).toEqual({ text: 'raw', cursor: 3 });
      type('\x1b[A\x1b[A');
      expect(line()).toEqual({ text: 'top', cursor: 3 });
      type('\x1b[B');
      expect(line()).toEqual({ text: 'raw', cursor: 3 });
      type('\x1b[B\x1b[B');
      expect(line()).toEqual({ text: 'dr', cursor: 2 });
    });

    it('recalls the lines entered in this session, newest first, and runs one edited', async () => {
      const { runner, type, line } = open({ history: ['top5'] });
      type('raw\r');
      await runner.answer();
      type('\x1b[A');
      expect(line()).toEqual({ text: 'raw', cursor: 3 });
      type('\x1b[A -cum\r');
      expect(runner.executed).toEqual(['raw', 'top5 -cum']);
    });
  });

  describe('Tab', () => {
    it('lists function names as written and inserts them escaped; offers the units of the profile', () => {
      const { controller, type, line } = open();
      type('focus=grow\t');
      expect(controller.view.candidates).toEqual(['bytes.(*Buffer).grow', 'bytes.growSlice', 'main.growBuf']);
      type('\x15focus=Pool\t');
      expect(line().text).toBe('focus=sync.\\(\\*Pool\\).Get');
      type('\x15unit=\t');
      expect(controller.view.candidates).toEqual(['minimum', 'auto', 'b', 'kb', 'mb', 'gb', 'tb', 'pb']);
    });

    it('completes to the common prefix and lists the candidates until the next key', () => {
      const { controller, type, line } = open();
      type('n\t');
      expect(line()).toEqual({ text: 'no', cursor: 2 });
      expect(controller.view.candidates).toEqual(['nodecount', 'nodefraction', 'noinlines', 'normalize']);
      type('d');
      expect(controller.view.candidates).toEqual([]);
      expect(line()).toEqual({ text: 'nod', cursor: 3 });
    });

    it.each([
      ['a unique command', 'to\t', 'top '],
      ['a sample type value', 'sample_index=alloc_s\t', 'sample_index=alloc_space'],
      ['a function name in top arguments', 'top -GetL\t', 'top -main.GetLargeData'],
      ['a >file path', 'top >out.\t', 'top >out.txt'],
      ['a label key', 'tagfocus=req\t', 'tagfocus=request='],
    ])("completes %s from the session's names", (_label, input, text) => {
      const { controller, type, line } = open();
      type(input);
      expect(line()).toEqual({ text, cursor: text.length });
      expect(controller.view.candidates).toEqual([]);
    });

    it('waits, with the other keys, while the profile loads', () => {
      const { controller, runner, type, line } = open({ started: false });
      type('top -GetL\t');
      controller.start(runner, INFO);
      expect(line()).toEqual({ text: 'top -main.GetLargeData', cursor: 22 });
    });
  });

  describe('results', () => {
    it('leaves on a quit result with status 0 and drops the keys queued after it', async () => {
      const { runner, type, statuses } = open();
      type('quit\r');
      type('top\r');
      await runner.answer({ quit: true });
      expect(statuses).toEqual([0]);
      expect(runner.closes).toBe(1);
      type('raw\r');
      expect(runner.executed).toEqual(['quit']);
    });

    it('ends with status 1 when the session died (its answer says quit and failed)', async () => {
      const { runner, type, statuses, printed } = open();
      type('traces\r');
      await runner.answer({ err: 'heapcli: the session stopped: exit code 134\n', quit: true, failed: true });
      expect(printed().at(-1)).toBe('result out="" err="heapcli: the session stopped: exit code 134\\n"');
      expect(statuses).toEqual([1]);
    });
  });
});

describe('ConsoleController: the flame view', () => {
  const leaf = (name: string, total: number) => ({ name, self: total, total, grown: total, shrunk: 0, children: [] });
  const TREE: FlameTree = {
    root: { name: 'root', self: 0, total: 100, grown: 100, shrunk: 0, children: [leaf('main.a', 70), leaf('main.b', 30)] },
    typeName: 'inuse_space',
    unit: 'bytes',
    total: 100,
    diff: false,
  };
  /** A screen that records when the view takes it and gives it back. */
  function screen() {
    const events: string[] = [];
    return { events, columns: () => 80, enter: () => void events.push('enter'), leave: () => void events.push('leave') };
  }

  it('runs the line for the screen, opens the view on the graph that comes back, and keys move in it', async () => {
    const flameScreen = screen();
    const { controller, runner, type } = open({ flameScreen });
    type('flame\r');
    expect(runner.screens).toEqual([{ columns: 80 }]);
    await runner.answer({ flame: TREE });
    expect(controller.view.phase).toBe('flame');
    expect(flameScreen.events).toEqual(['enter']);
    type('\x1b[B\x1b[C');
    expect(controller.view.flame?.selected).toEqual([1]);
    // Enter zooms, it does not run a line.
    type('\r');
    expect(controller.view.flame?.zoom).toEqual([1]);
    expect(runner.executed).toEqual(['flame']);
  });

  it.each([
    ['Esc', '\x1b'],
    ['q', 'q'],
    ['Ctrl-C', '\x03'],
  ])('%s leaves the view for the prompt, and the keys after it edit the line', async (_label, key) => {
    const flameScreen = screen();
    const { controller, runner, type, line } = open({ flameScreen });
    type('flame\r');
    await runner.answer({ flame: TREE });
    type(key);
    type('top');
    expect(flameScreen.events).toEqual(['enter', 'leave']);
    expect(controller.view).toMatchObject({ phase: 'editing', flame: null });
    expect(line().text).toBe('top');
    expect(runner.interrupts).toBe(0);
  });

  it('letters after q, in the same chunk, are typed at the prompt', async () => {
    const { runner, type, line } = open({ flameScreen: screen() });
    type('flame\r');
    await runner.answer({ flame: TREE });
    type('jqtop');
    expect(line().text).toBe('top');
  });

  it('keys typed while the graph is made go to the view, in order', async () => {
    const { controller, runner, type } = open({ flameScreen: screen() });
    type('flame\r');
    type('\x1b[B');
    await runner.answer({ flame: TREE });
    expect(controller.view.flame?.selected).toEqual([0]);
  });

  it('prints the warnings that come with the graph (a focus that matched nothing) before the view opens', async () => {
    const { runner, type, printed } = open({ flameScreen: screen() });
    type('flame nothing\r');
    await runner.answer({ flame: TREE, err: 'Focus expression matched no samples\n' });
    expect(printed()).toEqual(['line (pprof) flame nothing', 'plain Focus expression matched no samples\n']);
  });

  it('without a screen (no terminal), runs the line without one: the session answers that it needs a terminal', async () => {
    const { runner, type } = open();
    type('flame\r');
    expect(runner.screens).toEqual([undefined]);
  });

  it('Ctrl-C while the graph is made: no view opens', async () => {
    const flameScreen = screen();
    const { controller, runner, type } = open({ flameScreen });
    type('flame\r\x03');
    await runner.answer({ flame: TREE });
    expect(controller.view.phase).toBe('editing');
    expect(flameScreen.events).toEqual([]);
  });
});
