import type { Profile } from '../../profile/model.js';
import { ReportError } from '../../go/errors.js';
import type { SampleWeights } from '../graph/graph.js';

/**
 * The sample index a `sample_index` setting selects: '' means default_sample_type, else the last
 * type; a number is a 0-based index; a name may drop `inuse_` for legacy `space`/`objects` types.
 */
export function resolveSampleIndex(p: Profile, spec: string): number {
  const names = p.sampleTypes.map((t) => t.type);
  if (spec === '') {
    const byDefault = names.indexOf(p.defaultSampleType);
    return p.defaultSampleType !== '' && byDefault >= 0 ? byDefault : names.length - 1;
  }
  if (/^[+-]?\d+$/.test(spec)) {
    const index = Number(spec);
    if (index < 0 || index >= names.length) {
      throw new ReportError(`sample_index ${index} is outside the range [0..${names.length - 1}]`);
    }
    return index;
  }
  const found = names.indexOf(spec);
  if (found >= 0) return found;
  const legacy = spec.startsWith('inuse_') ? names.indexOf(spec.slice('inuse_'.length)) : -1;
  if (legacy >= 0) return legacy;
  throw new ReportError(`sample_index "${spec}" must be one of: [${names.join(' ')}]`);
}

/** The weights of every sample for `index`, with sample value 0 as the divisor under `mean`. */
export function sampleWeights(p: Profile, index: number, mean: boolean): SampleWeights {
  const { count, valuesPerSample, values } = p.samples;
  const weight = new Float64Array(count);
  const divisor = mean ? new Float64Array(count) : null;
  for (let s = 0; s < count; s++) {
    weight[s] = values[s * valuesPerSample + index];
    if (divisor) divisor[s] = values[s * valuesPerSample];
  }
  return { weight, divisor, exclude: null };
}

/**
 * The report total: Σ|value| over the included samples, divided by Σdivisor under `mean` (signed,
 * as pprof sums it: a subtracted base's counts are negative, and so can the total be). With
 * `-diff_base`, only the base's samples (`baseSamples`) count, when they add up to anything.
 */
export function reportTotal(w: SampleWeights, baseSamples: Uint8Array | null = null): number {
  let total = 0;
  let div = 0;
  let baseTotal = 0;
  let baseDiv = 0;
  for (let s = 0; s < w.weight.length; s++) {
    if (w.exclude && w.exclude[s]) continue;
    const v = Math.abs(w.weight[s]);
    const d = w.divisor ? w.divisor[s] : 0;
    total += v;
    div += d;
    if (baseSamples?.[s]) {
      baseTotal += v;
      baseDiv += d;
    }
  }
  if (baseTotal > 0) [total, div] = [baseTotal, baseDiv];
  return div !== 0 ? Math.trunc(total / div) : total;
}

/** The samples labelled `key=value` (the `-diff_base` samples), or null when there are none. */
export function samplesLabelled(p: Profile, key: string, value: string): Uint8Array | null {
  const { samples: ss, strings } = p;
  const k = strings.indexOf(key);
  const v = strings.indexOf(value);
  if (k < 0 || v < 0) return null;
  const mask = new Uint8Array(ss.count);
  let any = false;
  for (let s = 0; s < ss.count; s++) {
    for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
      if (ss.labelKey[i] === k && ss.labelStr[i] === v) mask[s] = 1;
    }
    any ||= mask[s] === 1;
  }
  return any ? mask : null;
}
