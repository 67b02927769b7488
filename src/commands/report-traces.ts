import { ReportError } from '../analysis/errors.js';
import type { CommandArgs } from './parse.js';
import type { CommandContext, CommandResult } from './table.js';

/** `traces`: every sample with its stack and labels. */
export function runTraces(_ctx: CommandContext, _args: CommandArgs): CommandResult {
  throw new ReportError('traces: not built yet');
}

/** `tags`: the label values and their weights. */
export function runTags(_ctx: CommandContext, _args: CommandArgs): CommandResult {
  throw new ReportError('tags: not built yet');
}

/** `comments`: the profile's comments, one a line. */
export function runComments(_ctx: CommandContext, _args: CommandArgs): CommandResult {
  throw new ReportError('comments: not built yet');
}
