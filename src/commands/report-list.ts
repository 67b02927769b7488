import { ReportError } from '../go/errors.js';
import type { ReportOptions } from '../analysis/options.js';
import { compileGoRegex } from '../go/regex.js';
import type { PreparedReport, ProfileAnalysis } from '../analysis/analysis.js';
import { type ListedFunction, listFunctions } from '../analysis/reports/source-lines.js';
import { trimSourcePath } from '../analysis/reports/source-paths.js';
import { percentage, scaledLabel } from '../analysis/values/units.js';
import { formatList } from '../format/list.js';
import type { Profile } from '../profile/model.js';
import { sourceLookup } from './source/lookup.js';
import type { CommandArgs, CommandContext, CommandResult } from './command-types.js';

/**
 * `list regex`: annotated source of the functions matching regex. As in pprof, the report is at
 * line granularity with nothing trimmed (its row's rules), and each value is scaled on its own:
 * `list` never picks one unit for the report as `top` does.
 */
export function runList(ctx: CommandContext, args: CommandArgs): CommandResult {
  const { prepared, functions, options } = listedFunctions(ctx.analysis, ctx.options, args.argument ?? '');
  const err = prepared.warnings.map((w) => `${w}\n`).join('');
  // pprof prints the filters' warnings before the error; an error carries all of stderr.
  if (functions.length === 0) throw new ReportError(`${err}no matches found for regexp: ${args.argument}`);
  const ratio = 1 / options.divide_by;
  const formatValue = (v: number) => scaledLabel(ratio !== 1 ? Math.trunc(v * ratio) : v, prepared.sampleUnit, options.unit);
  const source = sourceLookup(ctx.sources, {
    sourcePath: options.source_path,
    trimPath: options.trim_path,
    profileFiles: profileFiles(prepared.profile),
  });
  const out = formatList(prepared.total, functions, { formatValue, percentOfTotal: (v) => percentage(v, prepared.total), source });
  return { out, err };
}

/** The functions `list regexp` shows; `options` with list's rules applied (its row: lines, untrimmed). */
export function listedFunctions(
  analysis: ProfileAnalysis,
  options: ReportOptions,
  regexp: string,
): { prepared: PreparedReport; functions: ListedFunction[]; options: ReportOptions } {
  const symbol = compileSymbol(regexp);
  // Only the matching functions' lines get nodes and sums of their own: the rest is not listed.
  const prepared = analysis.prepare(options, { key: `list:${symbol.source}/${symbol.flags}`, keep: (name) => symbol.test(name) });
  const showFile = (file: string) => trimSourcePath(file, options.trim_path, options.source_path);
  return { prepared, functions: listFunctions(prepared, symbol, showFile), options };
}

/** The function regexp, with pprof's wording when it does not parse. */
function compileSymbol(source: string): RegExp {
  try {
    return compileGoRegex(source);
  } catch (e) {
    throw new ReportError(`parsing argument regexp ${source}: ${(e as Error).message}`);
  }
}

/** Every file name the profile's functions have. */
function profileFiles(p: Profile): string[] {
  const files = new Set<string>();
  for (let f = 0; f < p.functions.count; f++) files.add(p.strings[p.functions.filename[f]]);
  return [...files];
}
