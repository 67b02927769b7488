import type { Profile } from '../../profile/model.js';
import { ProfileAnalysis } from '../analysis.js';
import { ReportError } from '../../go/errors.js';
import type { PreparedReport } from '../analysis.js';
import type { NodeInfo } from '../graph/frames.js';
import { type Checkpoint, cumValue, flatValue, inlineEdgeKinds, inlineLabel, noCheckpoint } from '../graph/graph.js';
import { type Trend, compareTrends, secondsSince, trendOf } from './growth-trend.js';
import { type GrowthFormat, type TimeBase, growthFormat } from './growth-units.js';
import type { ReportOptions } from '../options.js';
import { INLINE_LABEL_EDGES, reportGraph } from '../reports/rows.js';

/** One function (or line, at that granularity) followed through the series. */
export interface GrowthRow {
  readonly name: string;
  /** `(inline)`, `(partial-inline)` or '', as top marks the name (see inlineKinds). */
  readonly inline: string;
  /** In-use value at each snapshot, time order (0 where the function was absent). */
  readonly flat: readonly number[];
  readonly cum: readonly number[];
  /** The trend of the ranked value (flat, or cum under sort=cum). */
  readonly trend: Trend;
  readonly firstText: string;
  readonly lastText: string;
  /** The change with its sign (`+28kB`, `-768kB`, `0`). */
  readonly changeText: string;
  /** Rising steps out of all steps, `7/7`. */
  readonly risingText: string;
  /** `+1.20MB/min` (see growth-units.ts), or `-` when the snapshots carry no times. */
  readonly slopeText: string;
}

/** The growth report: the series' extent and the ranked rows, values formatted in one unit. */
export interface GrowthReport {
  readonly rows: GrowthRow[];
  /** Functions with a nonzero ranked value somewhere in the series (rows is at most nodecount of them). */
  readonly candidates: number;
  readonly snapshots: number;
  /** The snapshots in time order (the order given when some carry no time). */
  readonly series: readonly Profile[];
  /** False when some snapshot has no time: the order is the one given and there is no slope. */
  readonly timed: boolean;
  readonly spanNanos: bigint;
  /** The time base of the slopes (`/s`, `/min`, `/h`), null when there are none. */
  readonly slopeBase: TimeBase | null;
  readonly rankedBy: 'flat' | 'cum';
  readonly typeName: string;
  readonly sampleUnit: string;
  /** Messages for stderr that every snapshot gave (a focus that matched nothing in any of them). */
  readonly warnings: string[];
}

/**
 * Orders snapshots by their own timestamps (stable, so equal times keep the given order). When a
 * snapshot has no time the given order is kept and `timed` is false.
 */
export function orderSeries(series: readonly Profile[]): { profiles: Profile[]; timed: boolean } {
  const timed = series.every((p) => p.timeNanos !== 0n);
  const profiles = [...series];
  if (timed) profiles.sort((a, b) => (a.timeNanos < b.timeNanos ? -1 : a.timeNanos > b.timeNanos ? 1 : 0));
  return { profiles, timed };
}

/**
 * Follows every function through the series and ranks them by how steadily their in-use value rose
 * (see growth-trend.ts for the score and verdicts). Each snapshot goes through the same pipeline as
 * `top` (sample_index, granularity, focus/ignore and the other filters, mean, divide_by), and nodes
 * are matched across snapshots by what identifies them at the granularity, not by index.
 */
export function growthReport(series: readonly Profile[], o: ReportOptions, checkpoint: Checkpoint = noCheckpoint): GrowthReport {
  if (series.length < 2) throw new ReportError(`growth needs at least two snapshots, got ${series.length}`);
  const { profiles, timed } = orderSeries(series);
  const times = profiles.map((p) => p.timeNanos);
  const seconds = timed ? secondsSince(times) : null;
  const followed = followNodes(profiles, o, checkpoint);
  const rankedBy = o.sort === 'cum' ? 'cum' : 'flat';
  const ranked = followed.nodes
    .filter((e) => e[rankedBy].some((v) => v !== 0))
    .map((e) => ({ ...e, trend: trendOf(e[rankedBy], seconds) }))
    .sort((a, b) => compareTrends(a.trend, b.trend) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // nodecount -1 (no count given) is resolved by the command's row; here it shows every row, as 0 does.
  const limit = !o.trim ? 0 : Math.max(o.nodecount, 0);
  const shown = limit > 0 ? ranked.slice(0, limit) : ranked;
  const { typeName, sampleUnit } = followed;
  const spanNanos = times[times.length - 1] - times[0];
  const format = growthFormat(
    {
      values: shown.flatMap((e) => [e.trend.first, e.trend.last, e.trend.change]),
      slopes: shown.map((e) => e.trend.slopePerSecond),
      total: followed.largestTotal,
      spanSeconds: Number(spanNanos) / 1e9,
      sampleUnit,
    },
    o,
  );
  return {
    rows: shown.map((e) => growthRow(e, format)),
    candidates: ranked.length,
    snapshots: profiles.length,
    series: profiles,
    timed,
    spanNanos,
    slopeBase: format.base,
    rankedBy,
    typeName,
    sampleUnit,
    warnings: followed.warnings,
  };
}

/** One node's values through the series, and the union of its inline edge kinds. */
interface FollowedNode {
  readonly name: string;
  inline: number;
  readonly flat: number[];
  readonly cum: number[];
}

/** Every node of every snapshot (time order), matched by nodeKey, with what the report header needs. */
interface Followed {
  readonly nodes: FollowedNode[];
  readonly typeName: string;
  readonly sampleUnit: string;
  /** The largest snapshot total, for the table's unit. */
  readonly largestTotal: number;
  /** Filter warnings every snapshot gave. */
  readonly warnings: string[];
}

/** Runs each snapshot through the pipeline and follows its nodes from snapshot to snapshot. */
function followNodes(profiles: readonly Profile[], o: ReportOptions, checkpoint: Checkpoint): Followed {
  const byKey = new Map<string, FollowedNode>();
  // A focus may match nothing in early snapshots and plenty later: only warn when no snapshot matched.
  const warnings = new Map<string, number>();
  let kind: { typeName: string; sampleUnit: string } | null = null;
  let largestTotal = 0;
  for (const [k, profile] of profiles.entries()) {
    const r = new ProfileAnalysis(profile, checkpoint).prepare(o);
    if (kind && (kind.typeName !== r.typeName || kind.sampleUnit !== r.sampleUnit)) {
      throw new ReportError(
        `growth: the snapshots differ in sample type: ${kind.typeName} (${kind.sampleUnit}) and ${r.typeName} (${r.sampleUnit})`,
      );
    }
    kind = { typeName: r.typeName, sampleUnit: r.sampleUnit };
    largestTotal = Math.max(largestTotal, r.total);
    new Set(r.warnings).forEach((w) => warnings.set(w, (warnings.get(w) ?? 0) + 1));
    const g = r.graphs.nodeSums();
    const inline = inlineKinds(r);
    for (const n of g.nodes) {
      const key = nodeKey(r.frames.nodes[n]);
      let entry = byKey.get(key);
      if (!entry)
        byKey.set(
          key,
          (entry = {
            name: r.frames.names[n],
            inline: 0,
            flat: new Array<number>(profiles.length).fill(0),
            cum: new Array<number>(profiles.length).fill(0),
          }),
        );
      // A function inlined in one snapshot is inlined in all of one binary; a snapshot where it
      // holds too little for its edges to count must not drop the mark.
      entry.inline |= inline[n];
      entry.flat[k] = flatValue(g, n);
      entry.cum[k] = cumValue(g, n);
    }
  }
  return {
    nodes: [...byKey.values()],
    ...(kind ?? { typeName: '', sampleUnit: '' }),
    largestTotal,
    warnings: [...warnings].filter(([, count]) => count === profiles.length).map(([w]) => w),
  };
}

/** A ranked node as a row of the table, its values formatted. */
function growthRow(e: FollowedNode & { readonly trend: Trend }, format: GrowthFormat): GrowthRow {
  return {
    name: e.name,
    inline: inlineLabel(e.inline),
    flat: e.flat,
    cum: e.cum,
    trend: e.trend,
    firstText: format.value(e.trend.first),
    lastText: format.value(e.trend.last),
    changeText: signed(format.value(e.trend.change)),
    risingText: `${e.trend.rising}/${e.trend.steps}`,
    slopeText: format.slope(e.trend.slopePerSecond),
  };
}

/** What identifies a node at its granularity (the frame table's own identity). */
function nodeKey(info: NodeInfo): string {
  return `${info.address}\u0000${info.name}\u0000${info.file}\u0000${info.line}\u0000${info.objfile}\u0000${info.startLine}`;
}

function signed(text: string): string {
  return text === '0' || text.startsWith('-') ? text : `+${text}`;
}

/**
 * The kinds of edges into each node (graph.ts's inlineEdgeKinds), read as `top` reads them for its
 * `(inline)` marks when it shows every node (`-nodecount=0 -nodefraction=0`): growth rows are not
 * top's rows, and a mark that hung on which callers top happened to keep would come and go.
 * Edges under edgefraction still do not count, as in top.
 */
function inlineKinds(r: PreparedReport): Uint8Array {
  const everyNode = { ...r.options, nodecount: 0, nodefraction: 0 };
  const { trimmed } = reportGraph({ ...r, options: everyNode, defaultNodeCount: 0 }, INLINE_LABEL_EDGES);
  return inlineEdgeKinds(trimmed.graph, r.frames.nodes.length, trimmed.edgeCutoff);
}
