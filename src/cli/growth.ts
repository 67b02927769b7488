import type { Assignment } from '../commands/parse.js';
import { ProfileError } from '../profile/errors.js';
import { loadProfileFile } from '../host/profile-file.js';
import type { Profile } from '../profile/model.js';
import { orderSeries } from '../analysis/growth/growth.js';
import { checkSeries } from '../analysis/growth/growth-series.js';
import { Session, type ExecResult } from '../session.js';

/**
 * Loads one snapshot (a file, or a URL once fetching is wired in). It rejects with an Error whose
 * message is one line naming the source, `<source>: <reason>`, which is printed after `heapcli: `.
 */
export type LoadSnapshot = (source: string) => Promise<Profile>;

/**
 * The one-shot growth report: what to print (and a file to write, under -output), and how it ended
 * (a key of main.ts's EXIT, so the caller maps it to the exit status without a circular import).
 */
export interface GrowthRun {
  readonly result: ExecResult;
  readonly status: 'ok' | 'failed' | 'usage';
}

/** Loads a profile file as every profile is loaded, with the failure worded `<path>: <reason>`. */
export function snapshotFileLoader(maxInflatedBytes?: number): LoadSnapshot {
  return async (path) => {
    try {
      return loadProfileFile(path, maxInflatedBytes);
    } catch (err) {
      if (err instanceof ProfileError) throw new Error(`${path}: ${err.message}`);
      throw err;
    }
  };
}

function failure(message: string, status: GrowthRun['status']): GrowthRun {
  return { result: { out: '', err: `heapcli: ${message}\n`, quit: false, failed: true }, status };
}

/**
 * `heapcli -growth s1 s2 ... sN`: loads every snapshot (one after another, so fetches report in
 * order), applies the option flags as a one-shot report does, and runs `growth` over the series.
 * The sources may come in any order: the report orders them by their own timestamps.
 */
export async function runGrowthReport(
  sources: readonly string[],
  assignments: readonly Assignment[],
  load: LoadSnapshot = snapshotFileLoader(),
): Promise<GrowthRun> {
  if (sources.length < 2) {
    const got = sources.length === 0 ? 'none' : `one (${sources[0]})`;
    return failure(`-growth needs two snapshots or more, got ${got}\nRun 'heapcli -h' for usage.`, 'usage');
  }
  const series: Profile[] = [];
  for (const source of sources) {
    try {
      series.push(await load(source));
    } catch (err) {
      return failure((err as Error).message, 'failed');
    }
  }
  // Snapshots of different programs or kinds of profile are refused before any option is read
  // against them (growth-series.ts has the rule).
  const check = checkSeries(
    series.map((profile, i) => ({ name: sources[i], profile })),
    givesSampleIndex(assignments),
  );
  if (check.refusal !== null) return failure(check.refusal, 'failed');
  // Options are checked against the latest snapshot (sample types, as for a single profile).
  const { profiles } = orderSeries(series);
  const opened = Session.open(profiles[profiles.length - 1], { interactive: false, series: profiles, assignments });
  if (opened.failure !== null) return failure(opened.failure, 'failed');
  const { session } = opened;
  const report = session.executeCommand(['growth']);
  const warning = check.warning === null ? '' : `heapcli: warning: ${check.warning}\n`;
  const result = { ...report, err: warning + report.err };
  return { result, status: result.failed ? 'failed' : 'ok' };
}

/** Whether the flags pick the sample value (-sample_index, -inuse_space, ...) for every snapshot. */
export function givesSampleIndex(assignments: readonly Assignment[]): boolean {
  return assignments.some((a) => a.name === 'sample_index');
}
