import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Lines kept in the history file at most. */
export const HISTORY_LIMIT = 1000;

/**
 * The file history lives in: `HEAPCLI_HISTORY` when set (empty or `off` disables it), else
 * `~/.heapcli_history`.
 */
export function historyPath(env: NodeJS.ProcessEnv): string | null {
  const setting = env.HEAPCLI_HISTORY;
  if (setting === undefined) return join(homedir(), '.heapcli_history');
  return setting === '' || setting === 'off' ? null : setting;
}

/**
 * Lines entered before, oldest first, with Up/Down navigation that keeps the line being typed
 * (the draft) to come back to. Persisted to a bounded file; a file that cannot be read or written
 * only means no history, never an error at the prompt.
 */
export class History {
  private entries: string[];
  /** The entry shown, or entries.length for the draft. */
  private position: number;
  private draft = '';
  /** The file's last line had no newline: the next append starts a new line first. */
  private needsNewline = false;

  constructor(private readonly file: string | null, entries: string[] = []) {
    this.entries = entries.slice(-HISTORY_LIMIT);
    this.position = this.entries.length;
  }

  /** Loads the history file (missing or unreadable: empty). */
  static load(file: string | null): History {
    if (!file) return new History(null);
    try {
      const text = readFileSync(file, 'utf8');
      const history = new History(file, text.split('\n').filter((l) => l !== ''));
      history.needsNewline = text !== '' && !text.endsWith('\n');
      return history;
    } catch {
      return new History(file);
    }
  }

  /** All entries, oldest first. */
  get lines(): readonly string[] {
    return this.entries;
  }

  /** Records an entered line (not blank ones, nor a repeat of the last) and resets navigation. */
  add(line: string): void {
    this.position = this.entries.length;
    this.draft = '';
    if (line.trim() === '' || this.entries[this.entries.length - 1] === line) return;
    this.entries.push(line);
    if (this.entries.length > HISTORY_LIMIT) this.entries = this.entries.slice(-HISTORY_LIMIT);
    this.position = this.entries.length;
    this.persist(line);
  }

  /** Goes back to the line being typed (after Ctrl-C, the next Up starts from the newest entry). */
  reset(): void {
    this.position = this.entries.length;
    this.draft = '';
  }

  /** The previous entry (Up), or null at the oldest; `current` is kept as the draft. */
  previous(current: string): string | null {
    if (this.position === 0) return null;
    if (this.position === this.entries.length) this.draft = current;
    this.position -= 1;
    return this.entries[this.position];
  }

  /** The next entry (Down), the draft after the newest, or null when already on the draft. */
  next(): string | null {
    if (this.position >= this.entries.length) return null;
    this.position += 1;
    return this.position === this.entries.length ? this.draft : this.entries[this.position];
  }

  private persist(line: string): void {
    if (!this.file) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      if (this.entries.length >= HISTORY_LIMIT) writeFileSync(this.file, this.entries.join('\n') + '\n');
      else appendFileSync(this.file, (this.needsNewline ? '\n' : '') + line + '\n');
      this.needsNewline = false;
    } catch {
      // An unwritable history file costs the history, not the session.
    }
  }
}
