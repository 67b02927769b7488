import { ReportError } from '../analysis/errors.js';
import type { CommandArgs } from './parse.js';
import type { CommandContext, CommandResult } from './table.js';

/** `list regex`: annotated source of the functions matching regex. */
export function runList(_ctx: CommandContext, _args: CommandArgs): CommandResult {
  throw new ReportError('list: not built yet');
}
