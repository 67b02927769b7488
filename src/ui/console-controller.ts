import { completeLine } from '../commands/complete.js';
import type { History } from './history.js';
import type { Key } from './keys.js';
import { EMPTY_LINE, type LineState, PROMPT, editLine } from './line-editor.js';
import type { ConsoleInfo, ConsoleResult, SessionRunner } from './runner.js';
import { type FlameView, openFlame, pressFlameKey } from './terminal/flame/flame-nav.js';

/**
 * loading: no session yet; editing: the prompt; running: a command computes; printing: its answer
 * prints; flame: the flame view is up, and keys move in it.
 */
export type ConsolePhase = 'loading' | 'editing' | 'running' | 'printing' | 'flame' | 'done';

/** What the live part of the console shows. */
export interface ConsoleView {
  readonly phase: ConsolePhase;
  readonly line: LineState;
  readonly candidates: readonly string[];
  /** The command running, for the spinner. */
  readonly busy: string | null;
  /** The flame view, in phase `flame` (null or absent otherwise). */
  readonly flame?: FlameView | null;
}

/** Where the console's text goes: the scrollback above the live part. */
export interface ConsoleOutput {
  /** Leaves a line (the prompt and what was typed) in the scrollback. */
  commitLine(text: string): void;
  /** Prints text that stays: the greeting, a message. */
  printText(text: string, tone: 'plain' | 'error'): void;
  /**
   * Prints a command's answer, piece by piece; resolves once printed or stopped. `stopped`: Ctrl-C
   * came while the command ran, too late for it to notice: its messages print, its report does not.
   */
  printResult(result: ConsoleResult, stopped: boolean): Promise<void>;
  /** Stops the answer being printed (Ctrl-C). */
  stopPrinting(): void;
  /** Clears the screen (Ctrl-L). */
  clearScreen(): void;
}

/** A screen the flame view can take over: the terminal console's (the alternate screen). */
export interface FlameScreen {
  /** The screen's width now: a graph is pruned to it, and keys move among the frames it shows. */
  columns(): number;
  /** Takes the screen for the view; `leave` gives it back as it was, the prompt where it was. */
  enter(): void;
  leave(): void;
}

/** What the console needs from outside. */
export interface ConsoleDeps {
  readonly history: History;
  readonly output: ConsoleOutput;
  readonly listPaths: (partial: string) => string[];
  /** Called after every change of the view, to draw it again. */
  readonly onChange: () => void;
  /** Called once, with the exit status, when the console ends. */
  readonly onExit: (status: number) => void;
  /** Where `flame` is drawn; without one, the session answers that it needs a terminal. */
  readonly flameScreen?: FlameScreen;
}

/**
 * The console's state and key handling: the line being edited, history, completion, and which
 * phase the console is in. Keys that come while there is no prompt (loading, a command running or
 * printing) wait their turn and run in order, as typed; Ctrl-C stops what is going on instead.
 */
export class ConsoleController {
  private state: { phase: ConsolePhase; line: LineState; candidates: readonly string[]; busy: string | null; flame: FlameView | null } = {
    phase: 'loading',
    line: EMPTY_LINE,
    candidates: [],
    busy: null,
    flame: null,
  };
  private pending: Key[] = [];
  /** Ctrl-C was pressed while the current command ran. */
  private interrupted = false;
  private session: { runner: SessionRunner; info: ConsoleInfo } | null = null;

  constructor(private readonly deps: ConsoleDeps) {}

  /** What to draw now. */
  get view(): ConsoleView {
    return this.state;
  }

  /**
   * The session is ready: greets (unless the greeting is on screen already), shows the prompt and
   * runs the keys typed meanwhile.
   */
  start(runner: SessionRunner, info: ConsoleInfo, greeted = false): void {
    if (this.state.phase !== 'loading') return runner.close();
    this.session = { runner, info };
    if (!greeted) this.deps.output.printText(info.greeting, 'plain');
    this.enterPrompt();
  }

  /** The session could not start: says why and ends with status 1. */
  fail(message: string): void {
    if (this.state.phase !== 'loading') return;
    this.deps.output.printText(`${message}\n`, 'error');
    this.leave(1);
  }

  /** Handles keys in order; without a prompt they queue, but Ctrl-C stops what is going on. */
  press(keys: readonly Key[]): void {
    const queue = [...keys];
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const { phase } = this.state;
      if (phase === 'done') return;
      if (phase === 'editing') this.handle(key);
      else if (phase === 'flame' && key.name === 'text' && key.text.length > 1) {
        // Letters are keys of their own in the view; those after one that leaves it are typed at the prompt.
        queue.unshift(...[...key.text].map((text): Key => ({ name: 'text', text })));
      } else if (phase === 'flame') this.pressInFlame(key);
      else if (key.name === 'interrupt' || (phase === 'loading' && key.name === 'eof')) this.interrupt();
      else this.pending.push(key);
    }
    this.deps.onChange();
  }

  /** A key in the flame view: moves or zooms in it, or leaves it for the prompt. */
  private pressInFlame(key: Key): void {
    const screen = this.deps.flameScreen!;
    const next = pressFlameKey(this.state.flame!, key, screen.columns());
    if (next !== null) return this.set({ flame: next });
    this.set({ flame: null });
    screen.leave();
    this.enterPrompt();
  }

  private interrupt(): void {
    const { phase } = this.state;
    if (phase === 'loading') return this.leave(130);
    this.interrupted = true;
    this.session?.runner.interrupt();
    if (phase === 'printing') this.deps.output.stopPrinting();
  }

  private handle(key: Key): void {
    const { history } = this.deps;
    if (key.name !== 'tab') this.set({ candidates: [] });
    switch (key.name) {
      case 'enter':
        return this.submit(this.state.line.text);
      case 'interrupt':
        // As a shell does: the abandoned line stays in the scrollback, marked.
        this.deps.output.commitLine(`${PROMPT}${this.state.line.text}^C`);
        this.set({ line: EMPTY_LINE });
        return history.reset();
      case 'eof':
        if (this.state.line.text !== '') return this.set({ line: editLine(this.state.line, { name: 'delete' }) });
        this.deps.output.commitLine(PROMPT);
        return this.leave(0);
      case 'up':
      case 'down': {
        const recalled = key.name === 'up' ? history.previous(this.state.line.text) : history.next();
        if (recalled !== null) this.set({ line: { text: recalled, cursor: recalled.length } });
        return;
      }
      case 'tab':
        return this.complete();
      case 'clear-screen':
        return this.deps.output.clearScreen();
      default:
        this.set({ line: editLine(this.state.line, key) });
    }
  }

  private complete(): void {
    const { info } = this.session!;
    const { line } = this.state;
    const done = completeLine(line.text, line.cursor, {
      sampleTypes: info.sampleTypes,
      sampleUnits: info.sampleUnits,
      labelKeys: info.labelKeys,
      functionNames: () => info.functionNames,
      listPaths: this.deps.listPaths,
    });
    this.set({ line: { text: done.line, cursor: done.cursor }, candidates: done.candidates });
  }

  private submit(text: string): void {
    this.deps.output.commitLine(PROMPT + text);
    this.deps.history.add(text);
    this.set({ line: EMPTY_LINE });
    if (text.trim() === '') return;
    this.set({ phase: 'running', busy: text.trim() });
    this.interrupted = false;
    const screen = this.deps.flameScreen;
    void this.session!.runner.execute(text, screen && { columns: screen.columns() }).then((result) => this.show(result));
  }

  private async show(result: ConsoleResult): Promise<void> {
    if (result.flame && this.deps.flameScreen && !this.interrupted) return this.showFlame(result);
    this.set({ phase: 'printing' });
    this.deps.onChange();
    await this.deps.output.printResult(result, this.interrupted);
    if (result.quit) return this.leave(result.failed ? 1 : 0);
    this.enterPrompt();
  }

  /** Opens the flame view on `result`'s graph (its warnings printed first, where they stay). */
  private showFlame(result: ConsoleResult): void {
    if (result.err) this.deps.output.printText(result.err, 'plain');
    // Keys typed while the graph was made are for the view (an arrow, q): they go to it, in order.
    this.set({ phase: 'flame', busy: null, flame: openFlame(result.flame!) });
    this.deps.flameScreen!.enter();
    const queued = this.pending;
    this.pending = [];
    this.press(queued);
  }

  /** Shows the prompt, then replays the keys typed while there was none. */
  private enterPrompt(): void {
    this.set({ phase: 'editing', busy: null });
    const queued = this.pending;
    this.pending = [];
    this.press(queued);
  }

  private leave(status: number): void {
    this.set({ phase: 'done', busy: null, candidates: [] });
    this.session?.runner.close();
    this.deps.onChange();
    this.deps.onExit(status);
  }

  private set(change: Partial<typeof this.state>): void {
    this.state = { ...this.state, ...change };
  }
}
