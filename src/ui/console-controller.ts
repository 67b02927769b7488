import { completeLine } from '../commands/complete.js';
import type { ExecResult } from '../session.js';
import type { History } from './history.js';
import type { Key } from './keys.js';
import { EMPTY_LINE, type LineState, editLine } from './line-editor.js';
import type { ConsoleInfo, SessionRunner } from './runner.js';

/** A finished piece of output: an echoed command line, a report, or a message. */
export interface OutputItem {
  readonly id: number;
  readonly text: string;
  readonly tone: 'plain' | 'error';
}

/** What the console needs from outside. */
export interface ConsoleDeps {
  readonly runner: SessionRunner;
  readonly info: ConsoleInfo;
  readonly history: History;
  /** Writes a `>file` report; returns an error message or null. */
  readonly writeFile: (path: string, text: string) => string | null;
  readonly listPaths: (partial: string) => string[];
  /** Called after every change, to render again. */
  readonly onChange: () => void;
  /** Called once, when the user leaves. */
  readonly onExit: () => void;
}

export const PROMPT = '(pprof) ';

/**
 * The console's state and key handling: the line being edited, history, completion, and the
 * output so far. A line runs through the runner; keys that arrive meanwhile wait their turn,
 * except Ctrl-C, which interrupts the command.
 */
export class ConsoleController {
  line: LineState = EMPTY_LINE;
  candidates: readonly string[] = [];
  busy: string | null = null;
  readonly items: OutputItem[] = [];
  private pending: Key[] = [];
  private nextId = 0;
  private done = false;

  /** True once the user has left; nothing more is drawn or read. */
  get finished(): boolean {
    return this.done;
  }

  constructor(private readonly deps: ConsoleDeps) {
    this.print(deps.info.greeting, 'plain');
  }

  /** Handles keys in order; while a command runs they queue, but Ctrl-C interrupts it. */
  press(keys: readonly Key[]): void {
    for (const key of keys) {
      if (this.done) return;
      if (this.busy !== null) {
        if (key.name === 'interrupt') this.deps.runner.interrupt();
        else this.pending.push(key);
        continue;
      }
      this.handle(key);
    }
    this.deps.onChange();
  }

  private handle(key: Key): void {
    const { history } = this.deps;
    if (key.name !== 'tab') this.candidates = [];
    switch (key.name) {
      case 'enter':
        return this.submit(this.line.text);
      case 'interrupt':
        this.line = EMPTY_LINE;
        history.reset();
        return;
      case 'eof':
        if (this.line.text === '') return this.leave();
        this.line = editLine(this.line, { name: 'delete' });
        return;
      case 'up':
      case 'down': {
        const recalled = key.name === 'up' ? history.previous(this.line.text) : history.next();
        if (recalled !== null) this.line = { text: recalled, cursor: recalled.length };
        return;
      }
      case 'tab':
        return this.complete();
      default:
        this.line = editLine(this.line, key);
    }
  }

  private complete(): void {
    const { info, listPaths } = this.deps;
    const done = completeLine(this.line.text, this.line.cursor, {
      sampleTypes: info.sampleTypes,
      functionNames: () => info.functionNames,
      listPaths,
    });
    this.line = { text: done.line, cursor: done.cursor };
    this.candidates = done.candidates;
  }

  private submit(text: string): void {
    this.print(PROMPT + text, 'plain');
    this.deps.history.add(text);
    this.line = EMPTY_LINE;
    if (text.trim() === '') return;
    this.busy = text.trim();
    void this.deps.runner.execute(text).then((result) => this.finish(result));
  }

  private finish(result: ExecResult): void {
    this.busy = null;
    if (result.err) this.print(result.err, result.failed ? 'error' : 'plain');
    if (result.out) this.print(result.out, 'plain');
    if (result.file) {
      const failure = this.deps.writeFile(result.file.path, result.file.text);
      if (failure) this.print(failure, 'error');
    }
    if (result.quit) return this.leave();
    const queued = this.pending;
    this.pending = [];
    this.press(queued);
  }

  private leave(): void {
    this.done = true;
    this.deps.runner.close();
    this.deps.onChange();
    this.deps.onExit();
  }

  private print(text: string, tone: OutputItem['tone']): void {
    this.items.push({ id: this.nextId++, text: text.endsWith('\n') ? text.slice(0, -1) : text, tone });
  }
}
