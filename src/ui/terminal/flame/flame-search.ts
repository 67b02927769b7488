import type { FlameNode } from '../../../analysis/flame-tree.js';
import { compileGoRegex } from '../../../go/regex.js';
import type { Key } from '../../keys.js';
import { EMPTY_LINE, type LineState, editLine } from '../../line-editor.js';

/** A search in the flame view: the line typed after `/`, and the pattern last applied. */
export interface FlameSearch {
  /** What is being typed after `/`; null when not typing. */
  readonly typing: LineState | null;
  /** The pattern applied (Go's syntax, as `focus` reads it), or why it could not be; null for none. */
  readonly applied: { readonly text: string; readonly pattern: RegExp | null; readonly error: string | null } | null;
}

/** No search. */
export const NO_SEARCH: FlameSearch = { typing: null, applied: null };

/** Starts typing a search (`/`), from an empty line. */
export function startSearch(search: FlameSearch): FlameSearch {
  return { ...search, typing: EMPTY_LINE };
}

/**
 * A key while a search is typed: Enter applies it (an empty one clears the search), Esc or Ctrl-C
 * gives up typing and keeps the search applied before, other keys edit the line.
 */
export function typeSearchKey(search: FlameSearch, key: Key): FlameSearch {
  const line = search.typing ?? EMPTY_LINE;
  switch (key.name) {
    case 'enter':
      return { typing: null, applied: applySearch(line.text) };
    case 'escape':
    case 'interrupt':
      return { ...search, typing: null };
    default:
      return { ...search, typing: editLine(line, key) };
  }
}

function applySearch(text: string): FlameSearch['applied'] {
  if (text === '') return null;
  try {
    return { text, pattern: compileGoRegex(text), error: null };
  } catch (err) {
    return { text, pattern: null, error: (err as Error).message };
  }
}

/** True when `name` matches the applied search. */
export function matchesSearch(search: FlameSearch | undefined, name: string): boolean {
  return search?.applied?.pattern?.test(name) ?? false;
}

/** What the matching frames weigh: each matching frame's total, less those under another match (counted once). */
const shares = new WeakMap<FlameNode, Map<string, { total: number; frames: number }>>();

/** The total of the frames `search` matches in `root`'s graph, each counted once (not again under a matching caller), and how many match. */
export function searchTotal(root: FlameNode, search: FlameSearch): { total: number; frames: number } {
  const pattern = search.applied?.pattern;
  if (!pattern) return { total: 0, frames: 0 };
  const known = shares.get(root) ?? new Map<string, { total: number; frames: number }>();
  shares.set(root, known);
  const cached = known.get(pattern.source);
  if (cached) return cached;
  const result = { total: 0, frames: 0 };
  const walk = (n: FlameNode, under: boolean) => {
    const hit = pattern.test(n.name);
    if (hit) result.frames++;
    if (hit && !under) result.total += n.total;
    for (const c of n.children) walk(c, under || hit);
  };
  root.children.forEach((c) => walk(c, false));
  known.set(pattern.source, result);
  return result;
}
