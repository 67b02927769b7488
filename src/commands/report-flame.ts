import { flameTree } from '../analysis/flame-build.js';
import type { CommandArgs, CommandContext, CommandResult } from './command-types.js';

/** What `flame` answers where it cannot draw: a pipe, a one-shot run, a dumb terminal. */
export const FLAME_NEEDS_TERMINAL =
  'flame needs a terminal: it draws in the terminal console (heapcli profile.pb.gz); for a flame graph in a browser, use -http=:8080';

/**
 * How far `flame` can zoom before frames that were too thin to send show as gaps: frames narrower
 * than a column at this many times the screen's width are dropped before the tree is sent.
 */
export const FLAME_ZOOM_DETAIL = 16;

export const FLAME_DETAIL = [
  "heapcli's own, beyond pprof: an icicle graph of the current settings (sample_index, focus, ignore, hide, show, granularity, -base)",
  'focus_regex, -ignore_regex: as in top, for this graph only',
  'Keys: arrows move (left/right: siblings, up: caller, down: largest callee), Enter zooms into the frame, u or Backspace zooms out, q or Esc leaves',
  '/regexp Enter: marks the frames it matches and says what they weigh (frames thinner than a sixteenth of a column are not sent, nor counted)',
  'Widths are cum; colours by Go package; under -base/-diff_base, red frames grew and blue ones shrank',
  "Needs the terminal console: piped or as a flag it says so (the web flame graph is -http's)",
].join('\n');

/**
 * `flame`: the flame graph of the current settings, for the terminal console to draw (its
 * `screen`); without one, one line saying where a flame graph can be seen. Frames too thin to
 * draw even zoomed in are pruned here, so a large profile sends the console little.
 */
export function runFlame(ctx: CommandContext, args: CommandArgs): CommandResult {
  if (!ctx.screen) return { out: '', err: `${FLAME_NEEDS_TERMINAL}\n`, failed: true };
  if (args.output !== null || ctx.options.output)
    return { out: '', err: 'flame draws on the screen and writes no file (>file, output)\n', failed: true };
  const prepared = ctx.analysis.prepare(ctx.options);
  const flame = flameTree(prepared, 1 / (Math.max(1, ctx.screen.columns) * FLAME_ZOOM_DETAIL));
  return { out: '', err: prepared.warnings.map((w) => `${w}\n`).join(''), flame };
}
