import type { PreparedReport } from '../analysis.js';
import { formatFixed } from '../../go/numbers.js';
import { compareGoStrings, isNumericLabel, isStringLabel } from '../values/labels.js';
import { percentage, scaledLabel, scaleValue } from '../values/units.js';

/**
 * A report value as pprof's `traces` and header lines format it: divide_by applied (when it is a
 * positive ratio other than 1, as pprof does) and the unit option, which under `minimum` scales
 * each value on its own.
 */
export function reportValueFormatter(r: Pick<PreparedReport, 'options' | 'sampleUnit'>): (v: number) => string {
  const ratio = 1 / r.options.divide_by;
  return (v) => scaledLabel(ratio > 0 && ratio !== 1 ? Math.trunc(v * ratio) : v, r.sampleUnit, r.options.unit);
}

/** One value of a label key in the `tags` report. */
export interface TagRow {
  /** The summed sample value, `%.1f` plus unit. */
  readonly weightText: string;
  /** Share of the key's total, or null when that total is not positive. */
  readonly percent: string | null;
  /** The label value (numbers formatted in the key's unit). */
  readonly value: string;
}

/** One label key of the `tags` report. */
export interface TagSection {
  readonly key: string;
  readonly totalText: string;
  readonly rows: readonly TagRow[];
}

/**
 * The `tags` report: for each label key (sorted), the sum of the sample value over the samples
 * carrying each of its values (a sample counts once per value it has), heaviest first, then by
 * value. Numbers are formatted in the key's unit and the report's unit option; sums are raw sample
 * values (neither `mean` nor `divide_by` applies, as in pprof).
 */
export function tagReport(r: PreparedReport, units: ReadonlyMap<string, string>): TagSection[] {
  const { samples: ss, strings } = r.profile;
  const { weight, exclude } = r.weights;
  const unit = r.options.unit;
  const byKey = new Map<string, Map<string, number>>();
  const add = (key: string, value: string, w: number) => {
    let values = byKey.get(key);
    if (!values) byKey.set(key, (values = new Map()));
    values.set(value, (values.get(value) ?? 0) + w);
  };
  for (let s = 0; s < ss.count; s++) {
    if ((s & 4095) === 0) r.checkpoint();
    // pprof's reports never see a sample without frames: its name filter drops them.
    if (exclude?.[s] || ss.locStart[s] === ss.locStart[s + 1]) continue;
    for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
      const key = strings[ss.labelKey[i]];
      if (isStringLabel(ss, i)) add(key, strings[ss.labelStr[i]], weight[s]);
      else if (isNumericLabel(ss, i)) add(key, scaledLabel(ss.labelNum[i], units.get(key) ?? key, unit), weight[s]);
    }
  }
  const weightText = (v: number) => {
    const scaled = scaleValue(v, r.sampleUnit, unit);
    return formatFixed(scaled.value, 1) + scaled.unit;
  };
  return [...byKey.keys()].sort(compareGoStrings).map((key) => {
    const values = [...byKey.get(key)!];
    const total = values.reduce((sum, [, w]) => sum + w, 0);
    values.sort(([a, wa], [b, wb]) => Math.abs(wb) - Math.abs(wa) || compareGoStrings(a, b));
    return {
      key,
      totalText: weightText(total),
      rows: values.map(([value, w]) => ({ weightText: weightText(w), percent: total > 0 ? percentage(w, total) : null, value })),
    };
  });
}
