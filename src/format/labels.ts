import { baseName } from '../go/paths.js';
import { percentage, scaleValue, scaledLabel } from '../analysis/values/units.js';
import type { Profile } from '../profile/model.js';
import { formatProfileTime } from '../go/time.js';

/** What the header lines need beyond the profile. */
export interface LabelContext {
  /** The sample type shown, e.g. `inuse_space` (or `mean_inuse_space`). */
  readonly typeName: string;
  readonly total: number;
  readonly sampleUnit: string;
  readonly formatValue: (v: number) => string;
}

/** pprof's profile header lines: File, Build ID, comments, Type, Time, Duration. */
export function profileLabels(p: Profile, c: LabelContext): string[] {
  const labels: string[] = [];
  const main = p.mappings[0];
  if (main?.file) labels.push(`File: ${baseName(main.file)}`);
  if (main?.buildId) labels.push(`Build ID: ${main.buildId}`);
  for (const comment of p.comments) if (!comment.startsWith('#')) labels.push(comment);
  if (c.typeName) labels.push(`Type: ${c.typeName}`);
  if (p.timeNanos !== 0n) labels.push(`Time: ${formatProfileTime(p.timeNanos)}`);
  if (p.durationNanos !== 0n) labels.push(durationLabel(p, c));
  return labels;
}

function durationLabel(p: Profile, c: LabelContext): string {
  const inNanos = scaleValue(c.total, c.sampleUnit, 'nanoseconds');
  const share = inNanos.unit === 'ns' && inNanos.value !== 0 ? `(${percentage(inNanos.value, Number(p.durationNanos))})` : '';
  // pprof scales the duration as it scales a time value (ns, us, ms, s or hrs, two decimals), not
  // as Go prints a time.Duration: `60.60s`, `420s`, `3hrs`.
  const duration = scaledLabel(Number(p.durationNanos), 'nanoseconds', 'auto');
  return `Duration: ${duration}, Total samples = ${c.formatValue(c.total)} ${share}`;
}
