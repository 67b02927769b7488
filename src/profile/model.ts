/**
 * The decoded profile: read-only after decoding, every id resolved to a dense index and every
 * string index checked. Columns live in typed arrays (one entry per sample, location, line,
 * function) rather than an object per frame, so a 300,000-sample profile stays compact.
 * Numbers that are int64 on the wire are JavaScript numbers here (exact below 2^53).
 */

/** A sample or period type: names such as `inuse_space` / `bytes`. */
export interface ValueType {
  readonly type: string;
  readonly unit: string;
}

/** A memory mapping (the binary or a shared library). */
export interface Mapping {
  readonly id: number;
  readonly start: number;
  readonly limit: number;
  readonly offset: number;
  readonly file: string;
  readonly buildId: string;
  readonly hasFunctions: boolean;
  readonly hasFilenames: boolean;
  readonly hasLineNumbers: boolean;
  readonly hasInlineFrames: boolean;
  /**
   * The bounds past 2^53 (kernel mappings, `0xffffffffffffffff` for "to the end"), exactly as the
   * profile wrote them, for where they are printed; the number fields hold them rounded.
   */
  readonly wide?: WideMappingFields;
}

/** Mapping bounds that a number cannot hold exactly; only those fields are set. */
export interface WideMappingFields {
  start?: bigint;
  limit?: bigint;
  offset?: bigint;
}

/** Functions as columns; names are indices into `Profile.strings`. */
export interface FunctionTable {
  readonly count: number;
  readonly id: Float64Array;
  readonly name: Uint32Array;
  readonly systemName: Uint32Array;
  readonly filename: Uint32Array;
  readonly startLine: Float64Array;
}

/**
 * Locations as columns. The lines of location `l` are `lineStart[l] .. lineStart[l+1]-1`; the first
 * is the innermost inlined callee and the last is the real (non-inlined) frame.
 */
export interface LocationTable {
  readonly count: number;
  readonly id: Float64Array;
  /** Index into `Profile.mappings`, or -1. */
  readonly mapping: Int32Array;
  readonly address: Float64Array;
  readonly isFolded: Uint8Array;
  readonly lineStart: Uint32Array;
  /** Index into the function table, or -1 for a line without a function. */
  readonly lineFunction: Int32Array;
  readonly lineNumber: Float64Array;
}

/**
 * Samples as columns. Sample `s` has values `values[s*valuesPerSample + i]`, locations
 * `locs[locStart[s] .. locStart[s+1]-1]` (leaf first, as dense location indices) and labels
 * `labelStart[s] .. labelStart[s+1]-1`. A label has a string value (`labelStr` > 0) or a number.
 */
export interface SampleTable {
  readonly count: number;
  readonly valuesPerSample: number;
  readonly values: Float64Array;
  readonly locStart: Uint32Array;
  readonly locs: Uint32Array;
  readonly labelStart: Uint32Array;
  readonly labelKey: Uint32Array;
  readonly labelStr: Uint32Array;
  readonly labelNum: Float64Array;
  readonly labelNumUnit: Uint32Array;
}

/** A whole profile. */
export interface Profile {
  readonly strings: readonly string[];
  readonly sampleTypes: readonly ValueType[];
  /** The `default_sample_type` name, or '' when the writer set none. */
  readonly defaultSampleType: string;
  /** Empty names when the writer set none (pprof's decoder does the same). */
  readonly periodType: ValueType;
  readonly period: number;
  /** Nanoseconds since the epoch, exact (0 when unset). */
  readonly timeNanos: bigint;
  readonly durationNanos: bigint;
  readonly comments: readonly string[];
  readonly dropFrames: string;
  readonly keepFrames: string;
  readonly mappings: readonly Mapping[];
  readonly functions: FunctionTable;
  readonly locations: LocationTable;
  readonly samples: SampleTable;
}

/** The name of function `f`. */
export function functionName(p: Profile, f: number): string {
  return p.strings[p.functions.name[f]];
}

/** The source file name of function `f` ('' when unknown). */
export function functionFile(p: Profile, f: number): string {
  return p.strings[p.functions.filename[f]];
}
