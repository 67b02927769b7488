import type { ReportOptions } from '../analysis/options.js';
import type { CommandRules } from './command-types.js';

/**
 * The options one command runs with: the session's, then the line's arguments, then the command's
 * rules (its row in the table). The one place per-command overrides apply.
 */
export function commandOptions(
  rules: CommandRules | undefined,
  session: ReportOptions,
  overrides: Partial<ReportOptions>,
  interactive: boolean,
): ReportOptions {
  let options = { ...session, ...overrides };
  if (!rules) return options;
  if (rules.argumentsFilterLabels) options = labelArguments(options, overrides, session);
  if (options.nodecount === -1 && rules.nodecount) options.nodecount = interactive ? rules.nodecount.console : rules.nodecount.oneShot;
  return { ...options, ...rules.fixed };
}

/**
 * The options of `tags [re]* [-re]*`: its arguments filter by label, so the focus and ignore
 * regexps the command line gave become tagfocus and tagignore, and focus and ignore go back to
 * `session` (the settings before this command line's).
 */
export function labelArguments(
  options: ReportOptions,
  overrides: Partial<ReportOptions>,
  session: Pick<ReportOptions, 'focus' | 'ignore'>,
): ReportOptions {
  const routed = { ...options };
  if (overrides.focus !== undefined) {
    routed.tagfocus = overrides.focus;
    routed.focus = session.focus;
  }
  if (overrides.ignore !== undefined) {
    routed.tagignore = overrides.ignore;
    routed.ignore = session.ignore;
  }
  return routed;
}
