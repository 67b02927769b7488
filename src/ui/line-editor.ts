import type { Key } from './keys.js';

/** The line being typed and the cursor's position in it (0..text.length). */
export interface LineState {
  readonly text: string;
  readonly cursor: number;
}

/** pprof's prompt, before the line being typed. */
export const PROMPT = '(pprof) ';

/** An empty line. */
export const EMPTY_LINE: LineState = { text: '', cursor: 0 };

/** Where a word starts before `cursor` (readline's Ctrl-W: spaces, then non-spaces). */
function wordStartBefore(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
}

function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && text[i] === ' ') i++;
  while (i < text.length && text[i] !== ' ') i++;
  return i;
}

/** Where the character before `i` starts (two code units for a character outside the BMP). */
function previousBoundary(text: string, i: number): number {
  if (i >= 2 && /[\udc00-\udfff]/.test(text[i - 1]) && /[\ud800-\udbff]/.test(text[i - 2])) return i - 2;
  return Math.max(0, i - 1);
}

/** Where the character at `i` ends. */
function nextBoundary(text: string, i: number): number {
  if (/[\ud800-\udbff]/.test(text[i] ?? '') && /[\udc00-\udfff]/.test(text[i + 1] ?? '')) return i + 2;
  return Math.min(text.length, i + 1);
}

/** The line after an editing key; keys that do not edit (Enter, Tab, Up, ...) leave it unchanged. */
export function editLine(line: LineState, key: Key): LineState {
  const { text, cursor } = line;
  switch (key.name) {
    case 'text':
      return { text: text.slice(0, cursor) + key.text + text.slice(cursor), cursor: cursor + key.text.length };
    case 'backspace':
      if (cursor === 0) return line;
      return { text: text.slice(0, previousBoundary(text, cursor)) + text.slice(cursor), cursor: previousBoundary(text, cursor) };
    case 'delete':
      return cursor === text.length ? line : { text: text.slice(0, cursor) + text.slice(nextBoundary(text, cursor)), cursor };
    case 'left':
      return { text, cursor: previousBoundary(text, cursor) };
    case 'right':
      return { text, cursor: nextBoundary(text, cursor) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'word-left':
      return { text, cursor: wordStartBefore(text, cursor) };
    case 'word-right':
      return { text, cursor: wordEndAfter(text, cursor) };
    case 'kill-before':
      return { text: text.slice(cursor), cursor: 0 };
    case 'kill-after':
      return { text: text.slice(0, cursor), cursor };
    case 'kill-word': {
      const start = wordStartBefore(text, cursor);
      return { text: text.slice(0, start) + text.slice(cursor), cursor: start };
    }
    default:
      return line;
  }
}
