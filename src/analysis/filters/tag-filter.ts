import type { Profile, SampleTable } from '../../profile/model.js';
import { ReportError } from '../../go/errors.js';
import { compileFilter } from './filter.js';
import { isNumericLabel, isStringLabel, numLabelUnits, unitConflictWarnings } from '../values/labels.js';
import type { ReportOptions } from '../options.js';
import { compileGoRegex } from '../../go/regex.js';
import { scaleValue } from '../values/units.js';

/** What the label filters leave: a sample mask, the labels kept, and messages for stderr. */
export interface TagFilterResult {
  /** Samples left out: those already in `exclude` plus those tagfocus/tagignore drop. */
  readonly exclude: Uint8Array | null;
  /** The profile with only the labels tagshow/taghide keep (the same object when neither is set). */
  readonly profile: Profile;
  /**
   * Printed before any warning: pprof's `For tag latency used unit ms, also encountered unit(s)
   * us` for a numeric key written with several units (on every report, as pprof prints it), then
   * e.g. `tagfocus:Interpreted '64kb:' as range, not regexp`.
   */
  readonly notes: string[];
  /** e.g. `TagFocus expression matched no samples`. */
  readonly warnings: string[];
}

/** Whether a numeric label value (in its key's unit) is in a range such as `64kb:`. */
export type NumericRange = (value: number, unit: string) => boolean;

/** Whether sample `s` matches a tagfocus/tagignore expression. */
type SampleMatch = (s: number) => boolean;

/** A number with an optional unit, anywhere in a string: what pprof looks for in a range. */
const RANGE_PART = /([+-]?[0-9]+)([A-Za-z]+)?/g;

/**
 * Reads a numeric range as pprof does: `32kb` (equal), `4mb:` (at least), `:64kb` (at most) or
 * `12kb:64mb` (both bounds included, in the same kind of unit). Values compare after conversion
 * to the range's unit, and only when the label's unit converts to it (a unit pprof does not know
 * compares as a plain number). Returns null when `filter` is not a range, which makes it a regexp.
 */
export function parseTagFilterRange(filter: string): NumericRange | null {
  const parts = [...filter.matchAll(RANGE_PART)].slice(0, 2);
  if (parts.length === 0) return null;
  const lower = scaleValue(parseGoInt(parts[0][1]), parts[0][2] ?? '', parts[0][2] ?? '');
  const unit = lower.unit;
  const inUnit =
    (fn: (v: number) => boolean): NumericRange =>
    (value, from) => {
      const scaled = scaleValue(value, from, unit);
      return scaled.unit === unit && fn(scaled.value);
    };
  if (parts.length === 1) {
    const text = parts[0][0];
    if (filter === text) return inUnit((v) => v === lower.value);
    if (filter === `${text}:`) return inUnit((v) => v >= lower.value);
    if (filter === `:${text}`) return inUnit((v) => v <= lower.value);
    return null;
  }
  if (filter !== `${parts[0][0]}:${parts[1][0]}`) return null;
  const upper = scaleValue(parseGoInt(parts[1][1]), parts[1][2] ?? '', unit);
  if (upper.unit !== unit) return null;
  return inUnit((v) => v >= lower.value && v <= upper.value);
}

/** The number of a range bound; pprof stops on one that does not fit in 64 bits. */
function parseGoInt(digits: string): number {
  const value = BigInt(digits);
  if (value > 2n ** 63n - 1n || value < -(2n ** 63n)) {
    throw new ReportError(`failed to parse int ${digits}: strconv.ParseInt: parsing "${digits}": value out of range`);
  }
  return Number(value);
}

/**
 * Compiles a tagfocus/tagignore value: `[key=]range` matches numeric labels (of that key, or of
 * any key); `[key=]re[,re...]` matches string labels: with a key, any re matching any of the
 * key's values; without one, every re matching some label written as `key:value`. Range notes go
 * to `notes`. Throws pprof's error for a bad regexp.
 */
function compileTagFilter(
  option: string,
  expression: string,
  p: Profile,
  units: ReadonlyMap<string, string>,
  notes: string[],
): SampleMatch | null {
  if (expression === '') return null;
  const eq = expression.indexOf('=');
  const wantKey = eq >= 0 ? expression.slice(0, eq) : '';
  const value = eq >= 0 ? expression.slice(eq + 1) : expression;
  const ss = p.samples;
  const key = (i: number) => p.strings[ss.labelKey[i]];

  const range = parseTagFilterRange(value);
  if (range) {
    notes.push(`${option}:Interpreted '${value}' as range, not regexp`);
    return (s) =>
      someLabel(
        ss,
        s,
        (i) => isNumericLabel(ss, i) && (wantKey === '' || key(i) === wantKey) && range(ss.labelNum[i], units.get(key(i)) ?? ''),
      );
  }

  const regexps = value.split(',').map((source) => {
    try {
      return compileGoRegex(source);
    } catch (err) {
      throw new ReportError(`parsing ${option} regexp: ${(err as Error).message}`);
    }
  });
  const text = (i: number) => p.strings[ss.labelStr[i]];
  if (wantKey === '') {
    return (s) => regexps.every((re) => someLabel(ss, s, (i) => isStringLabel(ss, i) && re.test(`${key(i)}:${text(i)}`)));
  }
  return (s) => regexps.some((re) => someLabel(ss, s, (i) => isStringLabel(ss, i) && key(i) === wantKey && re.test(text(i))));
}

function someLabel(ss: SampleTable, s: number, test: (i: number) => boolean): boolean {
  for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) if (test(i)) return true;
  return false;
}

const noMatch = (what: string) => `${what} expression matched no samples`;

/**
 * Applies tagfocus/tagignore (which samples stay) and tagshow/taghide (which labels stay) as pprof
 * does, over the samples not already in `exclude`. Throws ReportError with pprof's message for a
 * value it cannot parse; the message starts with the notes and warnings pprof prints before it.
 */
export function applyTagFilters(
  p: Profile,
  o: Pick<ReportOptions, 'tagfocus' | 'tagignore' | 'tagshow' | 'taghide'>,
  exclude: Uint8Array | null,
): TagFilterResult {
  const units = numLabelUnits(p);
  const notes = unitConflictWarnings(units);
  const warnings: string[] = [];
  const fail = (err: unknown): never => {
    throw new ReportError([...notes, ...warnings, (err as Error).message].join('\n'));
  };

  let focus: SampleMatch | null = null;
  let ignore: SampleMatch | null = null;
  try {
    focus = compileTagFilter('tagfocus', o.tagfocus, p, units.units, notes);
    ignore = compileTagFilter('tagignore', o.tagignore, p, units.units, notes);
  } catch (err) {
    fail(err);
  }

  let kept = exclude;
  if (focus || ignore) {
    const mask = exclude ? Uint8Array.from(exclude) : new Uint8Array(p.samples.count);
    let focusMatched = false;
    let ignoreMatched = false;
    for (let s = 0; s < p.samples.count; s++) {
      if (mask[s]) continue;
      const focused = focus ? focus(s) : true;
      const ignored = ignore ? ignore(s) : false;
      focusMatched ||= focused;
      ignoreMatched ||= ignored;
      if (!focused || ignored) mask[s] = 1;
    }
    if (focus && !focusMatched) warnings.push(noMatch('TagFocus'));
    if (ignore && !ignoreMatched) warnings.push(noMatch('TagIgnore'));
    kept = mask;
  }

  let show: RegExp | null = null;
  let hide: RegExp | null = null;
  try {
    show = compileFilter('tagshow', o.tagshow);
    hide = compileFilter('taghide', o.taghide);
  } catch (err) {
    fail(err);
  }
  let profile = p;
  if (show || hide) {
    const shown = keepLabels(p, kept, show, hide);
    profile = shown.profile;
    if (show && !shown.showMatched) warnings.push(noMatch('TagShow'));
    if (hide && !shown.hideMatched) warnings.push(noMatch('TagHide'));
  }
  return { exclude: kept, profile, notes, warnings };
}

/**
 * tagshow/taghide: drops the labels whose key does not match `show` or matches `hide`. Whether
 * either matched counts over the samples still in the report, each key once per sample and kind
 * (string or numeric), as pprof walks them.
 */
function keepLabels(p: Profile, exclude: Uint8Array | null, show: RegExp | null, hide: RegExp | null) {
  const ss = p.samples;
  const keepKey = new Map<number, boolean>();
  const keyVerdict = (k: number) => {
    let keep = keepKey.get(k);
    if (keep === undefined) {
      const name = p.strings[k];
      keep = (!show || show.test(name)) && !(hide && hide.test(name));
      keepKey.set(k, keep);
    }
    return keep;
  };
  let showMatched = false;
  let hideMatched = false;
  const labelStart = new Uint32Array(ss.count + 1);
  const kept: number[] = [];
  for (let s = 0; s < ss.count; s++) {
    labelStart[s] = kept.length;
    const inReport = !exclude?.[s];
    for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
      if (!isStringLabel(ss, i) && !isNumericLabel(ss, i)) continue;
      if (inReport) {
        const name = p.strings[ss.labelKey[i]];
        showMatched ||= !show || show.test(name);
        hideMatched ||= !!hide && hide.test(name);
      }
      if (keyVerdict(ss.labelKey[i])) kept.push(i);
    }
  }
  labelStart[ss.count] = kept.length;
  const pick = <T extends Uint32Array | Float64Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(kept.length);
    kept.forEach((from, to) => (out[to] = column[from]));
    return out;
  };
  const samples: SampleTable = {
    ...ss,
    labelStart,
    labelKey: pick(ss.labelKey),
    labelStr: pick(ss.labelStr),
    labelNum: pick(ss.labelNum),
    labelNumUnit: pick(ss.labelNumUnit),
  };
  return { profile: { ...p, samples } as Profile, showMatched, hideMatched };
}
