import { COMMANDS } from './table.js';
import { OPTION_NAMES, OPTION_SPECS, isOptionName } from './options.js';

/** What completion may draw on besides the tables. */
export interface CompletionContext {
  readonly sampleTypes: readonly string[];
  /** The profile's function names, sorted (called only when a name is being completed). */
  readonly functionNames: () => readonly string[];
  /** Paths that start with `partial` (for `>file`); directories end with '/'. */
  readonly listPaths?: (partial: string) => string[];
}

/** A completed line, and the candidates to list when the match was not unique. */
export interface Completion {
  readonly line: string;
  readonly cursor: number;
  readonly candidates: readonly string[];
}

/** Options whose values are regexps over function names. */
const NAME_REGEX_OPTIONS = new Set(['focus', 'ignore', 'hide', 'show', 'show_from', 'prune_from']);

/** The commands completion offers: pprof's that heapcli lacks only answer with what to use instead. */
const offeredCommands = () => [...COMMANDS.values()].filter((c) => c.kind !== 'missing').map((c) => c.name);

/** Regexp metacharacters but '.', which matches itself and keeps names readable. */
const escapeName = (name: string) => name.replace(/[\\^$*+?()[\]{}|]/g, '\\$&');

/**
 * Completes the word before the cursor: command, option and sample-type names at the start of a
 * line; choices, sample types, bools and function names after `name=`; function names in command
 * arguments (by substring, as pprof matches them); file paths after `>`. A unique match is
 * inserted; several extend the word to their common prefix and are listed.
 */
export function completeLine(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, cursor);
  const wordStart = before.search(/\S*$/);
  const word = before.slice(wordStart);
  const first = commandName(before.trimStart().split(/\s+/)[0]);
  const previous = before.slice(0, wordStart).trim().split(/\s+/).pop();
  const isFirst = before.slice(0, wordStart).trim() === '';
  const eq = before.indexOf('=');
  let candidates: string[];
  let suffix = '';
  let replaceFrom = wordStart;
  let prefixMatch = true;
  if (eq >= 0 && isOptionName(before.slice(0, eq).trim())) {
    const name = before.slice(0, eq).trim();
    replaceFrom = eq + 1 + (before.slice(eq + 1).length - before.slice(eq + 1).trimStart().length);
    const partial = before.slice(replaceFrom);
    candidates = valueCandidates(name, partial, ctx);
    prefixMatch = !NAME_REGEX_OPTIONS.has(name);
  } else if (isFirst) {
    candidates = [...offeredCommands(), ...OPTION_NAMES, ...ctx.sampleTypes].filter((c) => c.startsWith(word));
    candidates = [...new Set(candidates)].sort();
    const followedBy = line.slice(cursor).trimStart()[0];
    suffix = candidates.length !== 1 || followedBy === '=' ? '' : isOptionName(candidates[0]) ? '=' : ' ';
  } else if (word.startsWith('>') || previous === '>') {
    const skip = word.startsWith('>') ? 1 : 0;
    replaceFrom += skip;
    candidates = ctx.listPaths?.(word.slice(skip)) ?? [];
  } else if (first === 'help') {
    candidates = [...offeredCommands(), ...OPTION_NAMES].filter((c) => c.startsWith(word)).sort();
  } else if (COMMANDS.get(first)?.kind === 'report') {
    const negated = word.startsWith('-') ? 1 : 0;
    replaceFrom += negated;
    candidates = nameMatches(word.slice(negated), ctx);
    prefixMatch = false;
  } else {
    candidates = [];
  }
  return apply(line, cursor, replaceFrom, candidates, suffix, prefixMatch);
}

function valueCandidates(name: string, partial: string, ctx: CompletionContext): string[] {
  const spec = OPTION_SPECS[name as keyof typeof OPTION_SPECS];
  if (name === 'sample_index') return ctx.sampleTypes.filter((t) => t.startsWith(partial));
  if (spec.choices) return spec.choices.filter((c) => c.startsWith(partial));
  if (spec.kind === 'bool') return ['false', 'true'].filter((c) => c.startsWith(partial));
  if (NAME_REGEX_OPTIONS.has(name)) return nameMatches(partial, ctx);
  return [];
}

/**
 * Function names containing `partial` (pprof's completer matches substrings), regexp-escaped. The
 * typed text is unescaped first, so completion goes on from a name it inserted itself.
 */
function nameMatches(partial: string, ctx: CompletionContext): string[] {
  const typed = partial.replace(/\\(.)/g, '$1');
  return ctx.functionNames().filter((n) => n.includes(typed)).map(escapeName);
}

/** The command a first word names: `top10` is `top`. */
function commandName(word: string): string {
  if (COMMANDS.has(word)) return word;
  const digits = /\d+$/.exec(word)?.[0];
  return digits && digits !== word ? word.slice(0, -digits.length) : word;
}

function apply(line: string, cursor: number, from: number, candidates: string[], suffix: string, prefixMatch: boolean): Completion {
  const unchanged = { line, cursor, candidates: [] as string[] };
  if (candidates.length === 0) return unchanged;
  const current = line.slice(from, cursor);
  let insert: string;
  if (candidates.length === 1) insert = candidates[0] + suffix;
  else {
    const common = commonPrefix(candidates);
    insert = prefixMatch || common.startsWith(current) ? common : current;
    if (insert.length < current.length) insert = current;
  }
  const result = line.slice(0, from) + insert + line.slice(cursor);
  return { line: result, cursor: from + insert.length, candidates: candidates.length === 1 ? [] : candidates };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
