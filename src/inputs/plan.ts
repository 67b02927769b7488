import { composeProfiles } from '../profile/compose.js';
import { ProfileError } from '../profile/errors.js';
import type { Profile } from '../profile/model.js';
import { SourceError, loadSource, type SourceSettings } from './inputs.js';

/** What a command line asks to load: profiles (merged), bases (subtracted), and how. */
export interface LoadPlan {
  readonly sources: readonly string[];
  readonly bases: readonly string[];
  /** The bases came with -diff_base rather than -base. */
  readonly diffBase: boolean;
  readonly normalize: boolean;
  readonly settings: SourceSettings;
}

/** The combined profile, and the snapshots it came from when several were given (for `growth`). */
export interface Loaded {
  readonly profile: Profile;
  readonly series: readonly Profile[];
  /** The sources that loaded and were merged into `profile` (one that failed is left out). */
  readonly merged: readonly string[];
}

/**
 * Loads every source and base (files or URLs, in the order given) and combines them as pprof does.
 * A source that fails is a SourceError (`FILE: reason`); profiles that cannot be combined (or
 * -normalize without a base) are a ProfileError with pprof's words.
 */
export async function loadPlan(plan: LoadPlan, notify: (line: string) => void): Promise<Loaded> {
  const { profiles: sources, names } = await loadSources(plan, notify);
  const bases: Profile[] = [];
  for (const base of plan.bases) {
    try {
      bases.push(await loadSource(base, plan.settings, notify));
    } catch (err) {
      throw err instanceof SourceError ? err.asBase() : err;
    }
  }
  const profile = composeProfiles(sources, bases, { diff: plan.diffBase, normalize: plan.normalize });
  return { profile, series: sources.length > 1 && bases.length === 0 ? sources : [], merged: names };
}

/**
 * The sources that load. As pprof does, one that fails is only reported (`<source>: <reason>`,
 * then `Fetched 1 source profiles out of 2`) while another loads; when none does, every failure
 * is reported and the last one thrown (the CLI adds `failed to fetch any source profiles`).
 */
async function loadSources(plan: LoadPlan, notify: (line: string) => void): Promise<{ profiles: Profile[]; names: string[] }> {
  const loaded: Profile[] = [];
  const names: string[] = [];
  const failures: SourceError[] = [];
  for (const source of plan.sources) {
    try {
      loaded.push(await loadSource(source, plan.settings, notify));
      names.push(source);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      failures.push(err);
    }
  }
  for (const failure of failures.slice(0, loaded.length > 0 ? failures.length : -1)) notify(failure.message);
  if (loaded.length === 0) throw failures[failures.length - 1];
  if (failures.length > 0) notify(`Fetched ${loaded.length} source profiles out of ${plan.sources.length}`);
  return { profiles: loaded, names };
}

/**
 * A failed load as pprof words it: the source and why, then that nothing could be fetched; a
 * profile without sample types or samples as pprof's report on it; profiles that cannot be
 * combined (or -normalize without a base) in one line.
 */
export function loadFailureText(err: SourceError | ProfileError): string {
  if (err.kind === 'no-samples') return 'profile has no samples\n';
  if (err instanceof ProfileError) return `${err.message}\n`;
  return `${err.message}\nfailed to fetch any ${err.base ? 'base' : 'source'} profiles\n`;
}
