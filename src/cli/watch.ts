/**
 * `heapcli -watch URL -every 30s -count 10`: fetches a live heap profile again and again, saving
 * each copy as any fetch is saved, then reports growth over the series, exactly as
 * `heapcli -growth <the saved copies>` would. Ctrl-C during the collection stops it early and
 * reports on what was taken.
 */
import { checkSeries } from '../analysis/growth/growth-series.js';
import type { Assignment } from '../commands/parse.js';
import type { Profile } from '../profile/model.js';
import { Session } from '../session.js';
import { SourceError, loadSource, resolveSource, type SourceSettings } from '../inputs/inputs.js';
import { setLongTimeout } from '../inputs/long-timer.js';
import { redactUrl } from '../inputs/url-text.js';
import { writeReportFile } from '../host/report-files.js';
import { printResult } from '../ui/print-result.js';
import { givesSampleIndex, runGrowthReport, type GrowthRun } from './growth.js';
import type { WatchRequest } from './watch-flags.js';

/** Calls `stop` when the user asks to stop (Ctrl-C); returns a function that stops listening. */
export type OnInterrupt = (stop: () => void) => () => void;

/**
 * SIGINT, listened to once: after the first Ctrl-C the listener is gone, so a second one ends
 * the process as usual (a fetch that hangs can still be cut short).
 */
export const onSigint: OnInterrupt = (stop) => {
  const handler = () => {
    process.removeListener('SIGINT', handler);
    stop();
  };
  process.on('SIGINT', handler);
  return () => process.removeListener('SIGINT', handler);
};

/** One snapshot taken: the profile, and where its copy was saved (null if it could not be). */
interface Snapshot {
  readonly profile: Profile;
  readonly path: string | null;
}

/** How the collection ended: all taken, stopped by the user, or a fetch failed (its message). */
type Ending = { readonly kind: 'done' } | { readonly kind: 'interrupted' } | { readonly kind: 'failed'; readonly message: string };

/** A stop requested by the user, which also cuts a pause short. */
class StopRequest {
  requested = false;
  private wake: (() => void) | null = null;

  readonly request = (): void => {
    this.requested = true;
    this.wake?.();
  };

  /** Between fetches, as opposed to during one. */
  get pausing(): boolean {
    return this.wake !== null;
  }

  /** Waits `ms`, or less if a stop is requested meanwhile. */
  pause(ms: number): Promise<void> {
    if (this.requested || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        cancel();
        this.wake = null;
        resolve();
      };
      const cancel = setLongTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** The streams -watch writes to (a subset of main.ts's CliIO). */
export interface WatchIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const NOTICE_SAVED = 'Saved profile in ';

/**
 * The URL -watch fetches: `?gc=1` added when the URL has no query of its own. net/http/pprof's heap
 * handler then collects garbage before it writes the profile, so every snapshot counts what is
 * reachable at that moment, not garbage a GC had yet to free: a series of such snapshots rises only
 * when the program keeps more. A query of the user's (`?gc=0`, `?debug=1`) is left as given.
 */
export function watchedUrl(resolved: string): string {
  const url = new URL(resolved);
  if (url.search !== '') return resolved;
  url.search = 'gc=1';
  return url.href;
}

/**
 * Runs -watch: collects the series, then prints the growth report. Resolves to how it ended, a key
 * of main.ts's EXIT: a failed fetch is `failed` even when growth was reported over what came
 * before it, so a script learns the series is short; a Ctrl-C with 2 snapshots or more is `ok`.
 */
export async function runWatchReport(
  watch: WatchRequest,
  assignments: readonly Assignment[],
  settings: SourceSettings,
  io: WatchIO,
  onInterrupt: OnInterrupt = onSigint,
): Promise<GrowthRun['status']> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const source = resolveSource(watch.url, settings);
  if (source.kind === 'invalid') {
    say(`heapcli: ${source.text}: ${source.reason}`);
    return 'failed';
  }
  if (source.kind === 'file') {
    say(
      `heapcli: -watch needs a URL (http://host:port/debug/pprof/heap, or host:port), got ${JSON.stringify(watch.url)}\nRun 'heapcli -h' for usage.`,
    );
    return 'usage';
  }
  const url = watchedUrl(source.url);
  say(`Watching ${redactUrl(url)}: ${watch.count} snapshots, ${watch.everyText} apart (Ctrl-C stops early and reports)`);
  const stop = new StopRequest();
  const unsubscribe = onInterrupt(() => {
    // A fetch can take up to its timeout: say why nothing happens yet, and how to leave at once.
    if (!stop.pausing) say('Stopping after this fetch (Ctrl-C again quits at once)');
    stop.request();
  });
  let collected: { snapshots: Snapshot[]; ending: Ending; optionProblem: string | null };
  try {
    collected = await collect({ ...watch, url }, assignments, settings, say, stop);
  } finally {
    unsubscribe();
  }
  const { snapshots, ending, optionProblem } = collected;
  if (optionProblem !== null) {
    say(`heapcli: ${optionProblem}`);
    return 'failed';
  }
  const taken = snapshots.length;
  const short = `${taken === 1 ? '1 snapshot' : `${taken} snapshots`} taken, growth needs 2 or more`;
  if (ending.kind === 'failed') {
    say(`heapcli: ${ending.message}; ${taken >= 2 ? `growth over the ${taken} taken follows` : short}`);
    if (taken < 2) return 'failed';
  } else if (ending.kind === 'interrupted') {
    if (taken < 2) {
      say(`heapcli: interrupted: ${short}`);
      return 'failed';
    }
    say(`Interrupted after ${taken} of ${watch.count} snapshots: growth over those`);
  }
  // The report goes through runGrowthReport, the same path as `-growth <copies>`, on the profiles
  // already in memory (the copies hold the same bytes); a snapshot not saved is named by number.
  const names = snapshots.map((s, i) => s.path ?? `snapshot ${i + 1}`);
  const growth = await runGrowthReport(names, assignments, async (name) => snapshots[names.indexOf(name)].profile);
  const printed = await printResult(growth.result, { input: io.stdin, stdout: io.stdout, stderr: io.stderr, writeFile: writeReportFile });
  return ending.kind === 'failed' || !printed ? 'failed' : growth.status;
}

/**
 * Takes the snapshots. Snapshot i is due at start + i × every, so the pace holds whatever a fetch
 * takes; one that is late starts at once. A stop asked for during a fetch lets that fetch finish
 * (its copy is already being written) and ends the series there.
 */
async function collect(
  watch: WatchRequest,
  assignments: readonly Assignment[],
  settings: SourceSettings,
  say: (line: string) => void,
  stop: StopRequest,
) {
  const snapshots: Snapshot[] = [];
  const started = Date.now();
  let ending: Ending = { kind: 'done' };
  for (let i = 0; i < watch.count; i++) {
    await stop.pause(started + i * watch.everyMs - Date.now());
    if (stop.requested) {
      ending = { kind: 'interrupted' };
      break;
    }
    let path: string | null = null;
    const notify = (line: string) => {
      if (line.startsWith(NOTICE_SAVED)) path = line.slice(NOTICE_SAVED.length);
      say(line);
    };
    let profile: Profile;
    try {
      profile = await loadSource(watch.url, settings, notify);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      ending = { kind: 'failed', message: `snapshot ${i + 1}/${watch.count}: ${err.message}` };
      break;
    }
    // A server replaced mid-watch by another kind of profile ends the series, as a failed fetch
    // does; another program name is only warned about, by the report (growth-series.ts).
    const refusal = i === 0 ? null : refusalAgainstFirst(snapshots[0].profile, profile, `snapshot ${i + 1}/${watch.count}`, assignments);
    if (refusal !== null) {
      ending = { kind: 'failed', message: refusal };
      break;
    }
    snapshots.push({ profile, path });
    say(path === null ? `snapshot ${i + 1}/${watch.count} taken (no copy saved)` : `snapshot ${i + 1}/${watch.count} saved in ${path}`);
    // A mistyped option would otherwise surface only after the whole series: check it now.
    if (i === 0) {
      const optionProblem = checkOptions(profile, assignments);
      if (optionProblem !== null) return { snapshots, ending, optionProblem };
    }
  }
  return { snapshots, ending, optionProblem: null };
}

/** Why `profile` cannot be ranked with the first snapshot of the watch, or null. */
function refusalAgainstFirst(first: Profile, profile: Profile, name: string, assignments: readonly Assignment[]): string | null {
  return checkSeries(
    [
      { name: 'snapshot 1', profile: first },
      { name, profile },
    ],
    givesSampleIndex(assignments),
  ).refusal;
}

/** The option flags applied to the first snapshot as the report will apply them; the first problem, or null. */
function checkOptions(profile: Profile, assignments: readonly Assignment[]): string | null {
  return Session.open(profile, { interactive: false, series: [profile], assignments }).failure;
}
