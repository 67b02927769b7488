import type { Profile } from '../../profile/model.js';
import { compileFilter, filterSamples } from './filter.js';
import { addLabelFrames, labelKeys } from './label-frames.js';
import type { ReportOptions } from '../options.js';
import { editStacks, emptyStacks } from './stack-edit.js';
import { hideAndShow, pruneFrom, showFrom } from './stack-filters.js';
import { applyTagFilters } from './tag-filter.js';

/** The profile after the filters, which samples they leave out, and messages for stderr. */
export interface FilteredProfile {
  readonly profile: Profile;
  readonly exclude: Uint8Array | null;
  /** In the order pprof prints them: label-frame warnings, tag-range notes, then the rest. */
  readonly messages: string[];
}

const noMatch = (what: string) => `${what} expression matched no samples`;

function union(a: Uint8Array | null, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const out = Uint8Array.from(a);
  for (let i = 0; i < b.length; i++) out[i] |= b[i];
  return out;
}

/**
 * Applies every filter in pprof's order: tagroot/tagleaf; focus/ignore (on the original frames),
 * hide/show; show_from; tagfocus/tagignore and tagshow/taghide; prune_from. Every regexp is
 * compiled before anything runs, so a bad one fails the report and changes nothing.
 */
export function applyFilters(p: Profile, o: ReportOptions, checkpoint: () => void): FilteredProfile {
  const messages: string[] = [];
  const hide = compileFilter('hide', o.hide);
  const show = compileFilter('show', o.show);
  const from = compileFilter('show_from', o.show_from);
  const prune = compileFilter('prune_from', o.prune_from);
  let profile = p;
  const roots = labelKeys(o.tagroot);
  const leaves = labelKeys(o.tagleaf);
  if (roots.length > 0 || leaves.length > 0) {
    // Label values keep their own unit: pprof does not apply the report's `unit` to them.
    const labelled = addLabelFrames(profile, roots, leaves, 'minimum');
    profile = labelled.profile;
    if (roots.length > 0 && !labelled.rootMatched) messages.push(noMatch('TagRoot'));
    if (leaves.length > 0 && !labelled.leafMatched) messages.push(noMatch('TagLeaf'));
  }
  const named = filterSamples(profile, o, checkpoint);
  let exclude = named.exclude;
  const warnings = [...named.warnings];
  if (hide || show) {
    const edited = hideAndShow(profile, hide, show);
    profile = editStacks(profile, edited.edit);
    if (edited.edit.hideLocation?.includes(1)) exclude = union(exclude, emptyStacks(profile.samples));
    if (hide && !edited.hideMatched) warnings.push(noMatch('Hide'));
    if (show && !edited.showMatched) warnings.push(noMatch('Show'));
  }
  checkpoint();
  if (from) {
    const cut = showFrom(profile, from);
    profile = editStacks(profile, cut.edit);
    exclude = union(exclude, cut.drop);
    if (!cut.matched) warnings.push(noMatch('ShowFrom'));
  }
  const tagged = applyTagFilters(profile, o, exclude);
  profile = tagged.profile;
  exclude = tagged.exclude;
  warnings.push(...tagged.warnings);
  if (prune) profile = editStacks(profile, pruneFrom(profile, prune));
  return { profile, exclude, messages: [...messages, ...tagged.notes, ...warnings] };
}
