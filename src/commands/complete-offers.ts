import { unitSpellings } from '../analysis/values/units.js';

/** A candidate: the text listed for it, and the text that stands for it on the line. */
export interface Choice {
  readonly shown: string;
  readonly text: string;
}

/** What the word before the cursor can become. */
export interface Offer {
  /** Where the word starts in the line (what a choice replaces, up to the cursor). */
  readonly from: number;
  /** The typed word as the choices' `shown` texts read (unescaped, for regexp words). */
  readonly typed: string;
  /** Writes a prefix of `shown` texts as line text (escaped, for regexp words). */
  readonly encode: (shown: string) => string;
  readonly choices: readonly Choice[];
}

const same = (text: string) => text;

/** Nothing to offer for the word at `from`. */
export function noOffer(from: number): Offer {
  return { from, typed: '', encode: same, choices: [] };
}

/** The words that start with `typed`, in the order given, each followed on the line by `suffix(word)`. */
export function prefixOffer(from: number, typed: string, words: readonly string[], suffix: (word: string) => string = () => ''): Offer {
  const choices = words.filter((w) => w.startsWith(typed)).map((w) => ({ shown: w, text: w + suffix(w) }));
  return { from, typed, encode: same, choices };
}

/**
 * Regexp metacharacters but '.', which matches itself and keeps names readable. In a report
 * command's arguments, which split at white space, a space is written `\x20` (Go's regexps and
 * JavaScript's both read it); after `name=` the rest of the line is the value, so spaces stay.
 */
function escapeName(name: string, inArgument: boolean): string {
  const escaped = name.replace(/[\\^$*+?()[\]{}|]/g, '\\$&');
  return inArgument ? escaped.replace(/\s/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`) : escaped;
}

/** The literal text an escaped name stands for (so completion goes on from a name it inserted). */
function unescapeName(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})|\\(.)/g, (_, hex: string | undefined, c: string) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : c,
  );
}

/**
 * The names containing the typed text (pprof's completer matches substrings), listed as written
 * and put on the line regexp-escaped, so the line still means that name.
 */
export function nameOffer(from: number, partial: string, names: readonly string[], inArgument: boolean): Offer {
  const typed = unescapeName(partial);
  const encode = (name: string) => escapeName(name, inArgument);
  const choices = names.filter((n) => n.includes(typed)).map((n) => ({ shown: n, text: encode(n) }));
  return { from, typed, encode, choices };
}

/**
 * `tagfocus=`, `tagignore=` and `tags` arguments: a label key followed by `=` (then a regexp or a
 * range such as `64kb:`). Once the `=` or a `,` is typed the rest is free text.
 */
export function keyEqualsOffer(from: number, partial: string, keys: readonly string[]): Offer {
  if (/[=,]/.test(partial)) return noOffer(from);
  return prefixOffer(
    from,
    partial,
    keys.map((k) => `${k}=`),
  );
}

/** The last item of a `sep`-separated list (`tagroot=a,b`, `source_path=x:y`), offered by `offer`. */
export function lastItemOffer(from: number, partial: string, sep: string, offer: (from: number, item: string) => Offer): Offer {
  const start = partial.lastIndexOf(sep) + 1;
  const item = partial.slice(start);
  const blank = item.length - item.trimStart().length;
  return offer(from + start + blank, item.trimStart());
}

/**
 * What `unit=` accepts: `minimum`, `auto`, then the units of each family among the sample
 * types' units (bytes, time, ...), smallest first. Counts add none.
 */
export function unitWords(sampleUnits: readonly string[]): string[] {
  return [...new Set(['minimum', 'auto', ...sampleUnits.flatMap(unitSpellings)])];
}

/** Paths starting with the typed text (directories end with '/'); only directories when `dirsOnly`. */
export function pathOffer(from: number, partial: string, listPaths: ((partial: string) => string[]) | undefined, dirsOnly = false): Offer {
  const paths = (listPaths?.(partial) ?? []).filter((p) => !dirsOnly || p.endsWith('/'));
  return { from, typed: partial, encode: same, choices: paths.map((p) => ({ shown: p, text: p })) };
}
