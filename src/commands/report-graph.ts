import { activeFilterLines } from '../analysis/filters/filter.js';
import { type DrawnGraph, drawnGraph } from '../analysis/graph/drawn-graph.js';
import { baseName } from '../go/paths.js';
import { percentage } from '../analysis/values/units.js';
import { formatDot } from '../format/dot.js';
import { profileLabels } from '../format/labels.js';
import type { PreparedReport } from '../analysis/analysis.js';
import { filterSettings } from '../analysis/options.js';
import type { CommandContext, CommandResult } from './command-types.js';

/** The DOT text of the call graph, and the warnings of its filters: what every graph output starts from. */
export function dotReport(ctx: CommandContext): { dot: string; warnings: string } {
  // nodecount -1 is 80 here, in the console and one-shot alike: the graph rows' rules.
  const prepared = ctx.analysis.prepare(ctx.options);
  const graph = drawnGraph({ ...prepared, defaultNodeCount: 0 });
  const main = prepared.profile.mappings[0];
  const title = main?.file ? baseName(main.file) : '';
  const dot = formatDot(graph, { title, legend: graphLegend(prepared, graph) });
  return { dot, warnings: prepared.warnings.map((w) => `${w}\n`).join('') };
}

/** `dot`: the call graph in Graphviz's DOT language, as pprof writes it. */
export function runDot(ctx: CommandContext): CommandResult {
  const { dot, warnings } = dotReport(ctx);
  return { out: dot, err: warnings };
}

/**
 * The legend box's lines: the profile's labels (always all of them: compact_labels does not apply
 * to graphs), the active filters, what the graph shows and drops, and where to read how.
 */
function graphLegend(r: PreparedReport, g: DrawnGraph): string[] {
  const o = r.options;
  const lines = [
    ...profileLabels(r.profile, { typeName: r.typeName, total: r.total, sampleUnit: r.sampleUnit, formatValue: g.formatValue }),
    ...activeFilterLines(filterSettings(o)),
    `Showing nodes accounting for ${g.formatValue(g.shownFlat)}, ${percentage(g.shownFlat, r.total).trim()} of ${g.formatValue(r.total)} total`,
  ];
  if (r.total !== 0) {
    const cutoff = (fraction: number) => g.formatValue(Math.abs(Math.trunc(r.total * (o.trim ? fraction : 0))));
    if (g.droppedNodes > 0)
      lines.push(`Dropped ${g.droppedNodes} ${g.droppedNodes > 1 ? 'nodes' : 'node'} (cum <= ${cutoff(o.nodefraction)})`);
    if (g.droppedEdges > 0)
      lines.push(`Dropped ${g.droppedEdges} ${g.droppedEdges > 1 ? 'edges' : 'edge'} (freq <= ${cutoff(o.edgefraction)})`);
    if (g.nodes.length > 0 && g.nodes.length < g.nodesAfterCutoff)
      lines.push(`Showing top ${g.nodes.length} nodes out of ${g.nodesAfterCutoff}`);
  }
  lines.push('\nSee https://git.io/JfYMW for how to read the graph');
  return lines;
}
