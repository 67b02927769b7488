import { type GrowthRow, growthReport } from '../analysis/growth/growth.js';
import type { ReportOptions } from '../analysis/options.js';
import { scaledLabel } from '../analysis/values/units.js';
import type { Session } from '../session.js';
import { escapeHtml } from './page.js';

/** How many of the ranked functions the chart draws (the text report below lists them all). */
export const CHARTED_ROWS = 8;

const COLOURS = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const WIDTH = 640,
  HEIGHT = 300,
  PAD = 48;

/**
 * The growth view (beyond pprof; with several snapshots): each top-ranked function's value over
 * the series as a line, drawn as SVG on the server, beside the console's `growth` report text.
 */
export function growthBody(session: Session, options: ReportOptions, reportText: string): string {
  const report = growthReport(session.series, options);
  const rows = report.rows.slice(0, CHARTED_ROWS);
  const values = (r: GrowthRow) => (report.rankedBy === 'cum' ? r.cum : r.flat);
  const max = Math.max(1, ...rows.flatMap(values));
  const n = report.snapshots;
  const x = (i: number) => PAD + (n <= 1 ? 0 : (i * (WIDTH - 2 * PAD)) / (n - 1));
  const y = (v: number) => HEIGHT - PAD + (-v * (HEIGHT - 2 * PAD)) / max;
  const lines = rows.map((r, k) => {
    const points = values(r)
      .map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join(' ');
    return `<polyline fill="none" stroke="${COLOURS[k]}" stroke-width="2" points="${points}"><title>${escapeHtml(r.name)}</title></polyline>`;
  });
  const axis = `<line x1="${PAD}" y1="${HEIGHT - PAD}" x2="${WIDTH - PAD}" y2="${HEIGHT - PAD}" stroke="#888"/><line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${HEIGHT - PAD}" stroke="#888"/>`;
  const labels = `<text x="4" y="${PAD}" font-size="11">${escapeHtml(scaledLabel(max, report.sampleUnit, 'minimum'))}</text><text x="4" y="${HEIGHT - PAD}" font-size="11">0</text><text x="${PAD}" y="${HEIGHT - PAD + 16}" font-size="11">snapshot 1</text><text x="${WIDTH - PAD}" y="${HEIGHT - PAD + 16}" font-size="11" text-anchor="end">snapshot ${n}</text>`;
  const legend = rows
    .map(
      (r, k) =>
        `<div><span style="background:${COLOURS[k]}"></span>${k + 1}. ${escapeHtml(r.name)} <b>${escapeHtml(r.changeText)}</b> ${escapeHtml(r.trend.verdict)}</div>`,
    )
    .join('');
  const chart = `<svg id="growth-chart" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(report.typeName)} over ${n} snapshots">${axis}${labels}${lines.join('')}</svg>`;
  return `<div class="growth">${chart}<div class="growth-legend">${legend}</div></div><pre>${escapeHtml(reportText)}</pre>`;
}
