import type { Assignment } from '../commands/parse.js';

/** pprof's short URL parameters for options, as its web UI writes them in links. */
export const SHORT_PARAMS: Readonly<Record<string, string>> = {
  si: 'sample_index',
  f: 'focus',
  i: 'ignore',
  h: 'hide',
  s: 'show',
  sf: 'show_from',
  tf: 'tagfocus',
  ti: 'tagignore',
  ts: 'tagshow',
  th: 'taghide',
  g: 'granularity',
};

/**
 * Options a URL may also set by their own names (pprof's web UI reads these too). Options that
 * name files (`output`, `source_path`, `trim_path`) are left out: a link must not make the server
 * write a file or read another folder.
 */
const NAMED_PARAMS = new Set([
  'mean',
  'unit',
  'sort',
  'noinlines',
  'trim',
  'nodecount',
  'nodefraction',
  'edgefraction',
  'drop_negative',
  'divide_by',
  'relative_percentages',
  'compact_labels',
  'call_tree',
  'prune_from',
  'tagroot',
  'tagleaf',
]);

/**
 * The option settings a view's query asks for, as assignments in a fixed order (the sample index
 * first). Unknown parameters are ignored, as pprof ignores them; an empty value leaves the
 * option as the command line set it.
 */
export function queryAssignments(query: URLSearchParams): Assignment[] {
  const assignments: Assignment[] = [];
  for (const [param, name] of Object.entries(SHORT_PARAMS)) {
    const value = query.get(param);
    if (value) assignments.push({ name, value, bare: false });
  }
  for (const name of NAMED_PARAMS) {
    const value = query.get(name);
    if (value) assignments.push({ name, value, bare: false });
  }
  return assignments;
}

/** The query string that sets `name` (an option, by its short parameter where pprof has one) on top of `query`. */
export function withParam(query: URLSearchParams, param: string, value: string): string {
  const next = new URLSearchParams(query);
  if (value === '') next.delete(param);
  else next.set(param, value);
  const text = next.toString();
  return text === '' ? '?' : `?${text}`;
}
