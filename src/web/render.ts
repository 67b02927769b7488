import type { TopReport } from '../analysis/reports/rows.js';
import type { Assignment } from '../commands/parse.js';
import type { Session } from '../session.js';
import { escapeHtml, page } from './page.js';
import { growthBody } from './growth-view.js';
import { TEXT_VIEW_BYTES, flameView, peekSubject, sourceSubject, textView, topView, viewOptions } from './views.js';

/** What the graph view says while heapcli draws no graphs. */
export const GRAPH_NOTE = 'The graph view needs the call graph as SVG, which this heapcli does not draw yet: here is the top view.';

/** The rows of top as a table, each value as the console prints it; raw values in data-* for sorting. */
export function topTable(report: TopReport): string {
  const head = '<thead><tr><th data-key="flat">Flat</th><th data-key="flat">Flat%</th><th>Sum%</th><th data-key="cum">Cum</th><th data-key="cum">Cum%</th><th class="name" data-key="name">Name</th><th class="name">Inlined?</th></tr></thead>';
  const rows = report.rows.map((r) => `<tr data-flat="${r.flat}" data-cum="${r.cum}"><td>${escapeHtml(r.flatText)}</td><td>${r.flatPercent.trim()}</td><td>${r.sumPercent.trim()}</td><td>${escapeHtml(r.cumText)}</td><td>${r.cumPercent.trim()}</td><td class="name">${escapeHtml(r.name)}</td><td class="name">${r.inline}</td></tr>`);
  return `<table class="top" id="toptable">${head}<tbody>${rows.join('')}</tbody></table>`;
}

/** One view's page for a query, or throws ViewError (answered 400 with pprof's message). */
export function renderView(session: Session, view: string, query: URLSearchParams, assignments: Assignment[]): string {
  const options = viewOptions(session, assignments);
  switch (view) {
    case 'top':
    case '': {
      const { header, report } = topView(session, options);
      return page({ view, header, query, body: topTable(report), note: view === '' ? GRAPH_NOTE : undefined });
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
      const body = '<div id="flame-bar"><button id="flame-reset" title="Show the whole graph (Esc)">Reset zoom</button><span id="flame-crumbs"></span><span id="flame-match"></span><span class="legend" id="flame-legend"></span></div><div id="flame-wrap"><canvas id="flame-canvas"></canvas></div><div id="flame-tip"></div>';
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
