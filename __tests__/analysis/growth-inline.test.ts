/** growthReport keeps top's `(inline)` marks on its rows, computed as top computes them for the same options. */
import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { growthReport } from '../../src/analysis/growth/growth.js';
import { DEFAULT_OPTIONS, type ReportOptions } from '../../src/analysis/options.js';
import { formatGrowth } from '../../src/format/growth.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { mergeProfiles } from '../../src/profile/merge.js';
import type { Profile } from '../../src/profile/model.js';
import { type SampleSpec, decodeSpec } from '../helpers/profile-fixtures.js';

const T0 = 1_795_000_000_000_000_000n;
const SECOND = 1_000_000_000n;

/** A location where `callee` was inlined into `caller` (innermost line first, as profile.proto has it). */
const inlined = (callee: string, caller: string) => ({
  lines: [
    { fn: callee, line: 3 },
    { fn: caller, line: 9 },
  ],
});

/**
 * Snapshot k: main.grow is inlined into main.fill and grows 100 B a step; main.both is inlined into
 * main.fill but called for real from main.main; main.plain is never inlined. `groAlsoCalled` adds a
 * real call of main.grow from main.main.
 */
function snapshot(k: number, growAlsoCalled = false): Profile {
  const samples: SampleSpec[] = [
    { stack: [inlined('main.grow', 'main.fill'), 'main.main'], values: [1, 100 * (k + 1), 1, 100 * (k + 1)] },
    { stack: [inlined('main.both', 'main.fill'), 'main.main'], values: [1, 50, 1, 50] },
    { stack: ['main.both', 'main.main'], values: [1, 70, 1, 70] },
    { stack: ['main.plain', 'main.main'], values: [1, 10 * (k + 1), 1, 10 * (k + 1)] },
  ];
  if (growAlsoCalled) samples.push({ stack: ['main.grow', 'main.main'], values: [1, 5, 1, 5] });
  return mergeProfiles([decodeSpec({ samples, timeNanos: T0 + BigInt(k) * 10n * SECOND })]);
}

const options = (o: Partial<ReportOptions> = {}): ReportOptions => ({ ...DEFAULT_OPTIONS, ...o });
const marks = (series: Profile[], o: Partial<ReportOptions> = {}) =>
  Object.fromEntries(growthReport(series, options(o)).rows.map((row) => [row.name, row.inline]));
/** What top prints after each name when it shows every node. */
const topMarks = (p: Profile, o: Partial<ReportOptions> = {}) =>
  Object.fromEntries(
    new ProfileAnalysis(p).top(options({ nodecount: 0, nodefraction: 0, ...o }), 0).report.rows.map((row) => [row.name, row.inline]),
  );

describe('the (inline) marks of growth rows', () => {
  const series = [0, 1, 2, 3].map((k) => snapshot(k));

  it("are top's: (inline), (partial-inline) or none", () => {
    // Ranked by cum, every node is a row (callers have no flat of their own).
    const got = marks(series, { sort: 'cum' });
    expect(got).toEqual({ 'main.grow': '(inline)', 'main.both': '(partial-inline)', 'main.plain': '', 'main.fill': '', 'main.main': '' });
    expect(got).toEqual(topMarks(series[3]));
  });

  it('are printed after the name, as top prints them', () => {
    const lines = formatGrowth(growthReport(series, options()), true).split('\n');
    expect(lines.find((l) => l.includes('main.grow'))).toMatch(/ leak\? +main\.grow \(inline\)$/);
    expect(lines.find((l) => l.includes('main.plain'))).toMatch(/ main\.plain$/);
  });

  it('follow the options: none under noinlines, per line under granularity=lines', () => {
    expect(Object.values(marks(series, { noinlines: true })).every((m) => m === '')).toBe(true);
    const lines = marks(series, { granularity: 'lines', sort: 'cum' });
    expect(lines['main.grow main.go:3']).toBe('(inline)');
    expect(lines).toEqual(topMarks(series[3], { granularity: 'lines' }));
  });

  it('drop edges under edgefraction as top does, and keep them all with -trim=false', () => {
    // main.both's inlined edge carries 50 B of 230 B to 560 B: under an edgefraction of 25% it
    // counts in no snapshot (nor does its real call, 70 B, in the last).
    expect(marks(series, { edgefraction: 0.25 })['main.both']).toBe('');
    expect(topMarks(series[3], { edgefraction: 0.25 })['main.both']).toBe('');
    expect(marks(series, { edgefraction: 0.25, trim: false })['main.both']).toBe('(partial-inline)');
  });

  it('join what every snapshot saw: a real call in one snapshot makes an inlined function partial', () => {
    const mixed = [snapshot(0), snapshot(1), snapshot(2, true), snapshot(3)];
    expect(marks(mixed)['main.grow']).toBe('(partial-inline)');
  });

  it('match top on the leakybuf profiles, whichever rows top would have cut', () => {
    const pair = ['testdata/profiles/leakybuf.base.pb.gz', 'testdata/profiles/leakybuf.heap.pb.gz'].map((f) => loadProfileFile(f));
    const got = marks(pair, { nodecount: 0 });
    expect([got['main.growBuf'], got['main.indexRows'], got['main.record'], got['main.GetLargeData']]).toEqual([
      '(inline)',
      '(inline)',
      '(inline)',
      '',
    ]);
    const top = topMarks(pair[1]);
    for (const [name, mark] of Object.entries(got)) if (name in top) expect([name, mark]).toEqual([name, top[name]]);
  });
});
