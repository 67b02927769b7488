import { appendFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileWhole } from '../host/whole-file.js';

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
  /** Lines in the file as far as this console knows (others may have added more). */
  private fileLines = 0;

  constructor(
    private readonly file: string | null,
    entries: string[] = [],
  ) {
    this.entries = entries.slice(-HISTORY_LIMIT);
    this.position = this.entries.length;
  }

  /** Loads the history file (missing or unreadable: empty). */
  static load(file: string | null): History {
    if (!file) return new History(null);
    try {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n').filter((l) => l !== '');
      const history = new History(file, lines);
      history.needsNewline = text !== '' && !text.endsWith('\n');
      history.fileLines = lines.length;
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

  /**
   * Appends the line: one small write with O_APPEND, so consoles open at once add their lines
   * side by side. Past the limit, the file is trimmed from what it holds then, not
   * from this console's memory, so no other console's lines are lost.
   */
  private persist(line: string): void {
    if (!this.file) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, (this.needsNewline ? '\n' : '') + line + '\n');
      this.needsNewline = false;
      this.fileLines += 1;
      if (this.fileLines > HISTORY_LIMIT) this.fileLines = trimHistoryFile(this.file);
    } catch {
      // An unwritable history file costs the history, not the session. A write cut short may
      // have left half a line: the next one starts on a line of its own.
      this.needsNewline = true;
    }
  }
}

/**
 * Keeps the last HISTORY_LIMIT lines of the file, replacing it whole (whole-file.ts). A line
 * another console appends while the trimmed text is written calls the replacement off, and the
 * file is read again. Returns how many lines the file holds.
 */
export function trimHistoryFile(file: string): number {
  for (let attempt = 0; attempt < 3; attempt++) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter((l) => l !== '');
    if (lines.length <= HISTORY_LIMIT) return lines.length;
    const kept = Buffer.from(lines.slice(-HISTORY_LIMIT).join('\n') + '\n');
    const size = Buffer.byteLength(text);
    if (writeFileWhole(file, [kept], undefined, () => statSync(file).size === size)) return HISTORY_LIMIT;
  }
  // Busy with other consoles: the next line tries again.
  return HISTORY_LIMIT + 1;
}
