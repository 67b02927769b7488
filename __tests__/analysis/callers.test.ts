import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { callContexts } from '../../src/analysis/graph/callers.js';
import { DEFAULT_OPTIONS, type ReportOptions } from '../../src/analysis/options.js';
import { treeReport } from '../../src/analysis/reports/tree-report.js';
import { trimmedGraph } from '../../src/analysis/graph/trim.js';
import { formatPeek } from '../../src/format/peek.js';
import type { Profile } from '../../src/profile/model.js';
import { profileOf } from '../helpers/stack-profile.js';

const options = (o: Partial<ReportOptions> = {}): ReportOptions => ({ ...DEFAULT_OPTIONS, compact_labels: true, ...o });

/** Each node's callers and callees as `name weight [inline] [residual]`, for the nodes the trimming keeps. */
function contexts(p: Profile, o: Partial<ReportOptions> = {}) {
  const r = new ProfileAnalysis(p).prepare(options(o));
  const t = trimmedGraph(r.profile, r.frames, r.weights, {
    nodeFraction: r.options.nodefraction,
    edgeFraction: r.options.edgefraction,
    nodeCount: r.options.nodecount,
    sortByCum: r.options.sort === 'cum',
    dropNegative: false,
  });
  const contextOf = callContexts(t.graph, r.frames.names, t.edgeCutoff);
  const show = (e: { node: number; weight: number; inline: boolean; residual: boolean }) =>
    [r.frames.names[e.node], e.weight, ...(e.inline ? ['inline'] : []), ...(e.residual ? ['residual'] : [])].join(' ');
  return Object.fromEntries(
    t.shown.map((n) => [r.frames.names[n], { callers: contextOf(n).callers.map(show), callees: contextOf(n).callees.map(show) }]),
  );
}

describe('callers and callees of each node', () => {
  it('sums each edge over the samples through it, heaviest first, then by name', () => {
    const c = contexts(
      profileOf([
        ['main>a>c', 5],
        ['main>b>c', 5],
        ['main>a', 1],
        ['main>d>c', 7],
      ]),
      { nodefraction: 0, edgefraction: 0 },
    );
    expect(c.c).toEqual({ callers: ['d 7', 'a 5', 'b 5'], callees: [] });
    expect(c.main).toEqual({ callers: [], callees: ['d 7', 'a 6', 'b 5'] });
    expect(c.a).toEqual({ callers: ['main 6'], callees: ['c 5'] });
  });

  it('counts an edge once per sample and leaves out recursive self-calls', () => {
    const c = contexts(
      profileOf([
        ['main>f>f>g>f>g', 8],
        ['main>f', 2],
      ]),
      { nodefraction: 0, edgefraction: 0 },
    );
    expect(c.f).toEqual({ callers: ['main 10', 'g 8'], callees: ['g 8'] });
    expect(c.g).toEqual({ callers: ['f 8'], callees: ['f 8'] });
  });

  it('marks an edge inline only when every sample through it entered the callee inlined', () => {
    const c = contexts(
      profileOf([
        ['main+grow', 5],
        ['main>work+helper', 3],
        ['main>helper', 1],
        ['work>helper', 2],
      ]),
      { nodefraction: 0, edgefraction: 0 },
    );
    expect(c.grow.callers).toEqual(['main 5 inline']);
    expect(c.helper.callers).toEqual(['work 5', 'main 1']);
  });

  it('drops edges under the edge cutoff, keeping both their nodes', () => {
    const c = contexts(
      profileOf([
        ['main>big', 990],
        ['main>tiny', 10],
      ]),
      { nodefraction: 0, edgefraction: 0.05 },
    );
    expect(c.main.callees).toEqual(['big 990']);
    expect(c.tiny).toEqual({ callers: [], callees: [] });
  });

  it('joins the nodes around trimmed ones with residual edges', () => {
    const c = contexts(
      profileOf([
        ['main>mid>leaf', 100],
        ['main>other', 1],
      ]),
      { nodefraction: 0, edgefraction: 0, nodecount: 2, sort: 'cum' },
    );
    expect(Object.keys(c)).toEqual(['main', 'leaf']);
    expect(c.main.callees).toEqual(['leaf 100 residual']);
  });
});

describe('the peek/tree report', () => {
  const p = profileOf([
    ['main>GetData+grow', 600],
    ['main>GetData', 300],
    ['main>fmt', 100],
  ]);
  const report = (o: Partial<ReportOptions>, symbol: RegExp | null) => {
    const r = new ProfileAnalysis(p).prepare(options(o));
    return treeReport({ ...r, defaultNodeCount: 80 }, symbol);
  };

  it('prints only the matching nodes, with sum% over them and the header over the whole graph', () => {
    const r = report({ trim: false }, /Data|fmt/);
    expect(r.entries.map((e) => [e.name, e.flatText, e.sumPercent.trim(), e.cumText])).toEqual([
      ['GetData', '300B', '30.00%', '900B'],
      ['fmt', '100B', '40.00%', '100B'],
    ]);
    expect([r.shownText, r.totalText, r.graphNodes]).toEqual(['1000B', '1000B', 4]);
    expect(r.entries[0].callers.map((l) => [l.name, l.weightText, l.percent])).toEqual([['main', '900B', '  100%']]);
    expect(r.entries[0].callees.map((l) => [l.name, l.weightText, l.percent.trim(), l.inline])).toEqual([['grow', '600B', '66.67%', true]]);
  });

  it('keeps tree to nodecount nodes and says how many there were', () => {
    const r = report({ nodecount: 2 }, null);
    expect(r.entries.map((e) => e.name)).toEqual(['grow', 'GetData']);
    expect(r.showingTop).toEqual({ shown: 2, of: 4 });
  });

  it('lays the report out as pprof does', () => {
    expect(formatPeek(report({ trim: false }, /^GetData$/), [])).toBe(
      [
        'Showing nodes accounting for 1000B, 100% of 1000B total',
        '----------------------------------------------------------+-------------',
        '      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ',
        '----------------------------------------------------------+-------------',
        '                                              900B   100% |   main',
        '      300B 30.00% 30.00%       900B 90.00%                | GetData',
        '                                              600B 66.67% |   grow (inline)',
        '----------------------------------------------------------+-------------',
        '',
      ].join('\n'),
    );
  });

  it('has no entries when nothing matches, and no closing separator when the graph is empty', () => {
    expect(report({ trim: false }, /nomatch/).entries).toEqual([]);
    const empty = report({ focus: 'nomatch' }, null);
    expect([empty.graphNodes, formatPeek(empty, []).endsWith('context \t \t \n')]).toEqual([0, true]);
  });
});
