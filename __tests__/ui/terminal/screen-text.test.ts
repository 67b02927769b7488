import { displayWidth, layOutLine, rowsAroundCursor, rowsOnScreen, withCursorCell } from '../../../src/ui/terminal/screen-text.js';
import { showControls } from '../../../src/ui/terminal/visible-controls.js';
import { candidateRows } from '../../../src/ui/terminal/live-layout.js';

describe('screen text', () => {
  it('measures wide characters as two columns and combining marks as none', () => {
    expect(displayWidth('main.growBuf')).toBe(12);
    expect(displayWidth('数据库')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('counts the rows a line takes once the terminal wraps it', () => {
    expect([rowsOnScreen(0, 80), rowsOnScreen(80, 80), rowsOnScreen(81, 80), rowsOnScreen(106, 40)]).toEqual([1, 1, 2, 3]);
  });

  it('lays a line out in rows of the width, keeping a cell for the cursor at the end', () => {
    expect(layOutLine('abcdef', 6, 3)).toEqual({ rows: ['abc', 'def', ''], cursor: { row: 2, column: 0 } });
    expect(layOutLine('abcdef', 4, 4)).toEqual({ rows: ['abcd', 'ef'], cursor: { row: 1, column: 0 } });
    expect(layOutLine('', 0, 10)).toEqual({ rows: [''], cursor: { row: 0, column: 0 } });
  });

  it('never cuts a wide character or a combined one', () => {
    expect(layOutLine('ab数据', 4, 3)).toEqual({ rows: ['ab', '数', '据'], cursor: { row: 2, column: 2 } });
    expect(layOutLine('ae\u0301x', 3, 2).rows).toEqual(['ae\u0301', 'x']);
  });

  it('keeps the rows around the cursor when the line is taller than the screen', () => {
    const line = layOutLine('x'.repeat(100), 45, 10);
    expect(rowsAroundCursor(line, 3)).toEqual({ rows: ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10)], cursor: { row: 2, column: 5 } });
    expect(rowsAroundCursor(line, 20)).toBe(line);
  });

  it('draws the cursor cell in inverse video, a blank past the end', () => {
    expect(withCursorCell('top', 1)).toBe('t\x1b[7mo\x1b[27mp');
    expect(withCursorCell('top', 3)).toBe('top\x1b[7m \x1b[27m');
    expect(withCursorCell('a数b', 3)).toBe('a数\x1b[7mb\x1b[27m');
  });
});

describe('showControls', () => {
  it('shows C0 controls, DEL, C1 controls and bidi overrides visibly, and leaves text alone', () => {
    expect(showControls('main.f\x1b]0;pwned\x07\x1b[2J\r\bx\x7f\x9b\u202egnp.exe')).toBe(
      'main.f^[]0;pwned^G^[[2J^M^Hx^?<U+009B><U+202E>gnp.exe',
    );
    expect(showControls('tab\tand newline\n数据库')).toBe('tab\tand newline\n数据库');
  });
});

describe('candidateRows', () => {
  const size = { columns: 40, rows: 10 };

  it('lists candidates in columns sorted down, as readline does', () => {
    expect(candidateRows(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'], size, 5)).toEqual([
      'alloc_objects  inuse_objects',
      'alloc_space    inuse_space',
    ]);
  });

  it('says how many more there are when they do not fit', () => {
    const names = Array.from({ length: 100 }, (_, i) => `main.f${i}`);
    const rows = candidateRows(names, size, 4);
    // Columns as wide as the widest name (main.f99) and a gap: four to a row. Three rows of the
    // first twelve names, in order, and a row that says what is left out.
    expect(rows).toEqual([
      'main.f0   main.f3   main.f6   main.f9',
      'main.f1   main.f4   main.f7   main.f10',
      'main.f2   main.f5   main.f8   main.f11',
      '... and 88 more (type more of the name)',
    ]);
  });

  it('lists a few of 200,000 names (Tab on a big profile), whatever their number', () => {
    const names = Array.from({ length: 200000 }, (_, i) => `pkg.f${i}`);
    const rows = candidateRows(names, size, 3);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/^\.\.\. and 1999\d\d more/);
  });

  it('cuts a name wider than the screen, and shows controls in names visibly', () => {
    expect(candidateRows(['a'.repeat(50), 'b\x1b[31m'], size, 5)).toEqual(['a'.repeat(40), 'b^[[31m']);
  });
});
