import { ReportError } from '../go/errors.js';
import type { ReportOptions } from '../analysis/options.js';
import { compileGoRegex } from '../go/regex.js';
import type { PreparedReport, ProfileAnalysis } from '../analysis/analysis.js';
import { type TreeReport, treeReport } from '../analysis/reports/tree-report.js';
import { formatPeek } from '../format/peek.js';
import { reportHeader } from './reports.js';
import type { CommandArgs, CommandContext, CommandResult } from './command-types.js';

/** `peek regex`: callers and callees of the nodes whose printable name matches regex, untrimmed (its row's rule). */
export function runPeek(ctx: CommandContext, args: CommandArgs): CommandResult {
  const source = args.argument ?? '';
  // pprof compiles the argument before the filters, so its error comes first.
  const symbol = compileArgument(source);
  return contextReport(ctx, ctx.options, symbol, source);
}

/** `tree`: every node the trimming keeps (80 unless nodecount says, its row's rule), with its callers and callees. */
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
function contextTree(
  analysis: ProfileAnalysis,
  options: ReportOptions,
  symbol: RegExp | null,
): { prepared: PreparedReport; report: TreeReport } {
  const prepared = analysis.prepare(options);
  return { prepared, report: treeReport({ ...prepared, defaultNodeCount: 0 }, symbol) };
}

/** `peek regexp`'s report for the library API's typed rows; `options` with peek's rules applied (trimming off). */
export function peekTree(
  analysis: ProfileAnalysis,
  options: ReportOptions,
  regexp: string,
): { prepared: PreparedReport; report: TreeReport } {
  return contextTree(analysis, options, compileArgument(regexp));
}
