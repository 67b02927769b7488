import { numLabelUnits, unitConflictWarnings } from '../analysis/values/labels.js';
import { reportTotal, sampleWeights } from '../analysis/values/sample-value.js';
import { scaledLabel } from '../analysis/values/units.js';
import type { Profile } from '../profile/model.js';
import { profileLabels } from './labels.js';

/**
 * The console's greeting on `p` showing sample type `sampleIndex` (as its mean under `mean`): the
 * profile's labels, a hint when that type is empty, then pprof's banner. Its own module, with
 * nothing of the analysis but the sums: the first prompt (cli/first-prompt.ts) greets before the
 * rest of heapcli is loaded, with the same text a session greets with.
 */
export function consoleGreeting(p: Profile, sampleIndex: number, mean: boolean): string {
  const type = p.sampleTypes[sampleIndex];
  // Over every sample: a -diff_base's base is not singled out, as pprof greets.
  const total = reportTotal(sampleWeights(p, sampleIndex, mean));
  // pprof warns about a label key written in several units before it greets.
  const lines = [
    ...unitConflictWarnings(numLabelUnits(p)),
    ...profileLabels(p, {
      typeName: (mean ? 'mean_' : '') + type.type,
      total,
      sampleUnit: type.unit,
      formatValue: (v) => scaledLabel(v, type.unit, 'minimum'),
    }),
  ];
  if (total === 0 && p.sampleTypes.length > 1) {
    lines.push(
      'No samples were found with the default sample value type.',
      'Try "sample_index" command to analyze different sample values.',
    );
  }
  lines.push('Entering interactive mode (type "help" for commands, "o" for options)');
  return lines.join('\n') + '\n';
}
