/** How finely frames are grouped into graph nodes. */
export type Granularity = 'functions' | 'filefunctions' | 'files' | 'lines' | 'addresses';

/** The report options, named as pprof names them on screen. */
export interface ReportOptions {
  /** A sample type name or 0-based index; '' = default_sample_type, else the last type. */
  sample_index: string;
  /** Rows to show; -1 = the command's default, 0 or less = all. */
  nodecount: number;
  nodefraction: number;
  edgefraction: number;
  /** When false, no node or edge is dropped and nodecount is ignored. */
  trim: boolean;
  sort: 'flat' | 'cum';
  /** `minimum`, `auto`, or an explicit unit such as `kb`. */
  unit: string;
  divide_by: number;
  mean: boolean;
  drop_negative: boolean;
  granularity: Granularity;
  noinlines: boolean;
  compact_labels: boolean;
  /** Keep only samples with a frame matching this regexp. */
  focus: string;
  /** Drop samples with a frame matching this regexp. */
  ignore: string;
  /** Remove frames matching this regexp (their values go to the caller). */
  hide: string;
  /** Keep only frames matching this regexp. */
  show: string;
  /** Keep each sample only from its root-most frame matching this regexp down to the leaf. */
  show_from: string;
  /** Cut the frames below the leaf-most frame matching this regexp. */
  prune_from: string;
  /** Keep samples whose labels match (`[key=]regex[,regex]` or a numeric range such as `64kb:`). */
  tagfocus: string;
  /** Drop samples whose labels match. */
  tagignore: string;
  /** Keep only labels whose key matches this regexp. */
  tagshow: string;
  /** Drop labels whose key matches this regexp. */
  taghide: string;
  /** Comma-separated label keys turned into pseudo-frames at the root. */
  tagroot: string;
  /** Comma-separated label keys turned into pseudo-frames at the leaf. */
  tagleaf: string;
  /** Percentages relative to the focused samples rather than the whole profile. */
  relative_percentages: boolean;
  /** Where `list` looks for source files (`:`-separated). */
  source_path: string;
  /** Path prefixes removed from file names before `list` looks them up (`:`-separated). */
  trim_path: string;
  /** Write every later report to this file. */
  output: string;
  /** Paths in context for graph outputs; no text report reads it. */
  call_tree: boolean;
  /** Intel assembly syntax for disassembly; no text report reads it. */
  intel_syntax: boolean;
  /** With -base/-diff_base, scale the source to the base's totals (read at load only). */
  normalize: boolean;
}

/** pprof's defaults. */
export const DEFAULT_OPTIONS: Readonly<ReportOptions> = Object.freeze({
  sample_index: '',
  nodecount: -1,
  nodefraction: 0.005,
  edgefraction: 0.001,
  trim: true,
  sort: 'flat',
  unit: 'minimum',
  divide_by: 1,
  mean: false,
  drop_negative: false,
  granularity: 'functions',
  noinlines: false,
  compact_labels: false,
  focus: '',
  ignore: '',
  hide: '',
  show: '',
  show_from: '',
  prune_from: '',
  tagfocus: '',
  tagignore: '',
  tagshow: '',
  taghide: '',
  tagroot: '',
  tagleaf: '',
  relative_percentages: false,
  source_path: '',
  trim_path: '',
  output: '',
  call_tree: false,
  intel_syntax: false,
  normalize: false,
});
