import { padLeft } from '../go/numbers.js';
import type { ContextLine, TreeReport } from '../analysis/reports/tree-report.js';
import { topSummary } from './top.js';

const SEPARATOR = '----------------------------------------------------------+-------------';
// pprof's column titles end in " \t \t " (room for tab-aligned columns it never fills); kept byte for byte.
const LEGEND = '      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ';

/**
 * The peek/tree layout: header labels and top's summary lines, then one block per entry between
 * separator lines: callers, the node's row, callees. The closing separator is printed only when
 * the graph has nodes, even if none of them matched.
 */
export function formatPeek(r: TreeReport, headerLabels: readonly string[]): string {
  // topSummary reads only the summary fields, which a tree report shares with top.
  const lines = [...headerLabels, ...topSummary({ ...r, rows: [] }), SEPARATOR, LEGEND];
  for (const e of r.entries) {
    lines.push(SEPARATOR);
    for (const caller of e.callers) lines.push(edgeLine(caller));
    lines.push(
      `${padLeft(e.flatText, 10)} ${e.flatPercent} ${e.sumPercent} ${padLeft(e.cumText, 10)} ${e.cumPercent}                | ${e.name}`,
    );
    for (const callee of e.callees) lines.push(edgeLine(callee));
  }
  if (r.graphNodes > 0) lines.push(SEPARATOR);
  return lines.join('\n') + '\n';
}

/** A caller or callee: its weight right-aligned under the cum column, its share of the node's cum. */
function edgeLine(l: ContextLine): string {
  return `${padLeft(l.weightText, 50)} ${l.percent} |   ${l.name}${l.inline ? ' (inline)' : ''}`;
}
