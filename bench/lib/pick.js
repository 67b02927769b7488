// Picks the function that the list, peek and console focus cases look at, per
// profile: from a `-top -cum` report, the function with the largest cum whose
// flat is above 0 and below its cum. flat > 0 gives the listing an
// allocation line of its own and cum > flat means it has callees (and every
// function but runtime.goexit has callers), so -list, -peek and focus all
// have real work to do. Reading a report instead of hard-coding a name keeps
// the choice right for any size or seed the generator is given.
import { capture } from './measure.js';

const UNITS = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15 };

/** Go's regexp.QuoteMeta: escapes every character that is special in a Go regexp. */
export const quoteMeta = (s) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/** Anchored regexp matching exactly the function `name`. */
export const exactRegexp = (name) => `^${quoteMeta(name)}$`;

// "44.81MB" -> 44810000, "0" -> 0; unknown units give NaN (then the row is skipped).
function bytes(v) {
  const m = /^(-?[\d.]+)([a-zA-Z]*)$/.exec(v);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] ? (UNITS[m[2]] ?? NaN) : 1);
}

/** Rows {name, flat, cum} of a pprof text report (`-top`), in report order. */
export function parseTop(text) {
  const rows = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (/^\s+flat\s+flat%\s+sum%\s+cum\s+cum%$/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    const m = /^\s*(\S+)\s+\S+%\s+\S+%\s+(\S+)\s+\S+%\s+(.+?)(?: \(inline\))?$/.exec(line);
    if (m) rows.push({ name: m[3], flat: bytes(m[1]), cum: bytes(m[2]) });
  }
  return rows;
}

/** The function picked from a `-top -cum` report's text, or null when none qualifies. */
export function pickFromTop(text) {
  const row = parseTop(text).find((r) => r.flat > 0 && r.flat < r.cum);
  return row ? row.name : null;
}

/**
 * Runs `cmd -top -cum file` and picks the function: {ok, name, regexp} or
 * {ok: false, reason}. Any tool that prints pprof's report will do.
 */
export function pickTarget(cmd, file, cwd) {
  const r = capture([...cmd, '-top', '-cum', file], cwd);
  if (!r.ok) return { ok: false, reason: r.reason };
  const name = pickFromTop(r.stdout.toString('utf8'));
  if (!name) return { ok: false, reason: 'no function with 0 < flat < cum in the -top -cum report' };
  return { ok: true, name, regexp: exactRegexp(name) };
}
