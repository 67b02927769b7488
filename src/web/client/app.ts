import type { FlameData } from '../flame-data.js';
import { startFlameGraph } from './flame-graph.js';
import { startTopTable } from './top-table.js';
import { startPanZoom } from './graph-pan.js';

/**
 * The page script of heapcli's web UI (bundled into dist/bundle/web/app.js). The server renders
 * each view's HTML; this adds what needs a script: Refine from the search box, links that carry
 * the search to the other views, the top table's sorting and the flame graph.
 */
function start(): void {
  const search = document.getElementById('search') as HTMLInputElement;
  startRefine(search);
  const table = document.getElementById('toptable');
  if (table) startTopTable(table as HTMLTableElement, search);
  const graph = document.querySelector<SVGSVGElement>('#graph svg');
  if (graph) startPanZoom(graph);
  const data = document.getElementById('view-data');
  if (data && document.body.dataset.view === 'flamegraph') startFlameGraph(JSON.parse(data.textContent ?? '{}') as FlameData, search);
}

/**
 * Refine (focus, ignore, hide, show, show from) sets its URL parameter to the search box's regexp;
 * the Peek and Source links take it as `f`, as pprof's do.
 */
function startRefine(search: HTMLInputElement): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('#refine-menu a.refine')];
  const update = () => {
    for (const a of links) a.classList.toggle('disabled', search.value === '');
  };
  for (const a of links) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const url = new URL(window.location.href);
      url.searchParams.set(a.dataset.param ?? 'f', search.value);
      window.location.href = url.toString();
    });
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a.view-link')) {
    a.addEventListener('click', () => {
      const view = a.dataset.view;
      if (search.value === '' || (view !== 'peek' && view !== 'source')) return;
      const url = new URL(a.href);
      url.searchParams.set('f', search.value);
      a.href = url.toString();
    });
  }
  search.addEventListener('input', update);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && document.body.dataset.view !== 'flamegraph' && search.value !== '') {
      const url = new URL(window.location.href);
      url.searchParams.set('f', search.value);
      window.location.href = url.toString();
    }
  });
  update();
}

start();
