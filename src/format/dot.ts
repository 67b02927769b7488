import type { DrawnEdge, DrawnGraph, DrawnNode } from '../analysis/graph/drawn-graph.js';
import type { Nodelet } from '../analysis/graph/nodelets.js';
import { percentage } from '../analysis/values/units.js';
import { dotColor } from './dot-color.js';
import { dotEscape, multilineName } from './dot-names.js';

/** What the DOT text needs beyond the graph: the graph's name and the legend's lines. */
export interface DotHeader {
  /** The main binary's base name, or '' (the graph is then `unnamed`). */
  readonly title: string;
  readonly legend: readonly string[];
}

/**
 * The call graph as Graphviz DOT text, laid out as pprof writes it: the legend box, then each node
 * (boxes sized by flat weight, coloured by cum) followed by its tag boxes, then the edges, heaviest
 * first (thicker and redder as they weigh more; dotted where they jump over dropped nodes).
 */
export function formatDot(g: DrawnGraph, h: DotHeader): string {
  const lines = [`digraph "${h.title || 'unnamed'}" {`, 'node [style=filled fillcolor="#f8f8f8"]'];
  if (h.legend.length > 0) lines.push(legendLine(h));
  const maxFlat = g.nodes.reduce((max, n) => Math.max(max, Math.abs(n.flat)), 0);
  const hasNodelets: boolean[] = [];
  g.nodes.forEach((n, i) => {
    lines.push(nodeLine(g, n, i + 1, maxFlat));
    const nodelets = nodeletLines(g, n, i + 1);
    hasNodelets.push(nodelets.length > 0);
    lines.push(...nodelets);
  });
  for (const e of g.edges) lines.push(edgeLine(g, e, hasNodelets[e.from]));
  lines.push('}');
  return lines.join('\n') + '\n';
}

function legendLine(h: DotHeader): string {
  const title = h.title ? ` tooltip="${h.title}"` : '';
  return `subgraph cluster_L { "${dotEscape(h.legend[0])}" [shape=box fontsize=16 label="${h.legend.map(dotEscape).join('\\l')}\\l"${title}] }`;
}

function nodeLine(g: DrawnGraph, n: DrawnNode, id: number, maxFlat: number): string {
  const flatText = g.formatValue(n.flat);
  let label = multilineName(n.info) + (n.flat !== 0 ? `${flatText} (${percentage(n.flat, g.total).trim()})` : '0');
  let cumText = flatText;
  if (n.cum !== n.flat) {
    cumText = g.formatValue(n.cum);
    label += `${n.flat !== 0 ? '\\n' : ' '}of ${cumText} (${percentage(n.cum, g.total).trim()})`;
  }
  // Font sizes grow from 8 to 24 with the square root of the node's share of the largest flat.
  let fontSize = 8;
  if (maxFlat !== 0 && n.flat !== 0 && Math.abs(n.flat) <= maxFlat) fontSize += Math.ceil(16 * Math.sqrt(Math.abs(n.flat) / maxFlat));
  const share = n.cum / Math.abs(g.total);
  return `N${id} [label="${label}" id="node${id}" fontsize=${fontSize} shape=box tooltip="${dotEscape(n.name)} (${cumText})" color="${dotColor(share, false)}" fillcolor="${dotColor(share, true)}"]`;
}

function nodeletLines(g: DrawnGraph, n: DrawnNode, id: number): string[] {
  const lines: string[] = [];
  for (const l of n.nodelets.labels) {
    lines.push(...nodeletPair(g, `N${id}`, `N${id}_${l.index}`, l));
    for (const size of l.sizes) lines.push(...nodeletPair(g, `N${id}_${l.index}`, `NN${id}_${l.index}_${size.index}`, size));
  }
  for (const size of n.nodelets.sizes) lines.push(...nodeletPair(g, `N${id}`, `NN${id}_${size.index}`, size));
  return lines;
}

/** A tag box and the edge from its node (or label box) to it. */
function nodeletPair(g: DrawnGraph, source: string, id: string, t: Nodelet): [string, string] {
  const weight = g.formatValue(t.weight);
  const style = t.dotted ? ' style="dotted"' : '';
  return [
    `${id} [label = "${t.name}" id="${id}" fontsize=8 shape=box3d tooltip="${weight}"]`,
    `${source} -> ${id} [label=" ${weight}" weight=100 tooltip="${weight}" labeltooltip="${weight}"${style}]`,
  ];
}

function edgeLine(g: DrawnGraph, e: DrawnEdge, fromHasNodelets: boolean): string {
  const weightText = g.formatValue(e.weight);
  let attr = `label=" ${weightText}${e.inline ? '\\n (inline)' : ''}"`;
  if (g.total !== 0) {
    // Layout weight 1..101 and pen width 1..6 grow with the edge's share of the total (integer division).
    const weight = 1 + Math.min(Math.abs(Math.trunc((e.weight * 100) / g.total)), 100);
    if (weight > 1) attr += ` weight=${weight}`;
    const width = 1 + Math.min(Math.abs(Math.trunc((e.weight * 5) / g.total)), 5);
    if (width > 1) attr += ` penwidth=${width}`;
    attr += ` color="${dotColor(e.weight / Math.abs(g.total), false)}"`;
  }
  const from = e.fromName;
  const to = e.toName;
  const tooltip = `"${dotEscape(from)} ${e.residual ? '...' : '->'} ${dotEscape(to)} (${weightText})"`;
  attr += ` tooltip=${tooltip} labeltooltip=${tooltip}`;
  if (e.residual) attr += ' style="dotted"';
  if (fromHasNodelets) attr += ' minlen=2';
  return `N${e.from + 1} -> N${e.to + 1} [${attr}]`;
}
