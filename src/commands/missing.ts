/**
 * pprof's commands and flags that heapcli does not have yet. Each answers with one line saying
 * so and what to use instead, rather than "unrecognized command": a pprof user types `web` out
 * of habit and should learn where the same information is.
 */

/** How a note names a heapcli command: `top` in the console, `-top` on the command line. */
export type CommandNamer = (command: string) => string;

/** One command or flag of pprof's that heapcli lacks. */
export interface MissingSpec {
  readonly name: string;
  /** What pprof's does, in a few words (for help and the docs). */
  readonly help: string;
  /** What the flag takes (`-weblist=<regexp>`, `-http=<host:port>`); absent for a bool flag. */
  readonly value?: 'regexp' | 'host:port';
  /** Only a command-line flag (pprof has no such console command). */
  readonly flagOnly?: true;
  /** Why heapcli cannot do it, e.g. "heapcli draws no graphs". */
  readonly reason: string;
  /** What to use instead, naming heapcli's commands through `cmd`. */
  readonly instead: (cmd: CommandNamer) => string;
}

const webUi = (name: string, help: string, value?: 'host:port'): MissingSpec => ({
  name,
  help,
  value,
  flagOnly: true,
  reason: 'heapcli has no web UI',
  instead: () => 'open the console (heapcli profile.pb.gz) for the same reports',
});

/** pprof's output formats heapcli lacks, by name as pprof lists them, then its web UI's flags. */
export const MISSING: readonly MissingSpec[] = [
  webUi('http', "Serves pprof's web interface on host:port", 'host:port'),
  webUi('no_browser', 'With -http, does not open a browser'),
];

/** The one line a missing command or flag answers with, `shown` being how it was named (`web`, `-web`). */
export function missingNote(spec: MissingSpec, shown: string, cmd: CommandNamer): string {
  return `${shown} is not available in heapcli yet: ${spec.reason}; ${spec.instead(cmd)}`;
}
