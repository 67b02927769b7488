import { ReportError } from '../go/errors.js';
import type { ReportOptions } from '../analysis/options.js';
import { compileGoRegex } from '../go/regex.js';
import type { PreparedReport, ProfileAnalysis } from '../analysis/analysis.js';
import { type TreeReport, treeReport } from '../analysis/reports/tree-report.js';
import { formatPeek } from '../format/peek.js';
import type { CommandArgs } from './parse.js';
import { reportHeader } from './reports.js';
import type { CommandContext, CommandResult } from './table.js';

/** tree's nodecount when the option is -1, in the console and one-shot alike. */
const TREE_NODE_COUNT = 80;

/** `peek regex`: callers and callees of the nodes whose printable name matches regex, untrimmed. */
export function runPeek(ctx: CommandContext, args: CommandArgs): CommandResult {
  const source = args.argument ?? '';
  // pprof compiles the argument before the filters, so its error comes first.
  const symbol = compileArgument(source);
  // Trimming runs before nodes are matched, so pprof turns it off lest it hide the node asked for.
  return contextReport(ctx, { ...ctx.options, trim: false }, symbol, source);
}

/** `tree`: every node the trimming keeps, with its callers and callees. */
export function runTree(ctx: CommandContext, _args: CommandArgs): CommandResult {
  return contextReport(ctx, ctx.options, null, '');
}

function compileArgument(source: string): RegExp {
  try {
    return compileGoRegex(source);
  } catch (err) {
    throw new ReportError(`parsing argument regexp ${source}: ${(err as Error).message}`);
  }
}

function contextReport(ctx: CommandContext, options: ReportOptions, symbol: RegExp | null, source: string): CommandResult {
  const { prepared, report } = contextTree(ctx.analysis, options, symbol);
  const warnings = prepared.warnings.map((w) => `${w}\n`).join('');
  // pprof fails the whole report, printing nothing of it, when peek matches no node.
  if (symbol && report.entries.length === 0) return { out: '', err: `${warnings}no matches found for regexp: ${source}\n`, failed: true };
  return { out: formatPeek(report, reportHeader(options, prepared.profile, prepared, report.formatValue)), err: warnings };
}

/** tree's report, or peek's for `symbol`, with the prepared report it came from. */
function contextTree(analysis: ProfileAnalysis, options: ReportOptions, symbol: RegExp | null): { prepared: PreparedReport; report: TreeReport } {
  const prepared = analysis.prepare(options);
  return { prepared, report: treeReport({ ...prepared, defaultNodeCount: TREE_NODE_COUNT }, symbol) };
}

/** `peek regexp`'s report (trimming off, as runPeek), for the library API's typed rows. */
export function peekTree(analysis: ProfileAnalysis, options: ReportOptions, regexp: string): { prepared: PreparedReport; report: TreeReport } {
  return contextTree(analysis, { ...options, trim: false }, compileArgument(regexp));
}
