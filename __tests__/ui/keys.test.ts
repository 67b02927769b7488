import { decodeKeys, type Key } from '../../src/ui/keys.js';

const text = (t: string): Key => ({ name: 'text', text: t });
const key = (name: Exclude<Key['name'], 'text'>): Key => ({ name });

describe('decodeKeys: escape sequences', () => {
  it.each<[string, string, Key['name']]>([
    ['Up (CSI)', '\x1b[A', 'up'],
    ['Down (CSI)', '\x1b[B', 'down'],
    ['Right (CSI)', '\x1b[C', 'right'],
    ['Left (CSI)', '\x1b[D', 'left'],
    ['Up (SS3)', '\x1bOA', 'up'],
    ['Down (SS3)', '\x1bOB', 'down'],
    ['Right (SS3)', '\x1bOC', 'right'],
    ['Left (SS3)', '\x1bOD', 'left'],
    ['Home (CSI H)', '\x1b[H', 'home'],
    ['End (CSI F)', '\x1b[F', 'end'],
    ['Home (SS3 H)', '\x1bOH', 'home'],
    ['End (SS3 F)', '\x1bOF', 'end'],
    ['Home (vt 1~)', '\x1b[1~', 'home'],
    ['End (vt 4~)', '\x1b[4~', 'end'],
    ['Home (rxvt 7~)', '\x1b[7~', 'home'],
    ['End (rxvt 8~)', '\x1b[8~', 'end'],
    ['Delete', '\x1b[3~', 'delete'],
    ['Ctrl-Left', '\x1b[1;5D', 'word-left'],
    ['Ctrl-Right', '\x1b[1;5C', 'word-right'],
    ['Alt-b', '\x1bb', 'word-left'],
    ['Alt-f', '\x1bf', 'word-right'],
  ])('%s %j is %s', (_label, input, name) => {
    expect(decodeKeys(input)).toEqual([{ name }]);
  });

  it('decodes a sequence between text runs and splits the text around it', () => {
    expect(decodeKeys('ab\x1b[Dc\x1bOHd')).toEqual([text('ab'), key('left'), text('c'), key('home'), text('d')]);
  });

  it('decodes sequences back to back', () => {
    expect(decodeKeys('\x1b[A\x1b[A\x1bOB\x1b[3~')).toEqual([key('up'), key('up'), key('down'), key('delete')]);
  });
});

describe('decodeKeys: control characters', () => {
  it.each<[string, string, Key['name']]>([
    ['Enter (CR)', '\r', 'enter'],
    ['Enter (LF)', '\n', 'enter'],
    ['Tab', '\t', 'tab'],
    ['Backspace (DEL)', '\x7f', 'backspace'],
    ['Backspace (BS, Ctrl-H)', '\b', 'backspace'],
    ['Ctrl-A', '\x01', 'home'],
    ['Ctrl-E', '\x05', 'end'],
    ['Ctrl-B', '\x02', 'left'],
    ['Ctrl-F', '\x06', 'right'],
    ['Ctrl-P', '\x10', 'up'],
    ['Ctrl-N', '\x0e', 'down'],
    ['Ctrl-C', '\x03', 'interrupt'],
    ['Ctrl-D', '\x04', 'eof'],
    ['Ctrl-U', '\x15', 'kill-before'],
    ['Ctrl-K', '\x0b', 'kill-after'],
    ['Ctrl-W', '\x17', 'kill-word'],
    ['Ctrl-L', '\x0c', 'clear-screen'],
  ])('%s %j is %s', (_label, input, name) => {
    expect(decodeKeys(input)).toEqual([{ name }]);
  });

  it.each([
    ['NUL', '\x00'],
    ['Ctrl-G (bell)', '\x07'],
    ['Ctrl-R', '\x12'],
    ['Ctrl-Z', '\x1a'],
  ])('drops %s, which has no binding, without splitting the text', (_label, input) => {
    expect(decodeKeys(`a${input}b`)).toEqual([text('ab')]);
  });
});

describe('decodeKeys: text and pastes', () => {
  it('returns nothing for an empty chunk', () => {
    expect(decodeKeys('')).toEqual([]);
  });

  it('keeps a printable run as one text key', () => {
    expect(decodeKeys('top10 -cum main.(*Forest).Grow')).toEqual([text('top10 -cum main.(*Forest).Grow')]);
  });

  it('keeps non-ASCII characters as text', () => {
    expect(decodeKeys('é→x')).toEqual([text('é→x')]);
  });

  it('splits a paste of several lines into text and enter keys, in order', () => {
    expect(decodeKeys('top\rquit\r')).toEqual([text('top'), key('enter'), text('quit'), key('enter')]);
  });

  it('reads CR LF as one enter', () => {
    expect(decodeKeys('top\r\nquit\r\n')).toEqual([text('top'), key('enter'), text('quit'), key('enter')]);
  });

  it('reads LF LF and CR CR as two enters each (blank lines stay)', () => {
    expect(decodeKeys('a\n\nb\r\r')).toEqual([text('a'), key('enter'), key('enter'), text('b'), key('enter'), key('enter')]);
  });

  it('reads LF CR as two enters (only CR LF pairs up)', () => {
    expect(decodeKeys('\n\r')).toEqual([key('enter'), key('enter')]);
  });

  it('splits text around control characters', () => {
    expect(decodeKeys('to\tp\x7f\x17x')).toEqual([text('to'), key('tab'), text('p'), key('backspace'), key('kill-word'), text('x')]);
  });
});

describe('decodeKeys: unknown and partial escapes', () => {
  it.each([
    ['Page Up', '\x1b[5~'],
    ['Page Down', '\x1b[6~'],
    ['Insert', '\x1b[2~'],
    ['F5', '\x1b[15~'],
    ['Shift-Up', '\x1b[1;2A'],
    ['Alt-Left', '\x1b[1;3D'],
    ['a private mode report', '\x1b[?1;2c'],
    ['F1 (SS3)', '\x1bOP'],
    ['rxvt Ctrl-Left (SS3 d)', '\x1bOd'],
  ])('skips %s whole, leaving the text around it', (_label, sequence) => {
    expect(decodeKeys(`a${sequence}b`)).toEqual([text('a'), text('b')]);
  });

  it('drops the bracketed-paste markers and keeps the pasted text and lines', () => {
    expect(decodeKeys('\x1b[200~top\rraw\x1b[201~')).toEqual([text('top'), key('enter'), text('raw')]);
  });

  it.each([
    ['Alt-x', '\x1bx'],
    ['Alt-1', '\x1b1'],
    ['Alt-.', '\x1b.'],
    ['Alt-B (capital, not Alt-b)', '\x1bB'],
  ])('ignores %s, both characters', (_label, input) => {
    expect(decodeKeys(`a${input}b`)).toEqual([text('a'), text('b')]);
  });

  it('reads a lone Escape at the end of a chunk as the Escape key (the prompt ignores it, the flame view leaves on it)', () => {
    expect(decodeKeys('\x1b')).toEqual([key('escape')]);
    expect(decodeKeys('top\x1b')).toEqual([text('top'), key('escape')]);
  });

  it('reads an Escape followed by another sequence as Escape, then decodes the sequence', () => {
    expect(decodeKeys('\x1b\x1b[A')).toEqual([key('escape'), key('up')]);
  });

  it('reads two lone Escapes as two Escape keys', () => {
    expect(decodeKeys('\x1b\x1b')).toEqual([key('escape'), key('escape')]);
  });
});
