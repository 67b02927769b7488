import { PAGE_STYLE } from './style.js';
import type { ViewHeader } from './views.js';
import { withParam } from './query.js';

/** The views, as pprof's menu lists them: path under /ui/, label, and what the view shows. */
export const VIEWS = [
  { path: 'top', label: 'Top', title: 'Outputs top entries in text form' },
  { path: '', label: 'Graph', title: 'Display profile as a directed graph' },
  { path: 'flamegraph', label: 'Flame Graph', title: 'Display profile as a flame graph (click to zoom)' },
  { path: 'peek', label: 'Peek', title: 'Output callers/callees of functions matching regexp' },
  { path: 'source', label: 'Source', title: 'Output annotated source for functions matching regexp' },
  { path: 'growth', label: 'Growth', title: 'Functions ranked by steady growth over the snapshots (beyond pprof)' },
] as const;

/** What a page is made of: the view's name, header, body HTML and data for the script. */
export interface PageParts {
  readonly view: string;
  readonly header: ViewHeader;
  readonly query: URLSearchParams;
  readonly body: string;
  /** Given to the page's script as JSON (the flame graph's frames, a view's rows). */
  readonly data?: unknown;
  /** A note above the view (e.g. what the graph view shows instead). */
  readonly note?: string;
}

/** `text` with HTML's special characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that can stand inside a <script> element (no `</script>`, no `<!--`). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A whole page: the header with pprof's menus (View, Sample, Refine), the search box, the view. */
export function page(parts: PageParts): string {
  const { header, query } = parts;
  const search = query.toString() === '' ? '' : `?${query.toString()}`;
  const viewLinks = VIEWS.filter((v) => v.path !== 'growth' || header.series)
    .map(
      (v) =>
        `<a href="./${v.path}${escapeHtml(search)}" title="${escapeHtml(v.title)}" class="view-link${v.path === parts.view ? ' active' : ''}" data-view="${v.path}">${v.label}</a>`,
    )
    .join('');
  const sampleLinks = header.sampleTypes
    .map(
      (t) => `<a href="${escapeHtml(withParam(query, 'si', t))}" class="${t === header.sampleType ? 'active' : ''}">${escapeHtml(t)}</a>`,
    )
    .join('');
  const refine = [
    ['f', 'Focus', 'Keep only samples going through a frame matching the regexp'],
    ['i', 'Ignore', 'Drop samples going through a frame matching the regexp'],
    ['h', 'Hide', 'Remove frames matching the regexp'],
    ['s', 'Show', 'Keep only frames matching the regexp'],
    ['sf', 'Show from', 'Drop the frames above the highest match'],
  ]
    .map(([param, label, title]) => `<a href="#" data-param="${param}" class="refine disabled" title="${title}">${label}</a>`)
    .join('');
  const warnings = header.warnings.map((w) => `<div>${escapeHtml(w)}</div>`).join('');
  const data = parts.data === undefined ? '' : `<script id="view-data" type="application/json">${scriptJson(parts.data)}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(header.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body data-view="${parts.view}">
<div class="header">
<h1><a href="./${escapeHtml(search)}">heapcli</a></h1>
<div class="menu"><span class="menu-name">View</span><div class="submenu">${viewLinks}</div></div>
<div class="menu"><span class="menu-name">Sample</span><div class="submenu" id="sample-menu">${sampleLinks}</div></div>
<div class="menu"><span class="menu-name">Refine</span><div class="submenu" id="refine-menu">${refine}<hr><a href="?" title="Show the entire profile">Reset</a></div></div>
<input id="search" type="text" placeholder="Search regexp" autocomplete="off" autocapitalize="none" spellcheck="false" size="40" value="${escapeHtml(query.get('f') ?? '')}">
<details class="description"><summary>${escapeHtml(header.title)}</summary><div id="detailsbox">${header.details.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div></details>
</div>
<div id="errors">${warnings}</div>
${parts.note ? `<div class="note">${escapeHtml(parts.note)}</div>` : ''}
<main id="content" class="view-${parts.view || 'graph'}">${parts.body}</main>
${data}
<script src="./static/app.js" defer></script>
</body>
</html>
`;
}
