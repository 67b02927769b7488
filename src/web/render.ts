import type { TopReport } from '../analysis/reports/rows.js';
import type { Assignment } from '../commands/parse.js';
import type { Session } from '../session.js';
import { escapeHtml, page } from './page.js';
import { growthBody } from './growth-view.js';
import { TEXT_VIEW_BYTES, ViewError, flameView, peekSubject, sourceSubject, textView, topView, viewOptions } from './views.js';

/** What the graph view says when Graphviz could not draw the graph. */
export const GRAPH_NOTE = 'The graph could not be drawn as SVG: here is the top view.';

/** Draws DOT text as SVG (Graphviz's dot, or its WebAssembly build): host/graphics.ts's renderGraph. */
export type SvgRenderer = (dot: string) => Promise<Uint8Array>;

/** The rows of top as a table, each value as the console prints it; raw values in data-* for sorting. */
export function topTable(report: TopReport): string {
  const head =
    '<thead><tr><th data-key="flat">Flat</th><th data-key="flat">Flat%</th><th>Sum%</th><th data-key="cum">Cum</th><th data-key="cum">Cum%</th><th class="name" data-key="name">Name</th><th class="name">Inlined?</th></tr></thead>';
  const rows = report.rows.map(
    (r) =>
      `<tr data-flat="${r.flat}" data-cum="${r.cum}"><td>${escapeHtml(r.flatText)}</td><td>${r.flatPercent.trim()}</td><td>${r.sumPercent.trim()}</td><td>${escapeHtml(r.cumText)}</td><td>${r.cumPercent.trim()}</td><td class="name">${escapeHtml(r.name)}</td><td class="name">${r.inline}</td></tr>`,
  );
  return `<table class="top" id="toptable">${head}<tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The graph view: the console's `dot` report drawn as SVG, inline in the page (the page script
 * pans and zooms it); when it cannot be drawn, the top view with a note and the reason.
 */
export async function renderGraphView(
  session: Session,
  query: URLSearchParams,
  assignments: Assignment[],
  svg: SvgRenderer,
): Promise<string> {
  const options = viewOptions(session, assignments);
  const { header, report } = topView(session, options);
  const dot = session.executeWith(assignments, ['dot']);
  if (dot.failed) throw new ViewError(dot.err.trimEnd());
  try {
    const drawn = new TextDecoder().decode(await svg(dot.out));
    // The SVG element alone: no XML prolog or DOCTYPE inside an HTML page.
    const element = drawn.slice(drawn.indexOf('<svg'));
    return page({ view: '', header, query, body: `<div id="graph">${element}</div>` });
  } catch (err) {
    return page({ view: '', header: { ...header, warnings: [(err as Error).message] }, query, body: topTable(report), note: GRAPH_NOTE });
  }
}

/** One view's page for a query, or throws ViewError (answered 400 with pprof's message). */
export function renderView(session: Session, view: string, query: URLSearchParams, assignments: Assignment[]): string {
  const options = viewOptions(session, assignments);
  switch (view) {
    case 'top': {
      const { header, report } = topView(session, options);
      return page({ view, header, query, body: topTable(report) });
    }
    case 'peek':
    case 'source': {
      // pprof's web peek reads every node at line granularity (its granularity wins over g).
      const extra: Assignment[] = view === 'peek' ? [{ name: 'granularity', value: 'lines', bare: false }] : [];
      const shown = viewOptions(session, [...assignments, ...extra]);
      const { regexp, note } = view === 'peek' ? peekSubject(session, shown) : sourceSubject(session, shown, query.get('f') ?? '');
      const { header, text, failed } = textView(session, [...assignments, ...extra], shown, [view === 'peek' ? 'peek' : 'list', regexp]);
      const body = failed ? '' : `<pre>${escapeHtml(cut(text))}</pre>`;
      return page({ view, header: failed ? { ...header, warnings: [failed] } : header, query, body, note });
    }
    case 'flamegraph': {
      const { header, data } = flameView(session, options);
      const body =
        '<div id="flame-bar"><button id="flame-reset" title="Show the whole graph (Esc)">Reset zoom</button><span id="flame-crumbs"></span><span id="flame-match"></span><span class="legend" id="flame-legend"></span></div><div id="flame-wrap"><canvas id="flame-canvas"></canvas></div><div id="flame-tip"></div>';
      return page({ view, header, query, body, data });
    }
    case 'growth': {
      const { header, text, failed } = textView(session, assignments, options, ['growth']);
      const body = failed ? '' : growthBody(session, options, text);
      return page({ view, header: failed ? { ...header, warnings: [failed] } : header, query, body });
    }
    default:
      throw new Error(`no view ${view}`);
  }
}

/** A text view's text, cut at TEXT_VIEW_BYTES characters (at a line end) with a line saying so. */
function cut(text: string): string {
  if (text.length <= TEXT_VIEW_BYTES) return text;
  const end = text.lastIndexOf('\n', TEXT_VIEW_BYTES) + 1;
  return `${text.slice(0, end)}... cut here at ${end} of ${text.length} characters: refine (focus, search) to see the rest\n`;
}
