import { malformed } from './errors.js';
import type { FunctionTable, LocationTable, Mapping, Profile, SampleTable, ValueType } from './model.js';
import type { RawProfile } from './raw.js';

/** Maps wire ids to dense indices: a typed array when the ids are small, else a Map. */
class IdIndex {
  /** Index by id when the ids are small (dense[id], -1 for none), else null and `sparse` is used. */
  readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;

  constructor(ids: ArrayLike<number>, what: string, idText: (id: number) => string) {
    let max = 0;
    let negative = false;
    for (let i = 0; i < ids.length; i++) {
      max = Math.max(max, ids[i]);
      negative ||= ids[i] < 0;
    }
    // Ids past 2^53 arrive as negative stand-ins (see RawProfile.idText): those go in the Map.
    const useDense = !negative && max <= ids.length * 4 + 1024;
    this.dense = useDense ? new Int32Array(max + 1).fill(-1) : null;
    this.sparse = useDense ? null : new Map();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === 0) throw malformed(`${what} ${i} has the reserved id 0`);
      if (this.get(id) !== -1) throw malformed(`two ${what}s have the id ${idText(id)}`);
      if (this.dense) this.dense[id] = i;
      else this.sparse!.set(id, i);
    }
  }

  /** The dense index of `id`, or -1. */
  get(id: number): number {
    if (this.dense) return id >= 0 && id < this.dense.length ? this.dense[id] : -1;
    return this.sparse!.get(id) ?? -1;
  }
}

/** Checks string-table indices as they are resolved. */
class StringChecker {
  constructor(readonly strings: readonly string[]) {}

  /**
   * Returns `index` when it names a string, else throws naming `where`. In loops `where` is a
   * function, so no message is built unless one is needed.
   */
  index(index: number, where: string | (() => string)): number {
    if (Number.isInteger(index) && index >= 0 && index < this.strings.length) return index;
    const owner = typeof where === 'string' ? where : where();
    throw malformed(`${owner} has string index ${index}, outside the string table (${this.strings.length} entries)`);
  }

  /** The string at `index`, checked. */
  get(index: number, where: string): string {
    return this.strings[this.index(index, where)];
  }
}

/** Resolves a raw profile into the read-only model, or throws a `malformed profile` error. */
export function resolveProfile(raw: RawProfile): Profile {
  if (raw.strings[0] !== '') throw malformed('the first string of the string table must be empty');
  const s = new StringChecker(raw.strings);
  const valueType = ([t, u]: [number, number], where: string): ValueType => ({
    type: s.get(t, where),
    unit: s.get(u, where),
  });
  const sampleTypes = raw.sampleTypes.map((vt, i) => valueType(vt, `sample type ${i}`));
  if (sampleTypes.length === 0) throw malformed('no sample types');
  const mappings = raw.mappings.map((m, i): Mapping => ({
    ...m,
    file: s.get(m.filename, `mapping ${i}`),
    buildId: s.get(m.buildId, `mapping ${i}`),
  }));
  if (mappings.length === 0 && raw.locId.length > 0) addFakeMapping(raw, mappings);
  const functions = resolveFunctions(raw, s);
  const locations = resolveLocations(raw, mappings, functions);
  return {
    strings: raw.strings,
    sampleTypes,
    defaultSampleType: s.get(raw.defaultSampleType, 'default_sample_type'),
    periodType: valueType(raw.periodType ?? [0, 0], 'period type'),
    period: raw.period,
    timeNanos: raw.timeNanos,
    durationNanos: raw.durationNanos,
    comments: raw.comments.map((c, i) => s.get(c, `comment ${i}`)),
    dropFrames: s.get(raw.dropFrames, 'drop_frames'),
    keepFrames: s.get(raw.keepFrames, 'keep_frames'),
    mappings,
    functions,
    locations,
    samples: resolveSamples(raw, sampleTypes.length, locations, s),
  };
}

/**
 * A profile without mappings (Node's, for one) gets one empty mapping for all its locations, as
 * pprof gives it, so every location has a mapping downstream.
 */
function addFakeMapping(raw: RawProfile, mappings: Mapping[]): void {
  mappings.push({
    id: 1, start: 0, limit: 0, offset: 0, file: '', buildId: '',
    hasFunctions: false, hasFilenames: false, hasLineNumbers: false, hasInlineFrames: false,
  });
  for (let l = 0; l < raw.locId.length; l++) if (raw.locMappingId.at(l) === 0) raw.locMappingId.addAt(l, 1);
}

function resolveFunctions(raw: RawProfile, s: StringChecker): FunctionTable {
  const count = raw.fnId.length;
  const columns = [raw.fnName, raw.fnSystemName, raw.fnFilename].map((col, c) => {
    const out = new Uint32Array(count);
    const field = ['name', 'system name', 'file name'][c];
    for (let i = 0; i < count; i++) out[i] = s.index(col.at(i), () => `function ${raw.idText(raw.fnId.at(i))} (${field})`);
    return out;
  });
  return {
    count,
    id: raw.fnId.finish(),
    name: columns[0],
    systemName: columns[1],
    filename: columns[2],
    startLine: raw.fnStartLine.finish(),
  };
}

function resolveLocations(raw: RawProfile, mappings: readonly Mapping[], functions: FunctionTable): LocationTable {
  const count = raw.locId.length;
  const id = raw.locId.finish();
  const show = (id: number) => raw.idText(id);
  const mappingIndex = new IdIndex(mappings.map((m) => m.id), 'mapping', show);
  const functionIndex = new IdIndex(functions.id, 'function', show);
  const mapping = new Int32Array(count);
  const lineStart = new Uint32Array(count + 1);
  const lineFunction = new Int32Array(raw.lineFunctionId.length);
  for (let l = 0; l < count; l++) {
    mapping[l] = resolveOptional(raw.locMappingId.at(l), mappingIndex, id[l], 'mapping', show);
    lineStart[l] = raw.locLineStart.at(l);
    const end = l + 1 < count ? raw.locLineStart.at(l + 1) : raw.lineFunctionId.length;
    for (let k = lineStart[l]; k < end; k++) {
      lineFunction[k] = resolveOptional(raw.lineFunctionId.at(k), functionIndex, id[l], 'function', show);
    }
  }
  lineStart[count] = raw.lineFunctionId.length;
  return {
    count,
    id,
    mapping,
    address: raw.locAddress.finish(),
    isFolded: raw.locFolded.finish(),
    lineStart,
    lineFunction,
    lineNumber: raw.lineNumber.finish(),
  };
}

/** Id 0 means "none" (-1); any other id must exist. */
function resolveOptional(id: number, index: IdIndex, locationId: number, what: string, show: (id: number) => string): number {
  if (id === 0) return -1;
  const found = index.get(id);
  if (found === -1) throw malformed(`location ${show(locationId)} refers to ${what} id ${show(id)}, which does not exist`);
  return found;
}

/**
 * Resolves the samples' location ids to indices, over the ids' own column (the largest of a
 * profile, which the raw profile no longer needs), and checks values and label strings.
 */
function resolveSamples(raw: RawProfile, typeCount: number, locations: LocationTable, s: StringChecker): SampleTable {
  const samples = raw.samples!;
  const { count, locStart, labelStart, valueStart } = samples;
  for (let i = 0; i < count; i++) {
    const valueCount = valueStart[i + 1] - valueStart[i];
    if (valueCount !== typeCount) throw malformed(`sample ${i} has ${valueCount} values but there are ${typeCount} sample types`);
  }
  const locationIndex = new IdIndex(locations.id, 'location', (id) => raw.idText(id));
  const locs = samples.locIds;
  const wide = samples.wideLocIds;
  const missing = (i: number, id: number) => {
    let sample = 0;
    while (locStart[sample + 1] <= i) sample++;
    return malformed(`sample ${sample} refers to location id ${raw.idText(id)}, which does not exist`);
  };
  const dense = locationIndex.dense;
  // The common case, small ids all 32-bit, as one flat loop; a miss leaves its id unchanged.
  for (let i = 0; i < locs.length; i++) {
    const id = locs[i];
    const loc = dense !== null && id !== 0 && id < dense.length ? dense[id] : locationIndex.get(id !== 0 ? id : wide.get(i) ?? 0);
    if (loc < 0) throw missing(i, id !== 0 ? id : wide.get(i) ?? 0);
    locs[i] = loc;
  }
  const checked = (col: Float64Array, field: string) => {
    const out = new Uint32Array(col.length);
    for (let i = 0; i < col.length; i++) out[i] = s.index(col[i], () => `a sample label (${field})`);
    return out;
  };
  return {
    count,
    valuesPerSample: typeCount,
    values: samples.values,
    locStart,
    locs,
    labelStart,
    labelKey: checked(samples.labelKey, 'key'),
    labelStr: checked(samples.labelStr, 'str'),
    labelNum: samples.labelNum,
    labelNumUnit: checked(samples.labelNumUnit, 'num_unit'),
  };
}
