import { COMMANDS } from './table.js';
import { OPTION_NAMES, optionSpec, optionsWithRole, isOptionName, type OptionName } from '../analysis/options.js';
import { keyEqualsOffer, lastItemOffer, nameOffer, noOffer, pathOffer, prefixOffer, unitWords, type Offer } from './complete-offers.js';

/** What completion may draw on besides the tables. */
export interface CompletionContext {
  readonly sampleTypes: readonly string[];
  /** The profile's function names, sorted (called only when a name is being completed). */
  readonly functionNames: () => readonly string[];
  /** Paths that start with `partial` (for `>file`, `output=`, `source_path=`); directories end with '/'. */
  readonly listPaths?: (partial: string) => string[];
  /** The sample types' units in profile order, for `unit=`; without them, bytes (a heap profile's). */
  readonly sampleUnits?: readonly string[];
  /** The profile's label keys, sorted, for `tagfocus=`, `tagroot=`, `tags` ...; none without them. */
  readonly labelKeys?: readonly string[];
}

/**
 * A completed line, and the candidates to list when the match was not unique. A candidate is
 * listed as the user reads it (a function name as written) and stands on the line for its
 * insertion (the name regexp-escaped).
 */
export interface Completion {
  readonly line: string;
  readonly cursor: number;
  /** What to list (empty when the match was unique or there was none): names as written. */
  readonly candidates: readonly string[];
  /** What each candidate puts on the line, same order: `line.slice(replaceFrom, cursor)` becomes `insertions[i]`. */
  readonly insertions: readonly string[];
  /** Where the completed word starts in `line`. */
  readonly replaceFrom: number;
}

/** Options whose values are regexps over function names. */
const NAME_REGEX_OPTIONS = new Set<string>(optionsWithRole('nameRegex'));

/** The commands completion offers: pprof's that heapcli lacks only answer with what to use instead. */
/**
 * A report command whose name extends another's that the typed word also starts (`topproto` after
 * `to`, beside `top`): left out, so `to` still completes to `top`; typing on (`topp`) reaches it.
 * An empty word lists every command.
 */
function shadowedCommand(word: string, typed: string): boolean {
  if (typed === '' || COMMANDS.get(word)?.kind !== 'report') return false;
  return [...COMMANDS.values()].some((c) => c.kind === 'report' && c.name !== word && c.name.startsWith(typed) && word.startsWith(c.name));
}

const offeredCommands = () => [...COMMANDS.values()].filter((c) => c.kind !== 'missing').map((c) => c.name);

/**
 * Completes the word before the cursor: command, option and sample-type names at the start of a
 * line; choices, sample types, bools, units, label keys, paths and function names after `name=`;
 * function names (by substring, as pprof matches them) or label keys in report arguments; file
 * paths after `>`. A unique match is inserted; several extend the word to their common prefix
 * when it starts with what was typed, and are listed.
 */
export function completeLine(line: string, cursor: number, ctx: CompletionContext): Completion {
  return apply(line, cursor, offerAt(line, cursor, ctx));
}

function offerAt(line: string, cursor: number, ctx: CompletionContext): Offer {
  const before = line.slice(0, cursor);
  const wordStart = before.search(/\S*$/);
  const word = before.slice(wordStart);
  const head = before.slice(0, wordStart).trim().split(/\s+/);
  const eq = before.indexOf('=');
  const option = eq >= 0 ? before.slice(0, eq).trim() : '';
  if (isOptionName(option)) {
    const valueStart = before.length - before.slice(eq + 1).trimStart().length;
    return valueOffer(option, valueStart, before.slice(valueStart), ctx);
  }
  if (head[0] === '') {
    const followedByEq = line.slice(cursor).trimStart().startsWith('=');
    const words = [...new Set([...offeredCommands(), ...OPTION_NAMES, ...ctx.sampleTypes])].sort();
    return prefixOffer(
      wordStart,
      word,
      words.filter((w) => !shadowedCommand(w, word)),
      (w) => (followedByEq ? '' : isOptionName(w) ? '=' : ' '),
    );
  }
  if (word.startsWith('>')) return pathOffer(wordStart + 1, word.slice(1), ctx.listPaths);
  if (head[head.length - 1] === '>') return pathOffer(wordStart, word, ctx.listPaths);
  const command = COMMANDS.get(commandName(head[0]));
  if (command?.name === 'help')
    return prefixOffer(
      wordStart,
      word,
      [...offeredCommands(), ...OPTION_NAMES].sort().filter((w) => !shadowedCommand(w, word)),
    );
  if (command?.kind !== 'report' || !command.completes) return noOffer(wordStart);
  // A leading '-' makes the argument an ignore regexp; it stays in front of what is completed.
  const negated = word.startsWith('-') ? 1 : 0;
  const from = wordStart + negated;
  const partial = word.slice(negated);
  if (command.completes === 'label keys') return keyEqualsOffer(from, partial, ctx.labelKeys ?? []);
  return nameOffer(from, partial, ctx.functionNames(), true);
}

/** What the value of `name=` can be. */
function valueOffer(name: OptionName, from: number, partial: string, ctx: CompletionContext): Offer {
  const spec = optionSpec(name);
  const keys = ctx.labelKeys ?? [];
  if (name === 'sample_index') return prefixOffer(from, partial, ctx.sampleTypes);
  if (spec.choices) return prefixOffer(from, partial, spec.choices);
  if (spec.kind === 'bool') return prefixOffer(from, partial, ['false', 'true']);
  if (NAME_REGEX_OPTIONS.has(name)) return nameOffer(from, partial, ctx.functionNames(), false);
  switch (name) {
    case 'unit':
      return prefixOffer(from, partial, unitWords(ctx.sampleUnits ?? ['bytes']));
    case 'tagfocus':
    case 'tagignore':
      return keyEqualsOffer(from, partial, keys);
    case 'tagshow':
    case 'taghide':
      return nameOffer(from, partial, keys, false);
    case 'tagroot':
    case 'tagleaf':
      return lastItemOffer(from, partial, ',', (at, item) => prefixOffer(at, item, keys));
    case 'output':
      return pathOffer(from, partial, ctx.listPaths);
    case 'source_path':
      return lastItemOffer(from, partial, ':', (at, item) => pathOffer(at, item, ctx.listPaths, true));
    default:
      return noOffer(from);
  }
}

/** The command a first word names: `top10` is `top`. */
function commandName(word: string): string {
  if (COMMANDS.has(word)) return word;
  const digits = /\d+$/.exec(word)?.[0];
  return digits && digits !== word ? word.slice(0, -digits.length) : word;
}

/**
 * Puts an offer on the line: a unique choice's text; for several, their common prefix (encoded)
 * when it extends what was typed, else the typed word unchanged.
 */
function apply(line: string, cursor: number, offer: Offer): Completion {
  const { from, choices } = offer;
  if (choices.length === 0) return { line, cursor, candidates: [], insertions: [], replaceFrom: from };
  let insert = line.slice(from, cursor);
  if (choices.length === 1) insert = choices[0].text;
  else {
    const common = commonPrefix(choices.map((c) => c.shown));
    if (common.length > offer.typed.length && common.startsWith(offer.typed)) insert = offer.encode(common);
  }
  const listed = choices.length === 1 ? [] : choices;
  return {
    line: line.slice(0, from) + insert + line.slice(cursor),
    cursor: from + insert.length,
    candidates: listed.map((c) => c.shown),
    insertions: listed.map((c) => c.text),
    replaceFrom: from,
  };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
