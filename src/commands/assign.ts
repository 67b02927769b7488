import type { ReportOptions } from '../analysis/options.js';
import { resolveSampleIndex } from '../analysis/values/sample-value.js';
import type { Profile } from '../profile/model.js';
import { optionSpec, groupOfChoice, isOptionName } from '../analysis/options.js';
import type { Assignment } from './parse.js';
import { goQuote, parseGoBool } from '../go/strconv.js';

/** Text from the last `//:` on is a comment (the `o` listing writes them). */
function stripComment(value: string): string {
  const at = value.lastIndexOf('//:');
  return at >= 0 ? value.slice(0, at).trim() : value;
}

/** Options after an assignment; `sampleIndex` when it set sample_index (resolved here, once). */
export interface Assigned {
  readonly options: ReportOptions;
  readonly sampleIndex?: number;
}

/**
 * Applies one `name=value` to a copy of `options`, or throws an Error with pprof's message.
 * `sample_index` is checked against the profile and stored as the type name, with its index.
 */
export function applyAssignment(options: ReportOptions, a: Assignment, profile: Profile): Assigned {
  const value = stripComment(a.value);
  if (isOptionName(a.name)) {
    const spec = optionSpec(a.name);
    if (a.bare && spec.kind !== 'bool') throw new Error(`please specify a value, e.g. ${a.name}=<val>`);
    if (a.name === 'sample_index') {
      const index = resolveSampleIndex(profile, value);
      return { options: { ...options, sample_index: profile.sampleTypes[index].type }, sampleIndex: index };
    }
    return { options: { ...options, [a.name]: spec.parse(value) } };
  }
  // A choice used as a name (`cum=true`, `lines=1`) selects it; anything but Go's true fails.
  const group = groupOfChoice(a.name);
  if (group && parseGoBool(value) === true) return { options: { ...options, [group]: a.name } };
  throw new Error(`unknown config field ${goQuote(a.name)}`);
}
