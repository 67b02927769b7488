import type { Profile } from '../profile/model.js';
import { filterSamples, type FilterResult } from './filter.js';
import { buildFrameTable, type FrameTable } from './frames.js';
import { type Checkpoint, type SampleWeights, noCheckpoint } from './graph.js';
import type { Granularity, ReportOptions } from './options.js';
import { type TopReport, topReport } from './rows.js';
import { reportTotal, resolveSampleIndex, sampleWeights } from './sample-value.js';

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

/**
 * The analysis of one loaded profile. It caches what does not change between commands (frame
 * tables per granularity, weights and totals per sample index, the last filter), so a repeated
 * or slightly changed command does not redo the whole pipeline.
 */
export class ProfileAnalysis {
  private readonly frameTables = new Map<string, FrameTable>();
  private readonly weightTables = new Map<string, { weights: SampleWeights; total: number }>();
  private lastFilter: { key: string; result: FilterResult } | null = null;

  /** `checkpoint` is called during long work and may throw to stop it (Ctrl-C in the console). */
  constructor(
    readonly profile: Profile,
    private readonly checkpoint: Checkpoint = noCheckpoint,
  ) {}

  /** The sample-type names, in profile order. */
  get sampleTypeNames(): string[] {
    return this.profile.sampleTypes.map((t) => t.type);
  }

  /** The profile's distinct function names, sorted (for completion). */
  functionNames(): string[] {
    const { functions, strings } = this.profile;
    const names = new Set<string>();
    for (let f = 0; f < functions.count; f++) names.add(strings[functions.name[f]]);
    names.delete('');
    return [...names].sort();
  }

  /** The top/text report for `options`; `defaultNodeCount` applies when nodecount is -1. */
  top(options: ReportOptions, defaultNodeCount: number): TopResult {
    const index = resolveSampleIndex(this.profile, options.sample_index);
    const { weights, total } = this.weightsFor(index, options.mean);
    const filter = this.filterFor(options);
    const type = this.profile.sampleTypes[index];
    const report = topReport({
      profile: this.profile,
      frames: this.framesFor(options.granularity, options.noinlines),
      weights: { ...weights, exclude: filter.exclude },
      total,
      sampleUnit: type.unit,
      options,
      defaultNodeCount,
      checkpoint: this.checkpoint,
    });
    return { report, typeName: (options.mean ? 'mean_' : '') + type.type, total, sampleUnit: type.unit, warnings: filter.warnings };
  }

  private framesFor(granularity: Granularity, noInlines: boolean): FrameTable {
    const key = `${granularity}/${noInlines}`;
    let table = this.frameTables.get(key);
    if (!table) {
      table = buildFrameTable(this.profile, granularity, noInlines, this.checkpoint);
      this.frameTables.set(key, table);
    }
    return table;
  }

  private weightsFor(index: number, mean: boolean): { weights: SampleWeights; total: number } {
    const key = `${index}/${mean}`;
    let entry = this.weightTables.get(key);
    if (!entry) {
      const weights = sampleWeights(this.profile, index, mean);
      entry = { weights, total: reportTotal(weights) };
      this.weightTables.set(key, entry);
    }
    return entry;
  }

  /** The samples focus/ignore leave out (cached for the last filter settings). */
  filterFor(options: ReportOptions): FilterResult {
    const key = JSON.stringify([options.focus, options.ignore]);
    if (this.lastFilter?.key !== key) {
      this.lastFilter = { key, result: filterSamples(this.profile, options, this.checkpoint) };
    }
    return this.lastFilter.result;
  }
}
