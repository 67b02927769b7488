import { Growable } from './growable.js';
import type { Mapping, Profile, SampleTable, ValueType } from './model.js';
import { StringTable } from './string-table.js';

/** Builds a Profile column by column, interning strings; used by merge (and tests). */
export class ProfileBuilder {
  private readonly stringTable = new StringTable();
  /** The string table; '' is string 0, as profile.proto requires. */
  readonly strings = this.stringTable.strings;
  readonly mappings: Mapping[] = [];
  private readonly fn = {
    id: new Growable(Float64Array),
    name: new Growable(Uint32Array),
    systemName: new Growable(Uint32Array),
    filename: new Growable(Uint32Array),
    startLine: new Growable(Float64Array),
  };
  private readonly loc = {
    id: new Growable(Float64Array),
    mapping: new Growable(Int32Array),
    address: new Growable(Float64Array),
    isFolded: new Growable(Uint8Array),
    lineStart: new Growable(Uint32Array),
  };
  private readonly line = { fn: new Growable(Int32Array), number: new Growable(Float64Array) };
  private readonly sample = {
    locStart: new Growable(Uint32Array, 1024),
    locs: new Growable(Uint32Array, 16384),
    labelStart: new Growable(Uint32Array, 1024),
  };
  private readonly label = {
    key: new Growable(Uint32Array),
    str: new Growable(Uint32Array),
    num: new Growable(Float64Array),
    unit: new Growable(Uint32Array),
  };

  constructor(private readonly valuesPerSample: number) {
    this.stringTable.intern('');
  }

  /** The string-table index of `s`, adding it when new. */
  intern(s: string): number {
    return this.stringTable.intern(s);
  }

  /** Adds a function; returns its index (its id is index + 1). */
  addFunction(name: string, systemName: string, filename: string, startLine: number): number {
    return this.addFunctionStrings(this.intern(name), this.intern(systemName), this.intern(filename), startLine);
  }

  /** Adds a function whose strings are interned already (their indices); returns its index. */
  addFunctionStrings(name: number, systemName: number, filename: number, startLine: number): number {
    const index = this.fn.id.length;
    this.fn.id.push(index + 1);
    this.fn.name.push(name);
    this.fn.systemName.push(systemName);
    this.fn.filename.push(filename);
    this.fn.startLine.push(startLine);
    return index;
  }

  /** Adds a location with its lines (function index, line number); returns its index (id = index + 1). */
  addLocation(mapping: number, address: number, isFolded: boolean, lines: readonly [number, number][]): number {
    return this.addLocationLines(
      mapping,
      address,
      isFolded,
      lines.map((l) => l[0]),
      lines.map((l) => l[1]),
      lines.length,
    );
  }

  /** Adds a location whose first `n` lines are given as columns (function indices, line numbers). */
  addLocationLines(
    mapping: number,
    address: number,
    isFolded: boolean,
    fns: ArrayLike<number>,
    numbers: ArrayLike<number>,
    n: number,
  ): number {
    const index = this.loc.id.length;
    this.loc.id.push(index + 1);
    this.loc.mapping.push(mapping);
    this.loc.address.push(address);
    this.loc.isFolded.push(isFolded ? 1 : 0);
    this.loc.lineStart.push(this.line.fn.length);
    for (let k = 0; k < n; k++) {
      this.line.fn.push(fns[k]);
      this.line.number.push(numbers[k]);
    }
    return index;
  }

  /**
   * Adds a sample's location indices (leaf first) and its labels, given flat as interned (key,
   * str, num, unit) quadruples; its values are given to `finish`.
   */
  addSample(locs: ArrayLike<number>, labels: ArrayLike<number> = []): number {
    const index = this.sample.locStart.length;
    this.sample.locStart.push(this.sample.locs.length);
    for (let i = 0; i < locs.length; i++) this.sample.locs.push(locs[i]);
    this.sample.labelStart.push(this.label.key.length);
    for (let i = 0; i < labels.length; i += 4) {
      this.label.key.push(labels[i]);
      this.label.str.push(labels[i + 1]);
      this.label.num.push(labels[i + 2]);
      this.label.unit.push(labels[i + 3]);
    }
    return index;
  }

  /** The finished profile; `values` holds `valuesPerSample` values for each sample added. */
  finish(header: ProfileHeader, values: Float64Array): Profile {
    const sampleCount = this.sample.locStart.length;
    return this.finishWith(header, {
      count: sampleCount,
      valuesPerSample: this.valuesPerSample,
      values,
      locStart: withEnd(this.sample.locStart, this.sample.locs.length),
      locs: this.sample.locs.finish(),
      labelStart: withEnd(this.sample.labelStart, this.label.key.length),
      labelKey: this.label.key.finish(),
      labelStr: this.label.str.finish(),
      labelNum: this.label.num.finish(),
      labelNumUnit: this.label.unit.finish(),
    });
  }

  /** The finished profile with samples built elsewhere (the merge's), over this builder's tables. */
  finishWith(header: ProfileHeader, samples: SampleTable): Profile {
    const fnCount = this.fn.id.length;
    const locCount = this.loc.id.length;
    return {
      ...header,
      strings: this.strings,
      mappings: this.mappings,
      functions: {
        count: fnCount,
        id: this.fn.id.finish(),
        name: this.fn.name.finish(),
        systemName: this.fn.systemName.finish(),
        filename: this.fn.filename.finish(),
        startLine: this.fn.startLine.finish(),
      },
      locations: {
        count: locCount,
        id: this.loc.id.finish(),
        mapping: this.loc.mapping.finish(),
        address: this.loc.address.finish(),
        isFolded: this.loc.isFolded.finish(),
        lineStart: withEnd(this.loc.lineStart, this.line.fn.length),
        lineFunction: this.line.fn.finish(),
        lineNumber: this.line.number.finish(),
      },
      samples,
    };
  }
}

/** The profile fields that are not tables. */
export type ProfileHeader = Pick<
  Profile,
  'sampleTypes' | 'defaultSampleType' | 'periodType' | 'period' | 'timeNanos' | 'durationNanos' | 'comments' | 'dropFrames' | 'keepFrames'
> & { sampleTypes: readonly ValueType[] };

function withEnd(starts: Growable<Uint32Array>, end: number): Uint32Array {
  const out = new Uint32Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) out[i] = starts.at(i);
  out[starts.length] = end;
  return out;
}
