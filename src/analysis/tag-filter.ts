import type { Profile } from '../profile/model.js';
import type { ReportOptions } from './options.js';

/** What the label filters leave: a sample mask, the labels kept, and messages for stderr. */
export interface TagFilterResult {
  /** Samples left out: those already in `exclude` plus those tagfocus/tagignore drop. */
  readonly exclude: Uint8Array | null;
  /** The profile with only the labels tagshow/taghide keep (the same object when neither is set). */
  readonly profile: Profile;
  /** Printed before any warning, e.g. `tagfocus:Interpreted '64kb:' as range, not regexp`. */
  readonly notes: string[];
  /** e.g. `TagFocus expression matched no samples`. */
  readonly warnings: string[];
}

/**
 * Applies tagfocus/tagignore (which samples stay) and tagshow/taghide (which labels stay) as pprof
 * does. Throws ReportError with pprof's message for a value it cannot parse.
 */
export function applyTagFilters(
  p: Profile,
  o: Pick<ReportOptions, 'tagfocus' | 'tagignore' | 'tagshow' | 'taghide'>,
  exclude: Uint8Array | null,
): TagFilterResult {
  if (o.tagfocus || o.tagignore || o.tagshow || o.taghide) throw new Error('tag filters: not built yet');
  return { exclude, profile: p, notes: [], warnings: [] };
}
