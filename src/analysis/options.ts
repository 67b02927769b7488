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
});
