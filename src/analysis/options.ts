import { goQuote, parseGoFloat, parseGoInt, parsePprofBool } from '../go/strconv.js';

/** How an option's value is written and checked. */
export type OptionKind = 'int' | 'float' | 'bool' | 'string' | 'choice' | 'sample_index';

/**
 * What else an option is, besides a value: `activeFilter`, listed under a report's `Active filters:`
 * (in table order, pprof's); `editsProfile`, part of what the filters make of the profile (their
 * cache key); `nameRegex`, a regexp over node names (completion offers function names);
 * `clearedByColon`, reset by the console's `:`; `unlisted`, left out of `o` (as pprof hides it).
 */
export type OptionRole = 'activeFilter' | 'editsProfile' | 'nameRegex' | 'clearedByColon' | 'unlisted';

/** One option: its kind, default, help, parser, roles, and (for a choice) its allowed values. */
export interface OptionSpec<V> {
  readonly kind: OptionKind;
  readonly default: V;
  readonly help: string;
  readonly choices?: readonly string[];
  /** Parses a typed value; throws an Error with pprof's message. */
  readonly parse: (text: string) => V;
  readonly roles: readonly OptionRole[];
}

const int = (value: number, help: string): OptionSpec<number> => ({ kind: 'int', default: value, help, parse: parseGoInt, roles: [] });
const float = (value: number, help: string): OptionSpec<number> => ({
  kind: 'float',
  default: value,
  help,
  parse: parseGoFloat,
  roles: [],
});
const bool = (help: string): OptionSpec<boolean> => ({ kind: 'bool', default: false, help, parse: parsePprofBool, roles: [] });
const text = (help: string, ...roles: OptionRole[]): OptionSpec<string> => ({ kind: 'string', default: '', help, parse: (t) => t, roles });
function choice<C extends string>(name: string, choices: readonly C[], value: C, help: string): OptionSpec<C> {
  const parse = (t: string): C => {
    if ((choices as readonly string[]).includes(t)) return t as C;
    throw new Error(`invalid ${goQuote(name)} value ${goQuote(t)}`);
  };
  return { kind: 'choice', default: value, help, choices, parse, roles: [] };
}

/** The focus-like regexps over node names: filters, part of the filter key, completed with function names. */
const NAME_FILTER: OptionRole[] = ['activeFilter', 'editsProfile', 'nameRegex'];
const TAG_FILTER: OptionRole[] = ['activeFilter', 'editsProfile'];

/**
 * Every option, once: pprof's name, kind, default, help, parser and roles. The report options'
 * type, the defaults, parsing, assignment, help, `o`, completion, the CLI flags and
 * docs/commands.md all derive from this table.
 */
export const OPTION_SPECS = {
  sample_index: {
    kind: 'sample_index',
    default: '',
    help: 'Sample value to report (a sample type name or its 0-based index)',
    parse: (t: string) => t,
    roles: [],
  } as OptionSpec<string>,
  nodecount: int(-1, "Max number of nodes to show (-1: the report's default; 0: all)"),
  nodefraction: float(0.005, 'Hide nodes below <f>*total'),
  edgefraction: float(0.001, 'Hide edges below <f>*total'),
  trim: { ...bool('Honor nodefraction/edgefraction/nodecount defaults'), default: true },
  sort: choice('sort', ['cum', 'flat'], 'flat', 'Sort entries by flat or by cumulative weight'),
  unit: { ...text('Measurement unit to rescale values to (minimum, auto, or e.g. kb, mb)'), default: 'minimum' },
  divide_by: float(1, 'Ratio to divide all samples by before printing'),
  mean: bool('Average the sample value over the first value (count)'),
  drop_negative: bool('Ignore negative differences'),
  granularity: choice(
    'granularity',
    ['addresses', 'filefunctions', 'files', 'functions', 'lines'],
    'functions',
    'Aggregate frames at this granularity',
  ),
  noinlines: bool('Ignore inlines: attribute inlined calls to their callers'),
  compact_labels: bool('Show minimal headers'),
  focus: text('Restricts to samples going through a node matching the regexp', ...NAME_FILTER, 'clearedByColon'),
  ignore: text('Skips paths going through any node matching the regexp', ...NAME_FILTER, 'clearedByColon'),
  hide: text('Skips nodes matching the regexp (their values go to their callers)', ...NAME_FILTER, 'clearedByColon'),
  show: text('Only shows nodes matching the regexp', ...NAME_FILTER),
  show_from: text('Drops the frames above the first (root-most) one matching the regexp', ...NAME_FILTER),
  prune_from: text('Drops the frames below the last (leaf-most) one matching the regexp', 'editsProfile', 'nameRegex'),
  tagfocus: text(
    'Restricts to samples with a label matching: [key=]regexp[,regexp] or a range like 64kb:, :1mb, 1kb:10kb',
    ...TAG_FILTER,
    'clearedByColon',
  ),
  tagignore: text('Skips samples with a label matching: [key=]regexp[,regexp] or a range', ...TAG_FILTER, 'clearedByColon'),
  tagshow: text('Only shows the labels whose key matches the regexp', ...TAG_FILTER),
  taghide: text('Skips the labels whose key matches the regexp', ...TAG_FILTER),
  tagroot: text('Adds pseudo-frames for these label keys (comma-separated) at the root of each sample', 'editsProfile'),
  tagleaf: text('Adds pseudo-frames for these label keys (comma-separated) at the leaf of each sample', 'editsProfile'),
  relative_percentages: bool('Percentages relative to the focused samples rather than the whole profile'),
  source_path: text('Where list looks for source files (a :-separated list of folders)', 'unlisted'),
  trim_path: text('Path prefixes to remove from file names before looking them up (:-separated)'),
  output: text('Writes every later report to this file'),
  call_tree: bool('Paths in context for graph outputs (heapcli has only text reports, which ignore it)'),
  intel_syntax: bool('Intel assembly syntax for disassembly (heapcli has no disassembly; ignored)'),
  normalize: bool("With -base or -diff_base, scales the profile to the base's totals (applies when loading)"),
} as const;

type Specs = typeof OPTION_SPECS;

/** The report options, named as pprof names them on screen; each option's type comes from its spec. */
export type ReportOptions = { -readonly [K in keyof Specs]: Specs[K] extends OptionSpec<infer V> ? V : never };

/**
 * Options with the sample type resolved (`sampleIndex`, an index into the profile's sample types):
 * the session resolves `sample_index` once, when it is set, rather than each report by name.
 */
export type ResolvedOptions = ReportOptions & { readonly sampleIndex: number };

/** An option name. */
export type OptionName = keyof ReportOptions;

/** How finely frames are grouped into graph nodes. */
export type Granularity = ReportOptions['granularity'];

/** The spec of an option, typed by its value. */
export function optionSpec<K extends OptionName>(name: K): OptionSpec<ReportOptions[K]> {
  return OPTION_SPECS[name] as OptionSpec<ReportOptions[K]>;
}

const TABLE_ORDER = Object.keys(OPTION_SPECS) as OptionName[];

/** pprof's defaults. */
export const DEFAULT_OPTIONS: Readonly<ReportOptions> = Object.freeze(
  Object.fromEntries(TABLE_ORDER.map((name) => [name, OPTION_SPECS[name].default])) as ReportOptions,
);

/** All option names, sorted as `o` lists them. */
export const OPTION_NAMES: readonly OptionName[] = [...TABLE_ORDER].sort();

/** The options with `role`, in table order. */
export function optionsWithRole(role: OptionRole): OptionName[] {
  return TABLE_ORDER.filter((name) => OPTION_SPECS[name].roles.includes(role));
}

/** The filter options, in the order pprof lists them under `Active filters:`. */
export const FILTER_OPTIONS: readonly OptionName[] = optionsWithRole('activeFilter');

/** The filters' settings, `[name, value]` in `Active filters:` order (each is a string option). */
export function filterSettings(o: ReportOptions): [string, string][] {
  return FILTER_OPTIONS.map((name) => [name, String(o[name])]);
}

/** What the console's `:` clears. */
export const COLON_CLEARS: readonly OptionName[] = optionsWithRole('clearedByColon');

const EDITS_PROFILE = optionsWithRole('editsProfile');

/** The options that decide what the filters make of the profile, as a cache key. */
export function filterKey(o: ReportOptions): string {
  return JSON.stringify(EDITS_PROFILE.map((name) => o[name]));
}

/** True when `name` is an option. */
export function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTION_SPECS, name);
}

/** The options whose values are chosen from a list (`sort`, `granularity`), by choice name. */
export function groupOfChoice(name: string): OptionName | null {
  for (const option of OPTION_NAMES) if (optionSpec(option).choices?.includes(name)) return option;
  return null;
}
