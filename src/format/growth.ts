import { padLeft } from '../go/numbers.js';
import type { GrowthReport, GrowthRow } from '../analysis/growth/growth.js';
import { LEAK_MIN_RISING_STEPS } from '../analysis/growth/growth-trend.js';
import { baseName } from '../go/paths.js';
import { formatGoDuration, formatProfileTime } from '../go/time.js';

/** The labels above the table: binary and type (unless compact), then the series' extent. */
export function growthLabels(r: GrowthReport, compact: boolean): string[] {
  const lines: string[] = [];
  const last = r.series[r.series.length - 1];
  const file = last.mappings[0]?.file;
  if (!compact && file) lines.push(`File: ${baseName(file)}`);
  if (!compact) lines.push(`Type: ${r.typeName}`);
  if (r.timed) {
    // Millisecond precision is plenty for a span between heap snapshots.
    const span = formatGoDuration(Math.round(Number(r.spanNanos) / 1e6) * 1e6);
    lines.push(`Snapshots: ${r.snapshots} over ${span}, from ${formatProfileTime(r.series[0].timeNanos)}`);
  } else {
    lines.push(`Snapshots: ${r.snapshots}, in the order given (some carry no time, so no slope)`);
  }
  return lines;
}

/**
 * The summary lines: a warning when the series is too short for a `leak?`, how rows are ranked,
 * and the row cut when nodecount cut any.
 */
export function growthSummary(r: GrowthReport): string[] {
  const lines: string[] = [];
  if (r.snapshots - 1 < LEAK_MIN_RISING_STEPS) {
    const needed = LEAK_MIN_RISING_STEPS + 1;
    lines.push(
      `Too few snapshots to tell a leak from a one-time step: leak? needs ${LEAK_MIN_RISING_STEPS} rising steps (${needed} snapshots or more)`,
    );
  }
  lines.push(`Ranked by ${r.rankedBy}: (change - freed) * rising/steps, then slope`);
  if (r.rows.length < r.candidates) lines.push(`Showing top ${r.rows.length} nodes out of ${r.candidates}`);
  return lines;
}

const COLUMNS: readonly { title: string; text: (row: GrowthRow) => string }[] = [
  { title: 'first', text: (row) => row.firstText },
  { title: 'last', text: (row) => row.lastText },
  { title: 'change', text: (row) => row.changeText },
  { title: 'rising', text: (row) => row.risingText },
  { title: 'slope', text: (row) => row.slopeText },
];

/** Wide enough for every verdict (`released`). */
const VERDICT_WIDTH = 8;

/**
 * The growth table, most suspicious first: numbers right-aligned in columns as wide as their widest
 * cell, then the verdict, then the name last with top's `(inline)` mark (as top prints it, so long
 * names cannot break the alignment). `extraHeader` lines (active filters) go between the labels and the summary, as in top.
 */
export function formatGrowth(r: GrowthReport, compact: boolean, extraHeader: readonly string[] = []): string {
  const widths = COLUMNS.map((c) => Math.max(c.title.length, ...r.rows.map((row) => c.text(row).length)));
  const cells = (texts: readonly string[]) => texts.map((t, i) => padLeft(t, widths[i])).join('  ');
  const lines = [...growthLabels(r, compact), ...extraHeader, ...growthSummary(r)];
  lines.push(`${cells(COLUMNS.map((c) => c.title))}  verdict`);
  for (const row of r.rows) {
    const inline = row.inline ? ` ${row.inline}` : '';
    lines.push(`${cells(COLUMNS.map((c) => c.text(row)))}  ${row.trend.verdict.padEnd(VERDICT_WIDTH)}  ${row.name}${inline}`);
  }
  return lines.join('\n') + '\n';
}
