/**
 * One decoder fuzz case: decode the bytes as `heapcli` loads a file (decode, then the load-time
 * merge), and say what is wrong with the outcome, if anything. A good outcome is a Profile whose
 * every index is in range and on which reports run, or a ProfileError with a one-line message
 * of its kind. Anything else (another exception, a bad profile, a case over the time limit) is
 * a problem.
 */
import { NO_GRAPHICS } from '../../src/commands/graphics.js';
import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { ReportError } from '../../src/go/errors.js';
import { DEFAULT_OPTIONS } from '../../src/analysis/options.js';
import { COMMANDS } from '../../src/commands/table.js';
import { commandOptions } from '../../src/commands/command-options.js';
import { NO_SOURCE_FILES } from '../../src/commands/source/port.js';
import { parseProfile } from '../../src/profile/decode.js';
import { ProfileError, type ProfileErrorKind } from '../../src/profile/errors.js';
import { mergeProfiles } from '../../src/profile/merge.js';
import type { Profile } from '../../src/profile/model.js';
import { CASE_TIME_LIMIT_MS } from './random.js';

/** What a case came to. */
export interface DecodeOutcome {
  readonly outcome: 'decoded' | ProfileErrorKind;
  readonly message: string;
  readonly ms: number;
  /** What is wrong, or null. */
  readonly problem: string | null;
}

/** The first line of a message of each kind. */
const MESSAGE_FORMS: Record<ProfileErrorKind, RegExp> = {
  malformed: /^malformed profile: \S/,
  parse: /^parsing profile: \S/,
  'not-a-profile': /^(not a pprof profile: \S|parsing profile: empty input file$)/,
  gzip: /^(truncated|corrupt) gzip data \(/,
  'too-large': /^(inflates to more than \d+ bytes|a text profile of \d+ bytes is more than)/,
  io: /^\S/,
  'no-samples': /^profile has no samples$/,
};

/**
 * Decodes `bytes`, checks the outcome, and times it. On a profile that decodes, `top` and one more
 * report (chosen by `pick`) are run too, on the profile unmerged (a sums-only report) and merged.
 */
export function runDecodeCase(bytes: Uint8Array, pick: number | null = 0): DecodeOutcome {
  const start = performance.now();
  let outcome: DecodeOutcome['outcome'];
  let message = '';
  let problem: string | null = null;
  try {
    const decoded = parseProfile(bytes);
    problem = profileProblem(decoded, 'decoded');
    // A one-shot report that only sums samples reads the profile unmerged (normalizeProfile).
    if (pick !== null) problem ??= reportProblem(decoded, ['top', SUMS_ONLY_NAMES[pick % SUMS_ONLY_NAMES.length]]);
    const merged = mergeProfiles([decoded]);
    problem ??= profileProblem(merged, 'merged');
    if (pick !== null) problem ??= reportProblem(merged, ['top', REPORT_NAMES[pick % REPORT_NAMES.length]]);
    outcome = 'decoded';
  } catch (err) {
    if (!(err instanceof ProfileError)) {
      outcome = 'not-a-profile';
      problem = `threw ${describeError(err)}`;
    } else {
      outcome = err.kind;
      message = err.message;
      if (!MESSAGE_FORMS[err.kind].test(err.message) || err.message.includes('\n'))
        problem = `unclear ${err.kind} message: ${JSON.stringify(err.message.slice(0, 300))}`;
    }
  }
  const ms = performance.now() - start;
  if (ms > CASE_TIME_LIMIT_MS) problem ??= `took ${ms.toFixed(0)} ms (limit ${CASE_TIME_LIMIT_MS} ms)`;
  return { outcome, message, ms, problem };
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return `a non-Error: ${String(err)}`;
  const frames = (err.stack ?? '').split('\n').slice(1, 6).join('\n');
  return `${err.name}: ${err.message.slice(0, 300)}\n${frames}`;
}

/** Checks that every index of the model is in range; returns the first violation, or null. */
export function profileProblem(p: Profile, stage: string): string | null {
  const bad = (what: string) => `${stage} profile: ${what}`;
  const strings = p.strings.length;
  if (strings === 0 || p.strings.some((s) => typeof s !== 'string')) return bad('string table is empty or has a non-string');
  if (p.sampleTypes.length === 0) return bad('no sample types');
  for (const vt of [...p.sampleTypes, p.periodType])
    if (typeof vt.type !== 'string' || typeof vt.unit !== 'string') return bad('a value type is not two strings');
  if (![p.defaultSampleType, p.dropFrames, p.keepFrames, ...p.comments].every((s) => typeof s === 'string'))
    return bad('a header string is not a string');
  if (!Number.isFinite(p.period) || typeof p.timeNanos !== 'bigint' || typeof p.durationNanos !== 'bigint') return bad('period or times');
  for (const m of p.mappings)
    if (![m.id, m.start, m.limit, m.offset].every(Number.isFinite)) return bad(`mapping ${m.id} has a non-finite number`);

  const f = p.functions;
  if ([f.id, f.name, f.systemName, f.filename, f.startLine].some((c) => c.length !== f.count))
    return bad('function columns differ in length');
  for (const col of [f.name, f.systemName, f.filename])
    for (let i = 0; i < f.count; i++) if (col[i] >= strings) return bad(`function ${i} names string ${col[i]} of ${strings}`);

  const l = p.locations;
  if ([l.id, l.mapping, l.address, l.isFolded].some((c) => c.length !== l.count) || l.lineStart.length !== l.count + 1)
    return bad('location columns differ in length');
  if (l.lineStart[0] !== 0 || l.lineStart[l.count] !== l.lineFunction.length || l.lineNumber.length !== l.lineFunction.length)
    return bad('location line starts do not cover the lines');
  for (let i = 0; i < l.count; i++) {
    if (l.lineStart[i] > l.lineStart[i + 1]) return bad(`location ${i}'s lines go backwards`);
    if (l.mapping[i] < -1 || l.mapping[i] >= p.mappings.length)
      return bad(`location ${i} has mapping index ${l.mapping[i]} of ${p.mappings.length}`);
    if (!Number.isFinite(l.address[i])) return bad(`location ${i} has a non-finite address`);
  }
  for (let k = 0; k < l.lineFunction.length; k++) {
    if (l.lineFunction[k] < -1 || l.lineFunction[k] >= f.count)
      return bad(`line ${k} has function index ${l.lineFunction[k]} of ${f.count}`);
  }

  const s = p.samples;
  if (s.valuesPerSample !== p.sampleTypes.length || s.values.length !== s.count * s.valuesPerSample)
    return bad('sample values do not match the sample types');
  if (s.locStart.length !== s.count + 1 || s.locStart[0] !== 0 || s.locStart[s.count] !== s.locs.length)
    return bad('sample location starts do not cover the locations');
  if (s.labelStart.length !== s.count + 1 || s.labelStart[0] !== 0 || s.labelStart[s.count] !== s.labelKey.length)
    return bad('sample label starts do not cover the labels');
  if ([s.labelStr, s.labelNum, s.labelNumUnit].some((c) => c.length !== s.labelKey.length)) return bad('label columns differ in length');
  for (let i = 0; i < s.count; i++) {
    if (s.locStart[i] > s.locStart[i + 1] || s.labelStart[i] > s.labelStart[i + 1]) return bad(`sample ${i}'s starts go backwards`);
  }
  for (let i = 0; i < s.values.length; i++) if (!Number.isFinite(s.values[i])) return bad(`sample value ${i} is ${s.values[i]}`);
  for (let i = 0; i < s.locs.length; i++) if (s.locs[i] >= l.count) return bad(`a sample names location index ${s.locs[i]} of ${l.count}`);
  for (const col of [s.labelKey, s.labelStr, s.labelNumUnit])
    for (let i = 0; i < col.length; i++) if (col[i] >= strings) return bad(`a label names string ${col[i]} of ${strings}`);
  for (let i = 0; i < s.labelNum.length; i++) if (!Number.isFinite(s.labelNum[i])) return bad(`label number ${i} is ${s.labelNum[i]}`);
  return null;
}

/** Reports a profile that decoded must be able to print, as the console runs them (with their argument). */
const REPORT_NAMES = ['traces', 'tags', 'raw', 'peek', 'tree', 'list'];
/** The reports a one-shot run gives the unmerged profile to (`sumsOnly` in the command table). */
const SUMS_ONLY_NAMES = [...COMMANDS.values()].filter((c) => c.sumsOnly).map((c) => c.name);
const ARGUMENTS: Record<string, string> = { peek: '.', list: '.' };

/**
 * Runs the reports on a decoded profile, calling the commands directly so that an exception
 * keeps its class: a ReportError is an answer (e.g. "no samples"), anything else is a bug.
 */
function reportProblem(p: Profile, names: readonly string[]): string | null {
  const analysis = new ProfileAnalysis(p);
  const options = { ...DEFAULT_OPTIONS, nodecount: 20 };
  for (const name of names) {
    const argument = ARGUMENTS[name] ?? null;
    try {
      const command = COMMANDS.get(name)!;
      const commandOpts = {
        ...commandOptions(command.rules, options, {}, false),
        sampleIndex: analysis.sampleIndexOf(options.sample_index),
      };
      command.run(
        { analysis, options: commandOpts, interactive: false, sources: NO_SOURCE_FILES, series: [], graphics: NO_GRAPHICS },
        { overrides: {}, argument, output: null },
      );
    } catch (err) {
      if (!(err instanceof ReportError)) return `report ${name} threw ${describeError(err)}`;
    }
  }
  return null;
}
