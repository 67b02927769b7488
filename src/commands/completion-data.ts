import { isNumericLabel, isStringLabel } from '../analysis/values/labels.js';
import type { Profile } from '../profile/model.js';

/**
 * What completion needs from a profile besides its function names, as plain arrays (a console
 * whose session runs in a worker thread posts them across). Spread into a CompletionContext.
 */
export interface ProfileCompletionData {
  readonly sampleTypes: readonly string[];
  /** The unit of each sample type, same order (`unit=` offers their families' units). */
  readonly sampleUnits: readonly string[];
  /** Every label key some sample has, sorted (`tagfocus=`, `tagroot=`, `tags` ...). */
  readonly labelKeys: readonly string[];
}

/** Reads a profile's completion data (one pass over the labels, not the stacks). */
export function profileCompletionData(p: Profile): ProfileCompletionData {
  const ss = p.samples;
  const keyIndices = new Set<number>();
  for (let i = 0, end = ss.labelStart[ss.count]; i < end; i++) {
    if (isStringLabel(ss, i) || isNumericLabel(ss, i)) keyIndices.add(ss.labelKey[i]);
  }
  return {
    sampleTypes: p.sampleTypes.map((t) => t.type),
    sampleUnits: p.sampleTypes.map((t) => t.unit),
    labelKeys: [...new Set([...keyIndices].map((k) => p.strings[k]))].filter((k) => k !== '').sort(),
  };
}
