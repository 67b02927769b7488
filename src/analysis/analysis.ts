import type { Profile } from '../profile/model.js';
import { applyFilters, type FilteredProfile } from './filters/pipeline.js';
import { buildFrameTable, type FrameTable } from './graph/frames.js';
import { type Checkpoint, type SampleWeights, noCheckpoint, nodeSums } from './graph/graph.js';
import { GraphCache } from './graph/graph-cache.js';
import { SUMMED_AT_ONCE, nodeSumsOfEach } from './graph/graph-many.js';
import { RecentCache } from './graph/recent-cache.js';
import { type Granularity, type ReportOptions, type ResolvedOptions, filterKey } from './options.js';
import { type TopReport, topReport } from './reports/rows.js';
import { reportTotal, resolveSampleIndex, sampleWeights, samplesLabelled } from './values/sample-value.js';
import { DIFF_BASE_LABEL } from '../profile/compose.js';

/**
 * Everything a report is computed from, for one set of options: the profile after the filters
 * (hide, show, show_from, prune_from, tagroot/tagleaf, tagshow/taghide edit stacks and labels),
 * its frames at the granularity, and per-sample weights. Samples stay one-to-one with the loaded
 * profile; those the filters drop (focus, ignore, tagfocus, tagignore, show_from) are marked in
 * `weights.exclude`.
 */
export interface PreparedReport {
  readonly profile: Profile;
  readonly frames: FrameTable;
  readonly weights: SampleWeights;
  /** The % denominator: all samples, or only the kept ones under relative_percentages. */
  readonly total: number;
  readonly sampleIndex: number;
  readonly sampleUnit: string;
  /** The sample type shown (`mean_` prefixed under mean). */
  readonly typeName: string;
  /** Warnings such as `Focus expression matched no samples`, for stderr. */
  readonly warnings: string[];
  readonly options: ReportOptions;
  readonly checkpoint: Checkpoint;
  /** Graphs of this profile, frames and weights, kept between commands. */
  readonly graphs: GraphCache;
}

/** The node names a report reads (`list`'s regexp), and a key that tells them apart in caches. */
export interface NameFilter {
  readonly key: string;
  readonly keep: (name: string) => boolean;
}

/** A top/text report with what its header lines need. */
export interface TopResult {
  readonly report: TopReport;
  /** The sample type shown (`mean_` prefixed under mean). */
  readonly typeName: string;
  readonly total: number;
  readonly sampleUnit: string;
  /** Warnings such as `Focus expression matched no samples`. */
  readonly warnings: string[];
}

/** How many prepared reports' graphs are kept: a user flips between a few sample types and filters. */
const GRAPH_CACHES_KEPT = 4;

/**
 * The analysis of one loaded profile. It caches what does not change between commands (frame
 * tables per granularity, weights and totals per sample index, the last filter), so a repeated
 * or slightly changed command does not redo the whole pipeline.
 */
export class ProfileAnalysis {
  private readonly frameTables = new WeakMap<Profile, Map<string, FrameTable>>();
  private readonly weightTables = new Map<string, { weights: SampleWeights; total: number }>();
  private lastFilter: { key: string; result: FilteredProfile } | null = null;
  private readonly graphCaches = new RecentCache<GraphCache>(GRAPH_CACHES_KEPT);
  /** Frame tables of some names only (`list`), by filters, granularity and names. */
  private readonly namedFrameTables = new RecentCache<FrameTable>(GRAPH_CACHES_KEPT);
  /** The samples of a `-diff_base` profile: the % denominator counts only them. */
  private readonly baseSamples: Uint8Array | null;

  /** `checkpoint` is called during long work and may throw to stop it (Ctrl-C in the console). */
  constructor(
    readonly profile: Profile,
    readonly checkpoint: Checkpoint = noCheckpoint,
  ) {
    this.baseSamples = samplesLabelled(profile, DIFF_BASE_LABEL, 'true');
  }

  /** The sample-type names, in profile order. */
  get sampleTypeNames(): string[] {
    return this.profile.sampleTypes.map((t) => t.type);
  }

  /** The sample type a `sample_index` setting names ('' for the default); throws ReportError with pprof's message. */
  sampleIndexOf(spec: string): number {
    return resolveSampleIndex(this.profile, spec);
  }

  /** The profile's distinct function names, sorted (for completion). */
  functionNames(): string[] {
    const { functions, strings } = this.profile;
    const names = new Set<string>();
    for (let f = 0; f < functions.count; f++) names.add(strings[functions.name[f]]);
    names.delete('');
    return [...names].sort();
  }

  /**
   * Applies the filters and picks the sample value: what every report starts from. With `names`,
   * only nodes whose names it keeps get sums of their own (buildFrameTable's `keepName`).
   */
  prepare(options: ReportOptions | ResolvedOptions, names?: NameFilter): PreparedReport {
    const index = 'sampleIndex' in options ? options.sampleIndex : this.sampleIndexOf(options.sample_index);
    const { weights, total } = this.weightsFor(index, options.mean);
    const filter = this.filterFor(options);
    const type = this.profile.sampleTypes[index];
    const kept = { ...weights, exclude: filter.exclude };
    const tableKey = `${filterKey(options)}/${options.granularity}/${options.noinlines}`;
    const frames = names
      ? this.namedFrameTables.get(`${tableKey}/${names.key}`, () =>
          buildFrameTable(filter.profile, options.granularity, options.noinlines, this.checkpoint, names.keep),
        )
      : this.framesFor(filter.profile, options.granularity, options.noinlines);
    return {
      profile: filter.profile,
      frames,
      weights: kept,
      total: options.relative_percentages ? reportTotal(kept, this.baseSamples) : total,
      sampleIndex: index,
      sampleUnit: type.unit,
      typeName: (options.mean ? 'mean_' : '') + type.type,
      warnings: filter.messages,
      options,
      checkpoint: this.checkpoint,
      graphs: this.graphCaches.get(
        `${index}/${options.mean}/${tableKey}${names ? `/${names.key}` : ''}`,
        () => new GraphCache(() => nodeSums(filter.profile, frames, kept, this.checkpoint)),
      ),
    };
  }

  /**
   * Computes what a `top` with `options` reads first (frames, weights, node sums) into the caches,
   * for a console before its first command, which is nearly always `top`. With `otherSampleTypes`,
   * also the node sums of the other sample types (as many as the caches keep), which a user flips
   * between, in the same walk: about twice one walk's time, for a console that has it to spare.
   */
  warm(options: ReportOptions | ResolvedOptions, otherSampleTypes: boolean): void {
    const current = this.prepare(options);
    if (!otherSampleTypes || options.mean) {
      current.graphs.nodeSums();
      return;
    }
    const indices = [current.sampleIndex, ...this.sampleTypeNames.map((_, i) => i).filter((i) => i !== current.sampleIndex)];
    const reports = indices.slice(0, Math.min(GRAPH_CACHES_KEPT, SUMMED_AT_ONCE)).map((i) => this.prepare({ ...options, sampleIndex: i }));
    const sums = nodeSumsOfEach(
      current.profile,
      current.frames,
      reports.map((r) => r.weights.weight),
      current.weights.exclude,
      this.checkpoint,
    );
    reports.forEach((r, i) => {
      // Other sample types share the filters and frames; seeded only while that holds.
      if (r.frames === current.frames && r.weights.exclude === current.weights.exclude) r.graphs.seed(sums[i]);
    });
    // The options' own graphs stay the most recently used.
    this.prepare(options);
  }

  /** The top/text report for `options`; `defaultNodeCount` applies when nodecount is -1. */
  top(options: ReportOptions | ResolvedOptions, defaultNodeCount: number): TopResult {
    const r = this.prepare(options);
    const report = topReport({ ...r, defaultNodeCount });
    return { report, typeName: r.typeName, total: r.total, sampleUnit: r.sampleUnit, warnings: r.warnings };
  }

  /** Frame tables per profile (the loaded one, or a filtered one) and granularity. */
  private framesFor(profile: Profile, granularity: Granularity, noInlines: boolean): FrameTable {
    const key = `${granularity}/${noInlines}`;
    let tables = this.frameTables.get(profile);
    if (!tables) this.frameTables.set(profile, (tables = new Map()));
    let table = tables.get(key);
    if (!table) {
      table = buildFrameTable(profile, granularity, noInlines, this.checkpoint);
      tables.set(key, table);
    }
    return table;
  }

  private weightsFor(index: number, mean: boolean): { weights: SampleWeights; total: number } {
    const key = `${index}/${mean}`;
    let entry = this.weightTables.get(key);
    if (!entry) {
      const weights = sampleWeights(this.profile, index, mean);
      entry = { weights, total: reportTotal(weights, this.baseSamples) };
      this.weightTables.set(key, entry);
    }
    return entry;
  }

  /** The profile after the filters (cached for the last filter settings). */
  filterFor(options: ReportOptions): FilteredProfile {
    const key = filterKey(options);
    if (this.lastFilter?.key !== key) {
      this.lastFilter = { key, result: applyFilters(this.profile, options, this.checkpoint) };
    }
    return this.lastFilter.result;
  }
}
