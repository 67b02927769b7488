import type { Key } from '../../src/ui/keys.js';
import { EMPTY_LINE, editLine, type LineState } from '../../src/ui/line-editor.js';

/**
 * Lines are written with '|' marking the cursor: 'to|p' is { text: 'top', cursor: 2 }. The texts
 * under test contain no '|' of their own.
 */
function at(marked: string): LineState {
  const cursor = marked.indexOf('|');
  if (cursor < 0 || marked.indexOf('|', cursor + 1) >= 0) throw new Error(`one cursor mark expected in ${marked}`);
  return { text: marked.slice(0, cursor) + marked.slice(cursor + 1), cursor };
}

const key = (name: Exclude<Key['name'], 'text'>): Key => ({ name });
const type = (text: string): Key => ({ name: 'text', text });

/** The edit of `before` by `k`, written back with the cursor mark. */
function edited(before: string, k: Key): string {
  const { text, cursor } = editLine(at(before), k);
  return text.slice(0, cursor) + '|' + text.slice(cursor);
}

describe('editLine', () => {
  it('starts from an empty line with the cursor at 0', () => {
    expect(EMPTY_LINE).toEqual({ text: '', cursor: 0 });
  });

  describe('inserting text', () => {
    it.each([
      ['|', 'top', 'top|'],
      ['|op', 't', 't|op'],
      ['t|p', 'o', 'to|p'],
      ['to|', 'p', 'top|'],
      ['top| -cum', '10', 'top10| -cum'],
      ['top |', 'main.(*Forest).Grow', 'top main.(*Forest).Grow|'],
    ])('%j + %j -> %j', (before, inserted, after) => {
      expect(edited(before, type(inserted))).toBe(after);
    });
  });

  describe.each<[Exclude<Key['name'], 'text'>, [string, string][]]>([
    [
      'backspace',
      [
        ['|top', '|top'],
        ['t|op', '|op'],
        ['to|p', 't|p'],
        ['top|', 'to|'],
        ['|', '|'],
      ],
    ],
    [
      'delete',
      [
        ['|top', '|op'],
        ['t|op', 't|p'],
        ['top|', 'top|'],
        ['|', '|'],
      ],
    ],
    [
      'left',
      [
        ['|top', '|top'],
        ['to|p', 't|op'],
        ['top|', 'to|p'],
      ],
    ],
    [
      'right',
      [
        ['|top', 't|op'],
        ['to|p', 'top|'],
        ['top|', 'top|'],
      ],
    ],
    [
      'home',
      [
        ['|top', '|top'],
        ['to|p', '|top'],
        ['top|', '|top'],
      ],
    ],
    [
      'end',
      [
        ['|top', 'top|'],
        ['to|p', 'top|'],
        ['top|', 'top|'],
      ],
    ],
    [
      'kill-before',
      [
        ['|top 5', '|top 5'],
        ['top| 5', '| 5'],
        ['top 5|', '|'],
      ],
    ],
    [
      'kill-after',
      [
        ['|top 5', '|'],
        ['top| 5', 'top|'],
        ['top 5|', 'top 5|'],
      ],
    ],
  ])('%s', (name, cases) => {
    it.each(cases)('%j -> %j', (before, after) => {
      expect(edited(before, key(name))).toBe(after);
    });
  });

  it('returns the same line object for a no-op backspace at the start and delete at the end', () => {
    const start = at('|top');
    const end = at('top|');
    expect(editLine(start, key('backspace'))).toBe(start);
    expect(editLine(end, key('delete'))).toBe(end);
  });

  describe('word motions (words are runs of non-spaces)', () => {
    it.each([
      ['|top  main   -cum', '|top  main   -cum'],
      ['top  main   -cum|', 'top  main   |-cum'],
      ['top  main   -c|um', 'top  main   |-cum'],
      ['top  main   |-cum', 'top  |main   -cum'],
      ['top  main |  -cum', 'top  |main   -cum'],
      ['top  ma|in   -cum', 'top  |main   -cum'],
      ['t|op  main   -cum', '|top  main   -cum'],
      ['   |top', '|   top'],
    ])('word-left %j -> %j', (before, after) => {
      expect(edited(before, key('word-left'))).toBe(after);
    });

    it.each([
      ['|top  main   -cum', 'top|  main   -cum'],
      ['t|op  main   -cum', 'top|  main   -cum'],
      ['top|  main   -cum', 'top  main|   -cum'],
      ['top | main   -cum', 'top  main|   -cum'],
      ['top  main|   -cum', 'top  main   -cum|'],
      ['top  main   -cum|', 'top  main   -cum|'],
      ['top   |', 'top   |'],
    ])('word-right %j -> %j', (before, after) => {
      expect(edited(before, key('word-right'))).toBe(after);
    });
  });

  describe('kill-word (Ctrl-W: the spaces before the cursor, then the word)', () => {
    it.each([
      ['|top  main', '|top  main'],
      ['top  main|', 'top  |'],
      ['top  main   |', 'top  |'],
      ['top  main   |-cum', 'top  |-cum'],
      ['top  ma|in', 'top  |in'],
      ['top  |main', '|main'],
      ['top |  main', '|  main'],
      ['top|', '|'],
      ['   |', '|'],
      ['focus=main.(*Forest).Grow|', '|'],
    ])('%j -> %j', (before, after) => {
      expect(edited(before, key('kill-word'))).toBe(after);
    });
  });

  it.each<Exclude<Key['name'], 'text'>>(['enter', 'tab', 'up', 'down', 'interrupt', 'eof', 'clear-screen'])(
    'leaves the line unchanged on %s',
    (name) => {
      const line = at('to|p');
      expect(editLine(line, key(name))).toBe(line);
    },
  );

  // Editing moves by characters, not UTF-16 code units: a character outside the BMP (an emoji in
  // a >file name, say) is removed whole.
  it('removes a whole character outside the BMP on backspace', () => {
    expect(edited('>😀|', key('backspace'))).toBe('>|');
  });
});
