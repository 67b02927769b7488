import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HISTORY_LIMIT, History, historyPath } from '../../src/ui/history.js';

/** Numbered distinct lines: cmd1, cmd2, ... */
const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `cmd${from + i}`);

describe('historyPath', () => {
  it.each<[string, NodeJS.ProcessEnv, string | null]>([
    ['unset: ~/.heapcli_history', {}, join(homedir(), '.heapcli_history')],
    ['set: that file', { HEAPCLI_HISTORY: '/var/tmp/pprof.hist' }, '/var/tmp/pprof.hist'],
    ['set to a relative path: as given', { HEAPCLI_HISTORY: 'hist.txt' }, 'hist.txt'],
    ["'' disables it", { HEAPCLI_HISTORY: '' }, null],
    ["'off' disables it", { HEAPCLI_HISTORY: 'off' }, null],
  ])('%s', (_label, env, expected) => {
    expect(historyPath(env)).toBe(expected);
  });

  it('keeps the limit at 1000 lines', () => {
    expect(HISTORY_LIMIT).toBe(1000);
  });
});

describe('History navigation', () => {
  it('walks back with previous and forward with next, returning the draft after the newest', () => {
    const h = new History(null, ['top', 'raw', 'o']);
    expect(h.previous('top5 ma')).toBe('o');
    expect(h.previous('o')).toBe('raw');
    expect(h.previous('raw')).toBe('top');
    expect(h.previous('top')).toBeNull();
    expect(h.next()).toBe('raw');
    expect(h.next()).toBe('o');
    expect(h.next()).toBe('top5 ma');
    expect(h.next()).toBeNull();
  });

  it('keeps the first draft while moving among entries (an edited entry does not replace it)', () => {
    const h = new History(null, ['top', 'raw']);
    expect(h.previous('draft')).toBe('raw');
    expect(h.previous('raw edited')).toBe('top');
    expect(h.next()).toBe('raw');
    expect(h.next()).toBe('draft');
  });

  it('takes a new draft after coming back to it', () => {
    const h = new History(null, ['top']);
    expect(h.previous('one')).toBe('top');
    expect(h.next()).toBe('one');
    expect(h.previous('two')).toBe('top');
    expect(h.next()).toBe('two');
  });

  it('has nothing to recall when empty', () => {
    const h = new History(null);
    expect(h.previous('x')).toBeNull();
    expect(h.next()).toBeNull();
    expect(h.lines).toEqual([]);
  });

  it('restarts from the newest entry, with an empty draft, after add', () => {
    const h = new History(null, ['top', 'raw']);
    h.previous('draft');
    h.previous('raw');
    h.add('o');
    expect(h.previous('')).toBe('o');
    expect(h.next()).toBe('');
  });

  it('restarts navigation even when the added line is not recorded', () => {
    const h = new History(null, ['top', 'raw']);
    expect(h.previous('draft')).toBe('raw');
    expect(h.previous('raw')).toBe('top');
    h.add('raw');
    expect(h.lines).toEqual(['top', 'raw']);
    expect(h.previous('')).toBe('raw');
    expect(h.next()).toBe('');
  });
});

describe('History.add', () => {
  it('records lines oldest first, as typed', () => {
    const h = new History(null);
    h.add('top');
    h.add(' top10 -cum ');
    expect(h.lines).toEqual(['top', ' top10 -cum ']);
  });

  it.each([[''], [' '], ['\t  ']])('does not record the blank line %j', (blank) => {
    const h = new History(null, ['top']);
    h.add(blank);
    expect(h.lines).toEqual(['top']);
  });

  it('does not record an immediate repeat, but does record a repeat of an older line', () => {
    const h = new History(null);
    h.add('top');
    h.add('top');
    h.add('raw');
    h.add('top');
    expect(h.lines).toEqual(['top', 'raw', 'top']);
  });

  it('keeps the newest HISTORY_LIMIT entries given to the constructor', () => {
    const h = new History(null, numbered(1, HISTORY_LIMIT + 5));
    expect(h.lines.length).toBe(HISTORY_LIMIT);
    expect(h.lines[0]).toBe('cmd6');
    expect(h.lines[HISTORY_LIMIT - 1]).toBe(`cmd${HISTORY_LIMIT + 5}`);
  });

  it('drops the oldest entry once more than HISTORY_LIMIT are added', () => {
    const h = new History(null, numbered(1, HISTORY_LIMIT));
    h.add('newest');
    expect(h.lines.length).toBe(HISTORY_LIMIT);
    expect(h.lines[0]).toBe('cmd2');
    expect(h.lines[HISTORY_LIMIT - 1]).toBe('newest');
    expect(h.previous('')).toBe('newest');
  });
});

describe('History persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'heapcli-history-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = (file: string) => readFileSync(file, 'utf8');

  it('writes each recorded line to the file and reads them back', () => {
    const file = join(dir, 'history');
    const h = History.load(file);
    expect(h.lines).toEqual([]);
    h.add('top');
    h.add('');
    h.add('sample_index=alloc_space');
    h.add('sample_index=alloc_space');
    h.add('top5 -cum');
    expect(lines(file)).toBe('top\nsample_index=alloc_space\ntop5 -cum\n');
    const again = History.load(file);
    expect(again.lines).toEqual(['top', 'sample_index=alloc_space', 'top5 -cum']);
    expect(again.previous('')).toBe('top5 -cum');
  });

  it('creates the missing directories of the file', () => {
    const file = join(dir, 'a', 'b', 'history');
    History.load(file).add('top');
    expect(lines(file)).toBe('top\n');
  });

  it('skips blank lines of the file on load', () => {
    const file = join(dir, 'history');
    writeFileSync(file, '\ntop\n\n\nraw\n');
    expect(History.load(file).lines).toEqual(['top', 'raw']);
  });

  it('loads only the newest HISTORY_LIMIT lines of a longer file and rewrites it to the limit on the next add', () => {
    const file = join(dir, 'history');
    writeFileSync(file, numbered(1, HISTORY_LIMIT + 500).join('\n') + '\n');
    const h = History.load(file);
    expect(h.lines.length).toBe(HISTORY_LIMIT);
    expect(h.lines[0]).toBe('cmd501');
    h.add('newest');
    const written = lines(file).split('\n');
    expect(written.length).toBe(HISTORY_LIMIT + 1);
    expect(written[0]).toBe('cmd502');
    expect(written[HISTORY_LIMIT - 1]).toBe('newest');
    expect(written[HISTORY_LIMIT]).toBe('');
  });

  it('keeps the file at HISTORY_LIMIT lines as lines keep coming', () => {
    const file = join(dir, 'history');
    writeFileSync(file, numbered(1, HISTORY_LIMIT - 1).join('\n') + '\n');
    const h = History.load(file);
    h.add('x1');
    expect(lines(file)).toBe([...numbered(1, HISTORY_LIMIT - 1), 'x1'].join('\n') + '\n');
    h.add('x2');
    h.add('x3');
    expect(lines(file)).toBe([...numbered(3, HISTORY_LIMIT - 1), 'x1', 'x2', 'x3'].join('\n') + '\n');
    expect(History.load(file).lines).toEqual(h.lines);
  });

  it('treats a missing file as an empty history', () => {
    expect(History.load(join(dir, 'none')).lines).toEqual([]);
  });

  it('keeps no file when the path is null', () => {
    const h = History.load(null);
    h.add('top');
    expect(h.lines).toEqual(['top']);
  });

  it('tolerates a path that cannot be read or written (a directory): history works in memory', () => {
    const h = History.load(dir);
    expect(h.lines).toEqual([]);
    expect(() => h.add('top')).not.toThrow();
    expect(h.lines).toEqual(['top']);
    expect(h.previous('')).toBe('top');
  });

  it('tolerates a path under a regular file (its directory cannot be made)', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const h = History.load(join(blocker, 'history'));
    expect(() => h.add('top')).not.toThrow();
    expect(h.lines).toEqual(['top']);
    expect(lines(blocker)).toBe('x');
  });

  it('tolerates an unwritable path also once the limit makes it rewrite the whole file', () => {
    const h = new History(dir, numbered(1, HISTORY_LIMIT));
    expect(() => h.add('newest')).not.toThrow();
    expect(h.lines.length).toBe(HISTORY_LIMIT);
    expect(h.lines[0]).toBe('cmd2');
    expect(h.lines[HISTORY_LIMIT - 1]).toBe('newest');
  });

  // A history file whose last line has no newline (written by hand, or cut short) gets one
  // before the next line is appended.
  it('starts a new line when the file does not end with a newline', () => {
    const file = join(dir, 'history');
    writeFileSync(file, 'top');
    History.load(file).add('raw');
    expect(History.load(file).lines).toEqual(['top', 'raw']);
  });
});
