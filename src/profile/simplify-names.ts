import type { Profile } from './model.js';

/**
 * pprof shortens function names that look like C++, Rust or Go generics when it loads a profile
 * (its default demangling mode, "simplified"): parameter lists and template arguments go, so
 * `std::vector<int>::push_back(int const&)` reads `std::vector::push_back` and Rust's
 * `<F as warp::generic::Func<()>>::call` reads `::call`. The rule, as its output shows it:
 *
 * - Only a function whose name is empty or the same as its system name is touched (a writer that
 *   set a name of its own is trusted), and the new name is made from the system name.
 * - A name is shortened when it has one of `<`, `>`, `[`, `]` or `::` in it, unless it has `.<`
 *   (Java's `Foo.<init>`, Python's `<locals>`) or `]).` (a Go method on a generic type,
 *   `pkg.(*T[...]).M`, which would lose its receiver).
 * - Then every outermost `(...)` is cut, nested ones with it, and after that every outermost
 *   `<...>`. A closing bracket with no opening one stops that pass, keeping what it cut so far;
 *   an opening one never closed is kept.
 *
 * pprof also demangles names that are still mangled (`_ZN3foo3barEv`, `_RNvC7mycrate3foo`);
 * heapcli does not, and leaves them as written.
 */
export function simplifiedName(systemName: string): string {
  if (!looksSimplifiable(systemName)) return systemName;
  return cutBracketed(cutBracketed(systemName, '(', ')'), '<', '>');
}

/** One native test per name first: most names (Go's, Java's) have none of these. */
const MARKERS = /::|[<>[\]]/;

function looksSimplifiable(name: string): boolean {
  return MARKERS.test(name) && !name.includes('.<') && !name.includes(']).');
}

/** `name` without its outermost `open`…`close` spans, up to the first unmatched `close`. */
function cutBracketed(name: string, open: string, close: string): string {
  let out = '';
  let depth = 0;
  let kept = 0; // where the text not yet copied to `out` starts
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === open) {
      if (depth === 0) {
        out += name.slice(kept, i);
        kept = i; // the span stays if it never closes
      }
      depth++;
    } else if (c === close) {
      if (depth === 0) return out + name.slice(kept);
      depth--;
      if (depth === 0) kept = i + 1;
    }
  }
  return out + name.slice(kept);
}

/**
 * `p` with its function names simplified as pprof simplifies them (see simplifiedName); `p` itself
 * when no name changes, which is the case for nearly every Go profile.
 */
export function simplifyFunctionNames(p: Profile): Profile {
  const { name, systemName, count } = p.functions;
  let names: Uint32Array | null = null;
  let strings: string[] | null = null;
  let added: Map<string, number> | null = null;
  for (let f = 0; f < count; f++) {
    const system = p.strings[systemName[f]];
    const current = p.strings[name[f]];
    if (current !== '' && current !== system) continue;
    const simple = simplifiedName(system);
    if (simple === current) continue;
    names ??= name.slice();
    strings ??= p.strings.slice();
    added ??= new Map();
    let index = added.get(simple);
    if (index === undefined) {
      index = strings.length;
      strings.push(simple);
      added.set(simple, index);
    }
    names[f] = index;
  }
  if (names === null || strings === null) return p;
  return { ...p, strings, functions: { ...p.functions, name: names } };
}
