import { malformed } from './errors.js';
import type { FunctionTable, LocationTable, Mapping, Profile, SampleTable, ValueType } from './model.js';
import { IdIndex, checkSamples, checkTables } from './model-checks.js';
import type { RawProfile } from './raw.js';

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

/**
 * Resolves a raw profile into the read-only model, or throws a `malformed profile` error: first
 * for a string index outside the string table (heapcli's words: pprof only says it cannot parse
 * the file), then for what pprof's own checks refuse, in their order and words (model-checks.ts).
 */
export function resolveProfile(raw: RawProfile): Profile {
  if (raw.strings[0] !== '') throw malformed('the first string of the string table must be empty');
  const s = new StringChecker(raw.strings);
  const valueType = ([t, u]: [number, number], where: string): ValueType => ({
    type: s.get(t, where),
    unit: s.get(u, where),
  });
  const sampleTypes = raw.sampleTypes.map((vt, i) => valueType(vt, `sample type ${i}`));
  const mappings = raw.mappings.map((m, i): Mapping => ({
    ...m,
    file: s.get(m.filename, `mapping ${i}`),
    buildId: s.get(m.buildId, `mapping ${i}`),
  }));
  const functions = resolveFunctions(raw, s);
  const header = {
    defaultSampleType: s.get(raw.defaultSampleType, 'default_sample_type'),
    periodType: valueType(raw.periodType ?? [0, 0], 'period type'),
    comments: raw.comments.map((c, i) => s.get(c, `comment ${i}`)),
    dropFrames: s.get(raw.dropFrames, 'drop_frames'),
    keepFrames: s.get(raw.keepFrames, 'keep_frames'),
  };
  const labels = checkLabelStrings(raw, s);
  const locationIndex = new IdIndex(raw.locId.view());
  const samples = resolveSamples(raw, sampleTypes.length, locationIndex, labels);
  const mappingIndex = new IdIndex(mappings.map((m) => m.id));
  const functionIndex = new IdIndex(functions.id);
  const fake = mappings.length === 0;
  if (fake) addFakeMapping(raw, mappings);
  const locations = resolveLocations(raw, fake ? new IdIndex([1]) : mappingIndex, functionIndex);
  checkTables(raw, mappingIndex, functionIndex, locationIndex, locations.firstWithoutFunction);
  return {
    strings: raw.strings,
    sampleTypes,
    ...header,
    period: raw.period,
    timeNanos: raw.timeNanos,
    durationNanos: raw.durationNanos,
    mappings,
    functions,
    locations: locations.table,
    samples,
  };
}

/**
 * A profile without mappings (Node's, for one) gets one empty mapping for all its locations, as
 * pprof gives it, so every location has a mapping downstream.
 */
function addFakeMapping(raw: RawProfile, mappings: Mapping[]): void {
  mappings.push({
    id: 1,
    start: 0,
    limit: 0,
    offset: 0,
    file: '',
    buildId: '',
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
  });
  // pprof gives it to every location, as none can name an existing mapping.
  for (let l = 0; l < raw.locId.length; l++) raw.locMappingId.addAt(l, 1 - raw.locMappingId.at(l));
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

/**
 * Locations with their mappings and functions as indices, and the first location with a line
 * naming no function (-1 if none), which checkTables refuses.
 */
function resolveLocations(
  raw: RawProfile,
  mappingIndex: IdIndex,
  functionIndex: IdIndex,
): { table: LocationTable; firstWithoutFunction: number } {
  const count = raw.locId.length;
  const mapping = new Int32Array(count);
  const lineStart = new Uint32Array(count + 1);
  const lineFunction = new Int32Array(raw.lineFunctionId.length);
  let firstWithoutFunction = -1;
  for (let l = 0; l < count; l++) {
    // A mapping id that names no mapping means none, as in pprof.
    mapping[l] = mappingIndex.get(raw.locMappingId.at(l));
    lineStart[l] = raw.locLineStart.at(l);
    const end = l + 1 < count ? raw.locLineStart.at(l + 1) : raw.lineFunctionId.length;
    for (let k = lineStart[l]; k < end; k++) {
      // Id 0 is no function; pprof refuses a line without one.
      const fn = raw.lineFunctionId.at(k);
      lineFunction[k] = fn === 0 ? -1 : functionIndex.get(fn);
      if (lineFunction[k] < 0 && firstWithoutFunction < 0) firstWithoutFunction = l;
    }
  }
  lineStart[count] = raw.lineFunctionId.length;
  const table: LocationTable = {
    count,
    id: raw.locId.finish(),
    mapping,
    address: raw.locAddress.finish(),
    isFolded: raw.locFolded.finish(),
    lineStart,
    lineFunction,
    lineNumber: raw.lineNumber.finish(),
  };
  return { table, firstWithoutFunction };
}

/** The samples' label columns, every string index checked. */
interface LabelStrings {
  readonly key: Uint32Array;
  readonly str: Uint32Array;
  readonly numUnit: Uint32Array;
}

function checkLabelStrings(raw: RawProfile, s: StringChecker): LabelStrings {
  const samples = raw.samples!;
  const checked = (col: Float64Array, field: string) => {
    const out = new Uint32Array(col.length);
    for (let i = 0; i < col.length; i++) out[i] = s.index(col[i], () => `a sample label (${field})`);
    return out;
  };
  return {
    key: checked(samples.labelKey, 'key'),
    str: checked(samples.labelStr, 'str'),
    numUnit: checked(samples.labelNumUnit, 'num_unit'),
  };
}

/**
 * Resolves the samples' location ids to indices, over the ids' own column (the largest of a
 * profile, which the raw profile no longer needs), after pprof's checks of the samples.
 */
function resolveSamples(raw: RawProfile, typeCount: number, locationIndex: IdIndex, labels: LabelStrings): SampleTable {
  const samples = raw.samples!;
  const { count, locStart, labelStart } = samples;
  const locs = samples.locIds;
  const wide = samples.wideLocIds;
  const dense = locationIndex.dense;
  let firstMissing = -1;
  // The common case, small ids all 32-bit, as one flat loop; a miss leaves its id unchanged.
  for (let i = 0; i < locs.length; i++) {
    const id = locs[i];
    const loc = dense !== null && id !== 0 && id < dense.length ? dense[id] : locationIndex.get(id !== 0 ? id : (wide.get(i) ?? 0));
    if (loc < 0) {
      firstMissing = i;
      break;
    }
    locs[i] = loc;
  }
  checkSamples(raw, typeCount, firstMissing);
  return {
    count,
    valuesPerSample: typeCount,
    values: samples.values,
    locStart,
    locs,
    labelStart,
    labelKey: labels.key,
    labelStr: labels.str,
    labelNum: samples.labelNum,
    labelNumUnit: labels.numUnit,
  };
}
