import type { PreparedReport } from '../analysis.js';
import { reportValueFormatter } from './label-reports.js';
import { isNumericLabel, isStringLabel } from '../values/labels.js';
import { scaledLabel } from '../values/units.js';

/** One label key of a sample with its values, formatted (numbers in the key's unit). */
export interface LabelLine {
  readonly key: string;
  readonly values: readonly string[];
}

/** One sample of the `traces` report. */
export interface Trace {
  /** String labels, then numeric labels (each group is sorted by the printer, as pprof sorts lines). */
  readonly stringLabels: readonly LabelLine[];
  readonly numericLabels: readonly LabelLine[];
  /** The sample's value, formatted (per value: `minimum` scales each one on its own). */
  readonly valueText: string;
  /** The sample's locations, leaf first: the printer shows each as its frames in `r.frames`. */
  readonly locations: Uint32Array;
}

const NONE: readonly LabelLine[] = [];

/**
 * The `traces` report, made as it is read: every sample left after the filters that still has a
 * frame, in profile order, with its labels, value (divided by its divisor under `mean`, as an
 * integer) and locations. Calls the report's checkpoint every 4,096 samples.
 */
export function* traceReport(r: PreparedReport, units: ReadonlyMap<string, string>): Generator<Trace, void, undefined> {
  const { samples: ss } = r.profile;
  const { weight, divisor, exclude } = r.weights;
  const format = remembered(reportValueFormatter(r));
  const labels = new SampleLabels(r, units);
  for (let s = 0; s < ss.count; s++) {
    if ((s & 4095) === 0) r.checkpoint();
    if (exclude?.[s]) continue;
    const locations = ss.locs.subarray(ss.locStart[s], ss.locStart[s + 1]);
    if (!hasFrames(locations, r.frames.frameStart)) continue;
    const d = divisor ? divisor[s] : 0;
    const v = d !== 0 ? Math.trunc(weight[s] / d) : weight[s];
    labels.read(s);
    yield { stringLabels: labels.strings, numericLabels: labels.numbers, valueText: format(v), locations };
  }
}

/** How many texts `remembered` keeps before it starts over, so memory stays bounded. */
const REMEMBERED = 4096;

/**
 * `format`, remembering its recent answers: a heap profile's values and `bytes` labels repeat a
 * few allocation sizes over and over, and formatting a number the Go way is not cheap.
 */
function remembered(format: (v: number) => string): (v: number) => string {
  const known = new Map<number, string>();
  return (v) => {
    let text = known.get(v);
    if (text === undefined) {
      if (known.size >= REMEMBERED) known.clear();
      known.set(v, (text = format(v)));
    }
    return text;
  };
}

/** True when one of the locations has a frame (pprof's reports never see a sample without one). */
function hasFrames(locations: Uint32Array, frameStart: Uint32Array): boolean {
  for (const l of locations) if (frameStart[l] < frameStart[l + 1]) return true;
  return false;
}

/** Reads a sample's labels grouped by key, in order of first appearance, values in order. */
class SampleLabels {
  strings = NONE;
  numbers = NONE;
  /** Per numeric label key, its values formatted in the key's unit. */
  private readonly formats = new Map<string, (v: number) => string>();

  constructor(
    private readonly r: PreparedReport,
    private readonly units: ReadonlyMap<string, string>,
  ) {}

  read(s: number): void {
    const ss = this.r.profile.samples;
    const from = ss.labelStart[s];
    const to = ss.labelStart[s + 1];
    this.strings = this.numbers = NONE;
    // Most samples carry one label or none (a Go heap profile: `bytes`): no maps for those.
    if (to - from === 1) {
      if (isStringLabel(ss, from)) this.strings = [this.line(from)];
      else if (isNumericLabel(ss, from)) this.numbers = [this.line(from)];
    } else if (to > from) {
      this.group(from, to);
    }
  }

  private group(from: number, to: number): void {
    const ss = this.r.profile.samples;
    const text = new Map<string, string[]>();
    const numbers = new Map<string, string[]>();
    for (let i = from; i < to; i++) {
      const byKey = isStringLabel(ss, i) ? text : isNumericLabel(ss, i) ? numbers : null;
      if (byKey === null) continue;
      const key = this.r.profile.strings[ss.labelKey[i]];
      const values = byKey.get(key);
      if (values) values.push(this.value(i));
      else byKey.set(key, [this.value(i)]);
    }
    const lines = (m: Map<string, string[]>) => (m.size === 0 ? NONE : [...m].map(([key, values]) => ({ key, values })));
    this.strings = lines(text);
    this.numbers = lines(numbers);
  }

  private line(i: number): LabelLine {
    return { key: this.r.profile.strings[this.r.profile.samples.labelKey[i]], values: [this.value(i)] };
  }

  /** Label `i`'s value: a string, or a number in its key's unit. */
  private value(i: number): string {
    const { samples: ss, strings } = this.r.profile;
    if (isStringLabel(ss, i)) return strings[ss.labelStr[i]];
    const key = strings[ss.labelKey[i]];
    let format = this.formats.get(key);
    if (format === undefined) {
      const unit = this.units.get(key) ?? key;
      this.formats.set(key, (format = remembered((v) => scaledLabel(v, unit, 'auto'))));
    }
    return format(ss.labelNum[i]);
  }
}
