import { composeProfiles } from '../profile/compose.js';
import type { Profile } from '../profile/model.js';
import { SourceError, loadSource, type SourceSettings } from './sources.js';

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
}

/**
 * Loads every source and base (files or URLs, in the order given) and combines them as pprof does.
 * A source that fails is a SourceError (`FILE: reason`); profiles that cannot be combined (or
 * -normalize without a base) are a ProfileError with pprof's words.
 */
export async function loadPlan(plan: LoadPlan, notify: (line: string) => void): Promise<Loaded> {
  const sources: Profile[] = [];
  for (const source of plan.sources) sources.push(await loadSource(source, plan.settings, notify));
  const bases: Profile[] = [];
  for (const base of plan.bases) {
    try {
      bases.push(await loadSource(base, plan.settings, notify));
    } catch (err) {
      throw err instanceof SourceError ? err.asBase() : err;
    }
  }
  const profile = composeProfiles(sources, bases, { diff: plan.diffBase, normalize: plan.normalize });
  return { profile, series: sources.length > 1 && bases.length === 0 ? sources : [] };
}
