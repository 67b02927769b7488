/**
 * Where re2js reads a pattern otherwise than Go 1.19's regexp package, and the pattern re2js is
 * given instead, with a way back from its error messages to the text the user typed:
 * - `(?<` opens no group in Go 1.19 (named groups spelled so came in Go 1.22): an error there. It
 *   becomes `(?~`, which re2js refuses in the same words, at the same place.
 * - Go lets two groups share a name; re2js does not. Each `(?P<name>` gets a name of its own (no
 *   report reads the groups).
 * - In a bracket class, `[:]` starts no class name for Go, which looks for the closing `:]` from
 *   after the `[:`; re2js finds the `:]` of `[:]` itself and refuses it. This is mended only once
 *   re2js has refused a `[:]` (`mendClasses`): mended before, an error earlier in the pattern, such
 *   as `\p[:]`, would be quoted otherwise than Go quotes it.
 * Everything else, errors included, re2js says as Go does.
 */

/** One change: `length` characters at `at` (in the typed pattern) replaced by `text`. */
interface Edit {
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

/** The pattern for re2js, and `restore`, which puts the typed text back into its error messages. */
export interface Re2jsPattern {
  readonly text: string;
  restore(message: string): string;
}

/** `source` as re2js must read it to match as Go 1.19 does. */
export function re2jsPattern(source: string, mendClasses = false): Re2jsPattern {
  const edits = editsFor(source, mendClasses);
  if (edits.length === 0) return { text: source, restore: (message) => message };
  let text = '';
  // For each position of `text` (and its end), the position of `source` it came from: a piece
  // that starts in a change starts where it does, one that ends in it takes all it replaced.
  const starts: number[] = [];
  const ends: number[] = [];
  const comesFrom = (start: number, end: number) => {
    starts.push(start);
    ends.push(end);
  };
  let from = 0;
  for (const edit of edits) {
    for (let i = from; i < edit.at; i++) comesFrom(i, i);
    text += source.slice(from, edit.at);
    for (let i = 0; i < edit.text.length; i++) comesFrom(edit.at, i === 0 ? edit.at : edit.at + edit.length);
    text += edit.text;
    from = edit.at + edit.length;
  }
  for (let i = from; i <= source.length; i++) comesFrom(i, i);
  text += source.slice(from);
  // Go's messages end with the text at fault in backquotes: a piece of the pattern given.
  const restore = (message: string) =>
    message.replace(/`([^]*)`$/, (quoted, piece: string) => {
      const start = text.indexOf(piece);
      return start < 0 ? quoted : `\`${source.slice(starts[start], ends[start + piece.length])}\``;
    });
  return { text, restore };
}

/** The changes `source` needs, in order, found in one pass over it as Go's parser reads it. */
function editsFor(source: string, mendClasses: boolean): Edit[] {
  const edits: Edit[] = [];
  if (!source.includes('(?') && !(mendClasses && source.includes('[:]'))) return edits;
  let inClass = false;
  let names = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      // \Q...\E is literal text outside a class (to the end without \E); inside one, an escape.
      if (!inClass && source[i + 1] === 'Q') {
        const end = source.indexOf('\\E', i + 2);
        if (end < 0) break;
        i = end + 1;
      } else i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      else if (source.startsWith('[:', i)) i = classNameEnd(source, i, mendClasses ? edits : []);
    } else if (c === '[') {
      inClass = true;
      // A `]` first in a class (after an optional ^) is a literal.
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (source.startsWith('(?<', i)) {
      edits.push({ at: i + 2, length: 1, text: '~' });
    } else if (source.startsWith('(?P<', i)) {
      const name = /^\w+>/.exec(source.slice(i + 4, i + 4 + 256));
      if (name !== null) edits.push({ at: i + 4, length: name[0].length - 1, text: `g${++names}` });
    }
  }
  return edits;
}

/**
 * Reads `[:name:]` at `at` in a class as Go does: the name ends at the first `:]` after the `[:`;
 * without one, the `[` is a literal. Returns where the scan goes on. A `[:]` is changed so re2js
 * agrees: escaped when literal, and made a name re2js refuses, as Go does, when one follows.
 */
function classNameEnd(source: string, at: number, edits: Edit[]): number {
  const end = source.indexOf(':]', at + 2);
  const colonBracket = source[at + 2] === ']';
  if (end < 0) {
    if (colonBracket) edits.push({ at, length: 1, text: '\\[' });
    return at;
  }
  if (colonBracket) edits.push({ at: at + 2, length: 1, text: '~' });
  return end + 1;
}
