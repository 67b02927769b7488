import { ProfileError } from './errors.js';
import { mergeProfiles } from './merge.js';
import type { Profile } from './model.js';

/** The label pprof puts on every sample of a `-diff_base` profile. */
export const DIFF_BASE_LABEL = 'pprof::base';

/** Go's math.Round: halves away from zero. */
const goRound = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/** `p` with each sample type's values multiplied by its ratio (rounded as Go rounds). */
export function scaleValues(p: Profile, ratios: readonly number[]): Profile {
  if (ratios.every((r) => r === 1)) return p;
  const { values, valuesPerSample: n } = p.samples;
  const scaled = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const r = ratios[i % n];
    scaled[i] = r === 1 ? values[i] : goRound(values[i] * r) + 0;
  }
  return { ...p, samples: { ...p.samples, values: scaled } };
}

/** `p` with label key=value on every sample, replacing any label of that key. */
export function setLabel(p: Profile, key: string, value: string): Profile {
  const strings = [...p.strings];
  const index = (s: string) => {
    const found = strings.indexOf(s);
    return found >= 0 ? found : strings.push(s) - 1;
  };
  const k = index(key);
  const v = index(value);
  const ss = p.samples;
  const labelStart = new Uint32Array(ss.count + 1);
  const cols = { key: [] as number[], str: [] as number[], num: [] as number[], unit: [] as number[] };
  for (let s = 0; s < ss.count; s++) {
    labelStart[s] = cols.key.length;
    for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
      if (ss.labelKey[i] === k) continue;
      cols.key.push(ss.labelKey[i]);
      cols.str.push(ss.labelStr[i]);
      cols.num.push(ss.labelNum[i]);
      cols.unit.push(ss.labelNumUnit[i]);
    }
    cols.key.push(k);
    cols.str.push(v);
    cols.num.push(0);
    cols.unit.push(0);
  }
  labelStart[ss.count] = cols.key.length;
  return {
    ...p,
    strings,
    samples: {
      ...ss,
      labelStart,
      labelKey: Uint32Array.from(cols.key),
      labelStr: Uint32Array.from(cols.str),
      labelNum: Float64Array.from(cols.num),
      labelNumUnit: Uint32Array.from(cols.unit),
    },
  };
}

function typeTotals(p: Profile): number[] {
  const { values, valuesPerSample: n } = p.samples;
  const totals = new Array<number>(n).fill(0);
  for (let i = 0; i < values.length; i++) totals[i % n] += values[i];
  return totals;
}

/** How the profiles on a command line are combined. */
export interface ComposeOptions {
  /** `-diff_base` rather than `-base`: base samples keep a label, and the % denominator is theirs. */
  readonly diff: boolean;
  /** Scale the source so each sample type totals what the base does. */
  readonly normalize: boolean;
}

/**
 * What pprof loads from a command line: the sources merged, and with bases, the bases merged,
 * (with -diff_base) labelled, then negated and merged in, so that what did not change cancels.
 */
export function composeProfiles(sources: readonly Profile[], bases: readonly Profile[], o: ComposeOptions): Profile {
  let p = sources.length === 1 ? sources[0] : mergeProfiles(sources);
  if (bases.length === 0) {
    if (o.normalize) throw new ProfileError('malformed', 'must have base profile to normalize by');
    return p;
  }
  let base = mergeProfiles(bases);
  if (o.diff) base = setLabel(base, DIFF_BASE_LABEL, 'true');
  if (o.normalize) {
    const [want, have] = [typeTotals(base), typeTotals(p)];
    p = scaleValues(
      p,
      want.map((w, i) => (have[i] === 0 ? 0 : w / have[i])),
    );
  }
  base = scaleValues(
    base,
    base.sampleTypes.map(() => -1),
  );
  return mergeProfiles([p, base]);
}
