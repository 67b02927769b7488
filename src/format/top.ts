import { padLeft } from '../go/numbers.js';
import type { TopReport } from '../analysis/reports/rows.js';

/** The summary lines above the table: shown share, dropped nodes, top-N note. */
export function topSummary(r: TopReport): string[] {
  const lines = [`Showing nodes accounting for ${r.shownText}, ${r.shownPercent} of ${r.totalText} total`];
  if (r.dropped) {
    const noun = r.dropped.count === 1 ? 'node' : 'nodes';
    lines.push(`Dropped ${r.dropped.count} ${noun} (cum <= ${r.dropped.cutoffText})`);
  }
  if (r.showingTop) lines.push(`Showing top ${r.showingTop.shown} nodes out of ${r.showingTop.of}`);
  return lines;
}

/** The top/text table: header labels, summary, column titles and one line per row. */
export function formatTop(r: TopReport, headerLabels: readonly string[]): string {
  const lines = [...headerLabels, ...topSummary(r)];
  lines.push(`${padLeft('flat', 10)} ${padLeft('flat', 5)}% ${padLeft('sum', 5)}% ${padLeft('cum', 10)} ${padLeft('cum', 5)}%`);
  for (const row of r.rows) {
    const inline = row.inline ? ` ${row.inline}` : '';
    lines.push(
      `${padLeft(row.flatText, 10)} ${row.flatPercent} ${row.sumPercent} ${padLeft(row.cumText, 10)} ${row.cumPercent}  ${row.name}${inline}`,
    );
  }
  return lines.join('\n') + '\n';
}
