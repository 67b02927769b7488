import type { ReportOptions } from '../analysis/options.js';
import type { CommandArgs, CommandSpec } from './command-types.js';
import { COMMANDS } from './table.js';
import { COLON_CLEARS, groupOfChoice, isOptionName } from '../analysis/options.js';

/** A line of console input, parsed. */
export type ParsedLine =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'assign'; readonly assignments: readonly Assignment[] }
  | { readonly kind: 'command'; readonly command: CommandSpec; readonly args: CommandArgs }
  | { readonly kind: 'error'; readonly message: string };

/** `name=value` as typed; `bare` when there was no `=`. */
export interface Assignment {
  readonly name: string;
  readonly value: string;
  readonly bare: boolean;
}

/** Expands the whole-line shortcuts: `:` and the sample-type names (`alloc_space`, `mean_...`, `total_...`). */
export function expandShortcut(line: string, sampleTypes: readonly string[]): Assignment[] | null {
  const set = (name: string, value: string): Assignment => ({ name, value, bare: false });
  if (line === ':') return COLON_CLEARS.map((n) => set(n, ''));
  for (const type of sampleTypes) {
    if (line === type) return [set('sample_index', type)];
    if (line === `total_${type}`) return [set('mean', 'false'), set('sample_index', type)];
    if (line === `mean_${type}`) return [set('mean', 'true'), set('sample_index', type)];
  }
  return null;
}

/** Parses one console line (pprof's interactive grammar). */
export function parseLine(input: string, sampleTypes: readonly string[]): ParsedLine {
  const line = input.trim();
  if (line === '') return { kind: 'nothing' };
  const shortcut = expandShortcut(line, sampleTypes);
  if (shortcut) return { kind: 'assign', assignments: shortcut };
  const eq = line.indexOf('=');
  const name = (eq >= 0 ? line.slice(0, eq) : line).trim();
  if (isOptionName(name) || groupOfChoice(name)) {
    return { kind: 'assign', assignments: [{ name, value: eq >= 0 ? line.slice(eq + 1).trim() : '', bare: eq < 0 }] };
  }
  return parseCommand(line.split(/\s+/));
}

/** Parses a command and its arguments; `top10` is `top 10`. */
export function parseCommand(tokens: string[]): ParsedLine {
  let [name, ...args] = tokens;
  let command = COMMANDS.get(name);
  const digits = /\d+$/.exec(name)?.[0];
  if (!command && digits && digits !== name) {
    name = name.slice(0, -digits.length);
    args = [digits, ...args];
    command = COMMANDS.get(name);
  }
  if (!command) {
    if (isOptionName(name) || groupOfChoice(name)) return error(`did you mean: ${name}=${args[0] ?? '<val>'}`);
    return error(`unrecognized command: ${JSON.stringify(name)}`);
  }
  // A command heapcli lacks answers the same whatever follows it (`web`, `disasm foo >out`).
  if (command.kind === 'missing') return { kind: 'command', command, args: { overrides: {}, argument: null, output: null } };
  if (command.takesArgument === 'required' && args.length === 0) return error(`command ${name} requires an argument`);
  const argument = command.takesArgument ? (args.shift() ?? null) : null;
  if (command.kind !== 'report') return { kind: 'command', command, args: { overrides: {}, argument, output: null } };
  const parsed = parseReportArgs(args);
  return 'message' in parsed ? error(parsed.message) : { kind: 'command', command, args: { ...parsed, argument } };
}

/**
 * A report command's arguments: a number sets nodecount, `>f` sets the output file, `-cum` sorts by
 * cum, `-re` adds to ignore, anything else adds to focus. They apply to this command only.
 */
function parseReportArgs(args: string[]): Omit<CommandArgs, 'argument'> | { message: string } {
  const overrides: Partial<ReportOptions> = {};
  let output: string | null = null;
  const focus: string[] = [];
  const ignore: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    // A token that is a 32-bit integer sets nodecount (so `top -5` means all rows, not ignore=5).
    if (/^[+-]?\d+$/.test(token) && Number(token) >= -(2 ** 31) && Number(token) < 2 ** 31) {
      overrides.nodecount = Number(token);
      continue;
    }
    if (token.startsWith('>')) {
      output = token.slice(1) || args[++i];
      if (output === undefined) return { message: 'unexpected end of line after >' };
    } else if (token === '-cum' || token === '--cum') {
      overrides.sort = 'cum';
    } else if (token.startsWith('-')) {
      // A bare `-` adds nothing: pprof joins only the non-empty pieces, and sets none when all are empty.
      if (token.length > 1) ignore.push(token.slice(1));
    } else {
      focus.push(token);
    }
  }
  if (focus.length > 0) overrides.focus = focus.join('|');
  if (ignore.length > 0) overrides.ignore = ignore.join('|');
  return { overrides, output };
}

function error(message: string): ParsedLine {
  return { kind: 'error', message };
}
