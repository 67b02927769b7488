import { activeFilterLines } from '../analysis/filters/filter.js';
import { flameTree } from '../analysis/flame-build.js';
import type { FlameTree } from '../analysis/flame-tree.js';
import type { ReportOptions } from '../analysis/options.js';
import type { TopReport } from '../analysis/reports/rows.js';
import { resolveSampleIndex } from '../analysis/values/sample-value.js';
import { reportUnit } from '../analysis/values/units.js';
import { filterSettings } from '../analysis/options.js';
import type { Assignment } from '../commands/parse.js';
import { profileLabels } from '../format/labels.js';
import { topSummary } from '../format/top.js';
import type { Session } from '../session.js';
import { encodeFlame, type FlameData } from './flame-data.js';

/** A view that could not be made: pprof's message, answered with status 400. */
export class ViewError extends Error {}

/** What every view shows in its header: the sample types and the report's labels. */
export interface ViewHeader {
  readonly title: string;
  readonly sampleTypes: readonly string[];
  /** The sample type in use (without `mean_`). */
  readonly sampleType: string;
  /** File, Type, Time..., Active filters and the summary lines, as the text reports print them. */
  readonly details: readonly string[];
  /** Warnings such as `Focus expression matched no samples`. */
  readonly warnings: readonly string[];
  /** Several snapshots were loaded: the growth view is there. */
  readonly series: boolean;
}

/** pprof's web UI shows at most this many rows in its top view (nodecount when not set). */
export const WEB_TOP_NODES = 500;

/** Frames narrower than this share of the whole are not sent: a tenth of a pixel on a 1,200-pixel screen, 12 pixels zoomed 100 times. */
export const FLAME_MIN_SHARE = 1e-4;

/** The session's options with the query's settings, or ViewError with pprof's message. */
export function viewOptions(session: Session, assignments: readonly Assignment[]): ReportOptions {
  const options = session.optionsWith(assignments);
  if (typeof options === 'string') throw new ViewError(options);
  return options;
}

/** Runs `compute`, turning an analysis failure (a bad regexp) into a ViewError. */
function guarded<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof ViewError) throw err;
    throw new ViewError((err as Error).message);
  }
}

/** The top view: the rows of `top` (as the console computes them) and the header. */
export function topView(session: Session, options: ReportOptions): { header: ViewHeader; report: TopReport } {
  return guarded(() => {
    const result = session.analysis.top(options, WEB_TOP_NODES);
    const labels = profileLabels(session.analysis.profile, { ...result, formatValue: result.report.formatValue });
    return {
      header: header(session, options, [...labels, ...filterLines(options), ...topSummary(result.report)], result.warnings),
      report: result.report,
    };
  });
}

/** A text view (peek, source): the console's report for `tokens`, with the header from top. */
export function textView(
  session: Session,
  assignments: readonly Assignment[],
  options: ReportOptions,
  tokens: string[],
): { header: ViewHeader; text: string; failed: string } {
  const result = session.executeWith(assignments, tokens);
  const text = result.out + [...(result.rest ?? [])].join('');
  const base = topView(session, options).header;
  const warnings = result.failed ? [] : result.err.split('\n').filter((l) => l !== '');
  return { header: { ...base, warnings }, text, failed: result.failed ? result.err.trimEnd() : '' };
}

/** The flame graph view: the tree of the options' report, pruned of slivers, encoded compactly. */
export function flameView(session: Session, options: ReportOptions): { header: ViewHeader; tree: FlameTree; data: FlameData } {
  return guarded(() => {
    const prepared = session.analysis.prepare(options);
    const tree = flameTree(prepared, FLAME_MIN_SHARE);
    const top = topView(session, options);
    // Values print in the unit top picks for the same report, so the numbers read alike.
    const shown = top.report.rows.map((r) => [r.flat, r.cum] as const);
    const ratio = 1 / options.divide_by;
    const data = { ...encodeFlame(tree), shownUnit: reportUnit(options.unit, shown, prepared.total, ratio, prepared.sampleUnit), ratio };
    return { header: top.header, tree, data };
  });
}

function filterLines(options: ReportOptions): string[] {
  return activeFilterLines(filterSettings(options));
}

function header(session: Session, options: ReportOptions, details: string[], warnings: readonly string[]): ViewHeader {
  const names = session.analysis.sampleTypeNames;
  const type = typeOf(session, options);
  const file = details.find((l) => l.startsWith('File: '))?.slice(6) ?? '';
  const title = [file, (options.mean ? 'mean_' : '') + type].filter((s) => s !== '').join(' ');
  return { title, sampleTypes: names, sampleType: type, details, warnings, series: session.series.length > 1 };
}

function typeOf(session: Session, options: ReportOptions): string {
  const p = session.analysis.profile;
  return p.sampleTypes[resolveSampleIndex(p, options.sample_index)].type;
}

/** The text views show at most this many nodes' entries unless a regexp says which. */
export const WEB_TEXT_NODES = 100;

/** Past this many characters a text view is cut (a large profile's peek of every node is tens of MB). */
export const TEXT_VIEW_BYTES = 4_000_000;

/**
 * What the peek view peeks at: every node (`.*`, pprof's) when the report has at most
 * WEB_TEXT_NODES nodes, else the heaviest of them by flat, with a note saying so.
 */
export function peekSubject(session: Session, options: ReportOptions): { regexp: string; note?: string } {
  const names = heaviest(session, options);
  if (names === null) return { regexp: '.*' };
  return {
    regexp: anyOf(names),
    note: `Peek shows the ${names.length} heaviest nodes by flat (pprof's shows every node): search a regexp and choose Focus for others.`,
  };
}

/** What the source view lists: the functions `f` matches (as pprof); without it, the heaviest functions. */
export function sourceSubject(session: Session, options: ReportOptions, f: string): { regexp: string; note?: string } {
  if (f !== '') return { regexp: f };
  const names = heaviest(session, { ...options, granularity: 'functions' });
  if (names === null) return { regexp: '.' };
  return {
    regexp: anyOf(names),
    note: `Source lists the ${names.length} heaviest functions by flat (pprof's lists every function): search a regexp and choose Focus for others.`,
  };
}

/** The names of the WEB_TEXT_NODES heaviest nodes by flat, or null when there are no more than that. */
function heaviest(session: Session, options: ReportOptions): string[] | null {
  const { report } = guarded(() =>
    session.analysis.top({ ...options, trim: true, nodefraction: 0, nodecount: WEB_TEXT_NODES + 1, sort: 'flat' }, 0),
  );
  if (report.rows.length <= WEB_TEXT_NODES) return null;
  return report.rows.slice(0, WEB_TEXT_NODES).map((r) => r.name);
}

/** A regexp (Go's syntax) matching exactly these names. */
function anyOf(names: readonly string[]): string {
  return `^(?:${names.map((n) => n.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|')})$`;
}
