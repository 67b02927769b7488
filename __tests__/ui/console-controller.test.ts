import type { ExecResult } from '../../src/session.js';
import { ConsoleController, PROMPT } from '../../src/ui/console-controller.js';
import { History } from '../../src/ui/history.js';
import { decodeKeys } from '../../src/ui/keys.js';
import type { ConsoleInfo, SessionRunner } from '../../src/ui/runner.js';

/** What the console knows of the bundled leakybuf profile (a few of its function names). */
const INFO: ConsoleInfo = {
  greeting:
    'File: leakybuf\nType: inuse_space\nTime: Nov 26, 2026 at 10:33am (UTC)\n' +
    'Entering interactive mode (type "help" for commands, "o" for options)\n',
  sampleTypes: ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'],
  functionNames: ['bytes.(*Buffer).grow', 'bytes.growSlice', 'main.GetLargeData', 'main.growBuf', 'main.main', 'sync.(*Pool).Get'],
};

const GREETING = INFO.greeting.slice(0, -1);

/** Lets the promise callbacks run (the controller continues in a `then`). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A runner whose commands finish when the test answers them, in order. */
class FakeRunner implements SessionRunner {
  readonly executed: string[] = [];
  interrupts = 0;
  closes = 0;
  private readonly answers: ((result: ExecResult) => void)[] = [];

  execute(line: string): Promise<ExecResult> {
    this.executed.push(line);
    return new Promise((resolve) => this.answers.push(resolve));
  }

  interrupt(): void {
    this.interrupts++;
  }

  close(): void {
    this.closes++;
  }

  /** Finishes the oldest running command with `result` and lets the console react. */
  async answer(result: Partial<ExecResult> = {}): Promise<void> {
    const resolve = this.answers.shift();
    if (!resolve) throw new Error('no command is running');
    resolve({ out: '', err: '', quit: false, ...result });
    await settle();
  }

  get running(): number {
    return this.answers.length;
  }
}

/** A console over a fake runner; `type` feeds raw terminal input, as the terminal would. */
function open(options: { history?: string[]; writeFailure?: string | null } = {}) {
  const runner = new FakeRunner();
  const history = new History(null, options.history ?? []);
  const written: [string, string][] = [];
  const pathsAsked: string[] = [];
  let exits = 0;
  let changes = 0;
  const controller = new ConsoleController({
    runner,
    info: INFO,
    history,
    writeFile: (path, text) => {
      written.push([path, text]);
      return options.writeFailure ?? null;
    },
    listPaths: (partial) => {
      pathsAsked.push(partial);
      return ['out.txt', 'out/'].filter((p) => p.startsWith(partial));
    },
    onChange: () => changes++,
    onExit: () => exits++,
  });
  return {
    controller,
    runner,
    history,
    written,
    pathsAsked,
    exits: () => exits,
    changes: () => changes,
    type: (input: string) => controller.press(decodeKeys(input)),
    /** The output so far after the greeting, as [tone, text] pairs. */
    output: () => controller.items.slice(1).map((item) => [item.tone, item.text]),
  };
}

describe('ConsoleController', () => {
  it('starts idle on an empty line with the greeting printed, its last newline dropped', () => {
    const { controller } = open();
    expect(controller.items).toEqual([{ id: 0, text: GREETING, tone: 'plain' }]);
    expect(controller.line).toEqual({ text: '', cursor: 0 });
    expect(controller.busy).toBeNull();
    expect(controller.candidates).toEqual([]);
    expect(PROMPT).toBe('(pprof) ');
  });

  it('edits the line with the keys typed and renders after each chunk', () => {
    const { controller, type, changes } = open();
    type('top5');
    type('\x1b[D\x1b[D-');
    expect(controller.line).toEqual({ text: 'to-p5', cursor: 3 });
    expect(changes()).toBe(2);
  });

  describe('Enter', () => {
    it('echoes the line after the prompt, runs it, records it and clears the line', async () => {
      const { controller, runner, history, type, output } = open();
      type('top5 -cum\r');
      expect(runner.executed).toEqual(['top5 -cum']);
      expect(controller.busy).toBe('top5 -cum');
      expect(output()).toEqual([['plain', '(pprof) top5 -cum']]);
      expect(controller.line).toEqual({ text: '', cursor: 0 });
      expect(history.lines).toEqual(['top5 -cum']);

      await runner.answer({ out: 'Showing nodes accounting for 4868.41kB, 97.90% of 4972.95kB total\n' });
      expect(controller.busy).toBeNull();
      expect(output()).toEqual([
        ['plain', '(pprof) top5 -cum'],
        ['plain', 'Showing nodes accounting for 4868.41kB, 97.90% of 4972.95kB total'],
      ]);
    });

    it('runs the line as typed, but shows it trimmed while busy', () => {
      const { controller, runner, type, output } = open();
      type('  top  \r');
      expect(runner.executed).toEqual(['  top  ']);
      expect(controller.busy).toBe('top');
      expect(output()).toEqual([['plain', '(pprof)   top  ']]);
    });

    it('runs the line wherever the cursor is', () => {
      const { runner, type } = open();
      type('top\x01\r');
      expect(runner.executed).toEqual(['top']);
    });

    it('echoes a blank line without running or recording it', () => {
      const { controller, runner, history, type, output } = open();
      type('\r   \r');
      expect(runner.executed).toEqual([]);
      expect(controller.busy).toBeNull();
      expect(output()).toEqual([['plain', '(pprof) '], ['plain', '(pprof)    ']]);
      expect(history.lines).toEqual([]);
    });

    it('gives every output item a new id, in order', async () => {
      const { controller, runner, type } = open();
      type('top\r');
      await runner.answer({ out: 'report\n', err: 'note\n' });
      expect(controller.items.map((i) => i.id)).toEqual([0, 1, 2, 3]);
    });
  });

  describe('while a command runs', () => {
    it('queues the keys typed and applies them after the result', async () => {
      const { controller, runner, type, output } = open();
      type('top\r');
      type('raw');
      type('\x1b[D');
      expect(controller.line).toEqual({ text: '', cursor: 0 });
      expect(runner.executed).toEqual(['top']);

      await runner.answer({ out: 'rows\n' });
      expect(controller.line).toEqual({ text: 'raw', cursor: 2 });
      expect(output()).toEqual([['plain', '(pprof) top'], ['plain', 'rows']]);
    });

    it('runs a queued line after the result, and queues what follows it again', async () => {
      const { controller, runner, type, output } = open();
      type('top\r');
      type('o\rq');
      await runner.answer({ out: 'rows\n' });
      expect(runner.executed).toEqual(['top', 'o']);
      expect(controller.busy).toBe('o');
      expect(controller.line).toEqual({ text: '', cursor: 0 });

      await runner.answer({ err: 'options\n' });
      expect(controller.busy).toBeNull();
      expect(controller.line).toEqual({ text: 'q', cursor: 1 });
      expect(output()).toEqual([
        ['plain', '(pprof) top'],
        ['plain', 'rows'],
        ['plain', '(pprof) o'],
        ['plain', 'options'],
      ]);
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
      expect(runner.running).toBe(0);
      expect(history.lines).toEqual(['top', 'sample_index=alloc_space', 'top5']);
    });

    it('interrupts the command on Ctrl-C, which is not queued', async () => {
      const { controller, runner, type } = open();
      type('top\r');
      type('ab\x03');
      expect(runner.interrupts).toBe(1);
      expect(controller.busy).toBe('top');
      // A queued Ctrl-C would clear the queued 'ab' once the command ends.
      await runner.answer({ err: 'interrupted\n', failed: true });
      expect(controller.line).toEqual({ text: 'ab', cursor: 2 });
      expect(runner.interrupts).toBe(1);
    });

    it('interrupts once per Ctrl-C', () => {
      const { runner, type } = open();
      type('top\r');
      type('\x03\x03');
      type('\x03');
      expect(runner.interrupts).toBe(3);
    });

    it('queues Ctrl-D, which leaves after the result when the line is empty', async () => {
      const { runner, type, exits } = open();
      type('top\r');
      type('\x04');
      expect(exits()).toBe(0);
      await runner.answer();
      expect(exits()).toBe(1);
      expect(runner.closes).toBe(1);
    });
  });

  describe('Ctrl-C and Ctrl-D when idle', () => {
    it('clears the line on Ctrl-C without interrupting or running anything', () => {
      const { controller, runner, type, output } = open();
      type('top5 main\x1b[D\x03');
      expect(controller.line).toEqual({ text: '', cursor: 0 });
      expect(runner.interrupts).toBe(0);
      expect(runner.executed).toEqual([]);
      expect(output()).toEqual([]);
    });

    it('leaves on Ctrl-D on an empty line: closes the runner and calls onExit once', () => {
      const { controller, runner, type, exits } = open();
      type('\x04\x04');
      type('\x04');
      type('top\r');
      expect(exits()).toBe(1);
      expect(runner.closes).toBe(1);
      expect(runner.executed).toEqual([]);
      expect(controller.line).toEqual({ text: '', cursor: 0 });
    });

    it.each([
      ['at the start', 'top\x01\x04', { text: 'op', cursor: 0 }],
      ['in the middle', 'top\x1b[D\x1b[D\x04', { text: 'tp', cursor: 1 }],
      ['at the end (nothing under the cursor)', 'top\x04', { text: 'top', cursor: 3 }],
    ])('deletes the character under the cursor on Ctrl-D %s of a non-empty line', (_label, input, line) => {
      const { controller, runner, type, exits } = open();
      type(input);
      expect(controller.line).toEqual(line);
      expect(exits()).toBe(0);
      expect(runner.closes).toBe(0);
    });
  });

  describe('history', () => {
    it('recalls older lines with Up and comes back to the draft with Down, cursor at the end', () => {
      const { controller, type } = open({ history: ['top', 'raw'] });
      type('dr');
      type('\x1b[A');
      expect(controller.line).toEqual({ text: 'raw', cursor: 3 });
      type('\x1b[A');
      expect(controller.line).toEqual({ text: 'top', cursor: 3 });
      type('\x1b[A');
      expect(controller.line).toEqual({ text: 'top', cursor: 3 });
      type('\x1b[B');
      expect(controller.line).toEqual({ text: 'raw', cursor: 3 });
      type('\x1b[B');
      expect(controller.line).toEqual({ text: 'dr', cursor: 2 });
      type('\x1b[B');
      expect(controller.line).toEqual({ text: 'dr', cursor: 2 });
    });

    it('recalls with Ctrl-P and Ctrl-N too', () => {
      const { controller, type } = open({ history: ['top', 'raw'] });
      type('\x10\x10');
      expect(controller.line).toEqual({ text: 'top', cursor: 3 });
      type('\x0e');
      expect(controller.line).toEqual({ text: 'raw', cursor: 3 });
    });

    it('leaves the line alone on Up with no history', () => {
      const { controller, type } = open();
      type('to\x1b[D\x1b[A');
      expect(controller.line).toEqual({ text: 'to', cursor: 1 });
    });

    it('recalls the lines entered in this session, newest first', async () => {
      const { controller, runner, type } = open({ history: ['top'] });
      type('raw\r');
      await runner.answer();
      type('\x1b[A');
      expect(controller.line).toEqual({ text: 'raw', cursor: 3 });
      type('\x1b[A');
      expect(controller.line).toEqual({ text: 'top', cursor: 3 });
    });

    it('runs a recalled line, edited', async () => {
      const { runner, history, type } = open({ history: ['top5'] });
      type('\x1b[A -cum\r');
      expect(runner.executed).toEqual(['top5 -cum']);
      expect(history.lines).toEqual(['top5', 'top5 -cum']);
    });
  });

  describe('Tab', () => {
    it('completes to the common prefix and lists the candidates until the next key', () => {
      const { controller, type } = open();
      type('n\t');
      expect(controller.line).toEqual({ text: 'no', cursor: 2 });
      expect(controller.candidates).toEqual(['nodecount', 'nodefraction', 'noinlines', 'normalize']);
      type('\t');
      expect(controller.candidates).toEqual(['nodecount', 'nodefraction', 'noinlines', 'normalize']);
      type('d');
      expect(controller.candidates).toEqual([]);
      expect(controller.line).toEqual({ text: 'nod', cursor: 3 });
    });

    it.each([
      ['a unique command', 'to\t', 'top '],
      ['a unique option', 'sample_\t', 'sample_index='],
      ['a sample type value', 'sample_index=alloc_s\t', 'sample_index=alloc_space'],
      ['a function name, escaped', 'focus=Pool\t', 'focus=sync.\\(\\*Pool\\).Get'],
      ['a function name in top arguments', 'top -GetL\t', 'top -main.GetLargeData'],
    ])('completes %s from the console info', (_label, input, text) => {
      const { controller, type } = open();
      type(input);
      expect(controller.line).toEqual({ text, cursor: text.length });
      expect(controller.candidates).toEqual([]);
    });

    it('completes >file paths through listPaths', () => {
      const { controller, pathsAsked, type } = open();
      type('top >out.\t');
      expect(pathsAsked).toEqual(['out.']);
      expect(controller.line).toEqual({ text: 'top >out.txt', cursor: 12 });
    });

    it('completes the word before the cursor and keeps the rest of the line', () => {
      const { controller, type } = open();
      type('top GetL -cum' + '\x1b[D'.repeat(5) + '\t');
      expect(controller.line).toEqual({ text: 'top main.GetLargeData -cum', cursor: 21 });
    });

    it('clears the candidates on keys that do not edit the line (Up, Enter)', () => {
      const { controller, runner, type } = open();
      type('sort=\t');
      expect(controller.candidates).toEqual(['cum', 'flat']);
      type('\x1b[A');
      expect(controller.candidates).toEqual([]);
      expect(controller.line).toEqual({ text: 'sort=', cursor: 5 });
      type('\t');
      expect(controller.candidates).toEqual(['cum', 'flat']);
      type('\r');
      expect(controller.candidates).toEqual([]);
      expect(runner.executed).toEqual(['sort=']);
    });
  });

  describe('results', () => {
    it('prints a failed command\'s message with the error tone', async () => {
      const { runner, type, output } = open();
      type('foo\r');
      await runner.answer({ err: 'unrecognized command: "foo"\n', failed: true });
      expect(output()).toEqual([['plain', '(pprof) foo'], ['error', 'unrecognized command: "foo"']]);
    });

    it('prints messages of a successful command plainly, before its report', async () => {
      const { runner, type, output } = open();
      type('top\r');
      await runner.answer({ out: 'rows\n', err: 'Dropped 28 nodes\n' });
      expect(output()).toEqual([['plain', '(pprof) top'], ['plain', 'Dropped 28 nodes'], ['plain', 'rows']]);
    });

    it('keeps all but the last newline of multi-line output', async () => {
      const { runner, type, output } = open();
      type('top\r');
      await runner.answer({ out: 'a\nb\n\n' });
      expect(output()).toEqual([['plain', '(pprof) top'], ['plain', 'a\nb\n']]);
    });

    it('leaves on a quit result: closes the runner, calls onExit once, drops queued keys', async () => {
      const { runner, type, exits, changes } = open();
      type('quit\r');
      type('top\r');
      expect(exits()).toBe(0);
      const before = changes();
      await runner.answer({ quit: true });
      expect(exits()).toBe(1);
      expect(runner.closes).toBe(1);
      expect(runner.executed).toEqual(['quit']);
      expect(changes()).toBe(before + 1);
      type('raw\r');
      expect(runner.executed).toEqual(['quit']);
      expect(exits()).toBe(1);
    });

    it('writes a >file report through writeFile', async () => {
      const { runner, type, written, output } = open();
      type('top >out.txt\r');
      await runner.answer({ err: 'Generating report in out.txt\n', file: { path: 'out.txt', text: 'rows\n' } });
      expect(written).toEqual([['out.txt', 'rows\n']]);
      expect(output()).toEqual([['plain', '(pprof) top >out.txt'], ['plain', 'Generating report in out.txt']]);
    });

    it('prints writeFile\'s failure with the error tone', async () => {
      const failure = "heapcli: /nope/out.txt: ENOENT: no such file or directory, open '/nope/out.txt'";
      const { controller, runner, type, written, output } = open({ writeFailure: failure });
      type('top >/nope/out.txt\r');
      type('raw');
      await runner.answer({ err: 'Generating report in /nope/out.txt\n', file: { path: '/nope/out.txt', text: 'rows\n' } });
      expect(written).toEqual([['/nope/out.txt', 'rows\n']]);
      expect(output()).toEqual([
        ['plain', '(pprof) top >/nope/out.txt'],
        ['plain', 'Generating report in /nope/out.txt'],
        ['error', failure],
      ]);
      expect(controller.line).toEqual({ text: 'raw', cursor: 3 });
    });

    it('renders once a result arrives', async () => {
      const { runner, type, changes } = open();
      type('top\r');
      const before = changes();
      await runner.answer({ out: 'rows\n' });
      expect(changes()).toBe(before + 1);
    });
  });
});
