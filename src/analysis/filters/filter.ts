import type { Profile } from '../../profile/model.js';
import { ReportError } from '../../go/errors.js';
import { compileGoRegex } from '../../go/regex.js';
import { askedOnce } from '../asked-once.js';

/** The sample filters in force. */
export interface SampleFilters {
  readonly focus: string;
  readonly ignore: string;
}

/** Which samples a filter leaves out, and whether each expression matched anything. */
export interface FilterResult {
  readonly exclude: Uint8Array | null;
  readonly warnings: string[];
}

/** Compiles a filter option's regexp, naming the option in the error as pprof does. */
export function compileFilter(option: string, source: string): RegExp | null {
  if (source === '') return null;
  try {
    return compileGoRegex(source);
  } catch (err) {
    throw new ReportError(`parsing ${option} regexp: ${(err as Error).message}`);
  }
}

/**
 * A test of whether some line's function name or file name, or the location's mapping file,
 * matches `re`, each function and mapping tested once.
 */
function locationMatcher(p: Profile, re: RegExp): (loc: number) => boolean {
  const { locations, functions, strings } = p;
  const fnMatches = askedOnce(functions.count, (fn) => re.test(strings[functions.name[fn]]) || re.test(strings[functions.filename[fn]]));
  const mappingMatches = askedOnce(p.mappings.length, (m) => re.test(p.mappings[m].file));
  return (loc) => {
    for (let k = locations.lineStart[loc]; k < locations.lineStart[loc + 1]; k++) {
      const fn = locations.lineFunction[k];
      if (fn >= 0 && fnMatches(fn)) return true;
    }
    const mapping = locations.mapping[loc];
    return mapping >= 0 && mappingMatches(mapping);
  };
}

/** Location states (0: neither focused nor ignored). */
const FOCUSED = 1;
const IGNORED = 2;

/**
 * Applies focus and ignore: a sample stays when some location matches focus (or focus is unset)
 * and no location matches ignore. A location matching ignore counts as ignored even if it also
 * matches focus.
 */
export function filterSamples(p: Profile, f: SampleFilters, checkpoint: () => void = () => {}): FilterResult {
  const focus = compileFilter('focus', f.focus);
  const ignore = compileFilter('ignore', f.ignore);
  if (!focus && !ignore) return { exclude: framelessSamples(p), warnings: [] };
  const state = new Uint8Array(p.locations.count);
  let focusMatched = false;
  let ignoreMatched = false;
  const ignores = ignore ? locationMatcher(p, ignore) : null;
  const focuses = focus ? locationMatcher(p, focus) : null;
  for (let l = 0; l < p.locations.count; l++) {
    if ((l & 1023) === 0) checkpoint();
    if (ignores?.(l)) {
      state[l] = IGNORED;
      ignoreMatched = true;
    } else if (!focuses || focuses(l)) {
      state[l] = FOCUSED;
      focusMatched = true;
    }
  }
  const { count, locStart, locs } = p.samples;
  const exclude = new Uint8Array(count);
  // Without ignore, a sample's first focused location settles it.
  const focusSettles = ignore === null;
  for (let s = 0; s < count; s++) {
    let focused = false;
    let ignored = false;
    for (let i = locStart[s], end = locStart[s + 1]; i < end; i++) {
      const st = state[locs[i]];
      if (st === IGNORED) {
        ignored = true;
        break;
      }
      if (st === FOCUSED) {
        focused = true;
        if (focusSettles) break;
      }
    }
    exclude[s] = ignored || !focused ? 1 : 0;
  }
  const warnings: string[] = [];
  if (focus && !focusMatched) warnings.push('Focus expression matched no samples');
  if (ignore && !ignoreMatched) warnings.push('Ignore expression matched no samples');
  return { exclude, warnings };
}

/** Samples with no location, which pprof's name filter always drops (even with no focus set). */
export function framelessSamples(p: Profile): Uint8Array | null {
  const { count, locStart } = p.samples;
  let mask: Uint8Array | null = null;
  for (let s = 0; s < count; s++) {
    if (locStart[s] !== locStart[s + 1]) continue;
    mask ??= new Uint8Array(count);
    mask[s] = 1;
  }
  return mask;
}

/** The `Active filters:` lines for the filters set (values cut at 80 characters). */
export function activeFilterLines(filters: readonly [string, string][]): string[] {
  const set = filters.filter(([, value]) => value !== '');
  if (set.length === 0) return [];
  const cut = (s: string) => ([...s].length > 80 ? [...s].slice(0, 80).join('') + '…' : s);
  return ['Active filters:', ...set.map(([name, value]) => `   ${cut(`${name}=${value}`)}`)];
}
