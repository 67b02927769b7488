import { tabwrite } from '../../src/go/tabwriter.js';

describe("Go's text/tabwriter layout, checked against Go's own output", () => {
  it('aligns each column block to its widest cell plus the padding; text after the last tab is free', () => {
    expect(tabwrite('bytes:\t Total 6MB\n \t5.0MB (79.11%):\t 512kB\n \t16.0B (0.00024%):\t 16B\n\n', 1, true)).toBe(
      [' bytes: Total 6MB', '          5.0MB (79.11%): 512kB', '        16.0B (0.00024%): 16B', '', ''].join('\n'),
    );
  });

  it('ends the blocks at a line without a tab', () => {
    expect(tabwrite('a:\tx\n\nlonger key:\ty\n', 1, true)).toBe(' a:x\n\n longer key:y\n');
  });

  it('starts a new block where a line has fewer cells', () => {
    expect(tabwrite('a\tb\tc\nlong\tx\nd\tlongest\te\n', 1, false)).toBe('a    b c\nlong x\nd    longest e\n');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(tabwrite('😀:\tx\nab:\ty\n', 1, true)).toBe('  😀:x\n ab:y\n');
  });

  it('writes an unterminated last line without a newline, and nothing for nothing', () => {
    expect(tabwrite('a\tb', 1, true)).toBe(' ab');
    expect(tabwrite('', 1, true)).toBe('');
  });
});
