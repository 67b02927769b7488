import type { ReportOptions } from '../analysis/options.js';
import { parseGoFloat, parseGoInt, parsePprofBool, goQuote } from '../go/strconv.js';

/** How an option's value is written and checked. */
export type OptionKind = 'int' | 'float' | 'bool' | 'string' | 'choice' | 'sample_index';

/** One option: its kind, its help, and (for a choice) its allowed values. */
export interface OptionSpec<V> {
  readonly kind: OptionKind;
  readonly help: string;
  readonly choices?: readonly string[];
  /** Parses a typed value; throws an Error with pprof's message. */
  readonly parse: (text: string) => V;
}

const int = (help: string): OptionSpec<number> => ({ kind: 'int', help, parse: parseGoInt });
const float = (help: string): OptionSpec<number> => ({ kind: 'float', help, parse: parseGoFloat });
const bool = (help: string): OptionSpec<boolean> => ({ kind: 'bool', help, parse: parsePprofBool });
const text = (help: string): OptionSpec<string> => ({ kind: 'string', help, parse: (t) => t });
function choice<C extends string>(name: string, choices: readonly C[], help: string): OptionSpec<C> {
  const parse = (t: string): C => {
    if ((choices as readonly string[]).includes(t)) return t as C;
    throw new Error(`invalid ${goQuote(name)} value ${goQuote(t)}`);
  };
  return { kind: 'choice', help, choices, parse };
}

/** Every option, typed so that an option without help or a parser does not compile. */
export const OPTION_SPECS: { readonly [K in keyof ReportOptions]: OptionSpec<ReportOptions[K]> } = {
  sample_index: {
    kind: 'sample_index',
    help: 'Sample value to report (a sample type name or its 0-based index)',
    parse: (t) => t,
  },
  nodecount: int('Max number of nodes to show (-1: the report\'s default; 0: all)'),
  nodefraction: float('Hide nodes below <f>*total'),
  edgefraction: float('Hide edges below <f>*total'),
  trim: bool('Honor nodefraction/edgefraction/nodecount defaults'),
  sort: choice('sort', ['cum', 'flat'], 'Sort entries by flat or by cumulative weight'),
  unit: text('Measurement unit to rescale values to (minimum, auto, or e.g. kb, mb)'),
  divide_by: float('Ratio to divide all samples by before printing'),
  mean: bool('Average the sample value over the first value (count)'),
  drop_negative: bool('Ignore negative differences'),
  granularity: choice('granularity', ['addresses', 'filefunctions', 'files', 'functions', 'lines'], 'Aggregate frames at this granularity'),
  noinlines: bool('Ignore inlines: attribute inlined calls to their callers'),
  compact_labels: bool('Show minimal headers'),
  focus: text('Restricts to samples going through a node matching the regexp'),
  ignore: text('Skips paths going through any node matching the regexp'),
  hide: text('Skips nodes matching the regexp (their values go to their callers)'),
  show: text('Only shows nodes matching the regexp'),
  show_from: text('Drops the frames above the first (root-most) one matching the regexp'),
  prune_from: text('Drops the frames below the last (leaf-most) one matching the regexp'),
  tagfocus: text('Restricts to samples with a label matching: [key=]regexp[,regexp] or a range like 64kb:, :1mb, 1kb:10kb'),
  tagignore: text('Skips samples with a label matching: [key=]regexp[,regexp] or a range'),
  tagshow: text('Only shows the labels whose key matches the regexp'),
  taghide: text('Skips the labels whose key matches the regexp'),
  tagroot: text('Adds pseudo-frames for these label keys (comma-separated) at the root of each sample'),
  tagleaf: text('Adds pseudo-frames for these label keys (comma-separated) at the leaf of each sample'),
  relative_percentages: bool('Percentages relative to the focused samples rather than the whole profile'),
  source_path: text('Where list looks for source files (a :-separated list of folders)'),
  trim_path: text('Path prefixes to remove from file names before looking them up (:-separated)'),
  output: text('Writes every later report to this file'),
  call_tree: bool('Paths in context for graph outputs (heapcli has only text reports, which ignore it)'),
  intel_syntax: bool('Intel assembly syntax for disassembly (heapcli has no disassembly; ignored)'),
  normalize: bool('With -base or -diff_base, scales the profile to the base\'s totals (applies when loading)'),
};

/** An option name. */
export type OptionName = keyof ReportOptions;

/** All option names, sorted as `o` lists them. */
export const OPTION_NAMES = (Object.keys(OPTION_SPECS) as OptionName[]).sort();

/** Options `o` does not list (pprof hides source_path there). */
export const UNLISTED_OPTIONS: readonly OptionName[] = ['source_path'];

/** True when `name` is an option. */
export function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTION_SPECS, name);
}

/** The options whose values are chosen from a list (`sort`, `granularity`), by choice name. */
export function groupOfChoice(name: string): OptionName | null {
  for (const option of OPTION_NAMES) if (OPTION_SPECS[option].choices?.includes(name)) return option;
  return null;
}

/** The filter options, in the order pprof lists them under `Active filters:`. */
export const FILTER_OPTIONS = [
  'focus', 'ignore', 'hide', 'show', 'show_from', 'tagfocus', 'tagignore', 'tagshow', 'taghide',
] as const satisfies readonly OptionName[];
