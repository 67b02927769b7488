import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { buildFrameTable } from '../../src/analysis/graph/frames.js';
import { EDGES_INTO, EDGES_OUT_OF, collectEdges } from '../../src/analysis/graph/graph.js';
import { DEFAULT_OPTIONS } from '../../src/analysis/options.js';
import { ProfileBuilder } from '../../src/profile/builder.js';
import type { Profile } from '../../src/profile/model.js';
import { headerOf, profileOf } from '../helpers/stack-profile.js';

function rows(p: Profile, options = {}) {
  const { report } = new ProfileAnalysis(p).top({ ...DEFAULT_OPTIONS, nodefraction: 0, ...options }, 0);
  return report.rows.map((r) => [r.name, r.flat, r.cum, r.inline]);
}

describe('the call graph behind top', () => {
  it('gives flat to the leaf and cum to every frame', () => {
    expect(
      rows(
        profileOf([
          ['main>a>b', 100],
          ['main>a', 10],
          ['main>c', 1],
        ]),
      ),
    ).toEqual([
      ['b', 100, 100, ''],
      ['a', 10, 110, ''],
      ['c', 1, 1, ''],
      ['main', 0, 111, ''],
    ]);
  });

  it('counts a recursive function once per sample', () => {
    expect(
      rows(
        profileOf([
          ['main>f>f>f>g', 8],
          ['main>f>f', 2],
        ]),
      ),
    ).toEqual([
      ['g', 8, 8, ''],
      ['f', 2, 10, ''],
      ['main', 0, 10, ''],
    ]);
  });

  it('labels nodes reached only through inlined calls, and partially inlined ones', () => {
    expect(
      rows(
        profileOf([
          ['main+grow', 5],
          ['main>work+helper', 3],
          ['main>helper', 1],
        ]),
      ),
    ).toEqual([
      ['grow', 5, 5, '(inline)'],
      ['helper', 4, 4, '(partial-inline)'],
      ['main', 0, 9, ''],
      ['work', 0, 3, ''],
    ]);
  });

  it('sorts ties by name, and by cum with -cum', () => {
    const p = profileOf([
      ['main>b', 5],
      ['main>a', 5],
      ['main>z>y', 1],
    ]);
    expect(rows(p).map((r) => r[0])).toEqual(['a', 'b', 'y', 'main', 'z']);
    expect(rows(p, { sort: 'cum' }).map((r) => r[0])).toEqual(['main', 'a', 'b', 'y', 'z']);
  });

  it('drops nodes under nodefraction and loses the flat of a dropped leaf', () => {
    const p = profileOf([
      ['main>big', 990],
      ['main>tiny', 10],
    ]);
    const { report } = new ProfileAnalysis(p).top({ ...DEFAULT_OPTIONS, nodefraction: 0.05 }, 0);
    expect(report.rows.map((r) => [r.name, r.flat, r.cum])).toEqual([
      ['big', 990, 990],
      ['main', 0, 1000],
    ]);
    expect(report.dropped).toEqual({ count: 1, cutoffText: '50B' });
    expect([report.shownText, report.totalText]).toEqual(['990B', '1000B']);
  });

  it('keeps the top N by the sort order and reports how many there were', () => {
    const { report } = new ProfileAnalysis(
      profileOf([
        ['main>a', 3],
        ['main>b', 2],
        ['main>c', 1],
      ]),
    ).top({ ...DEFAULT_OPTIONS, nodefraction: 0 }, 2);
    expect(report.rows.map((r) => r.name)).toEqual(['a', 'b']);
    expect(report.showingTop).toEqual({ shown: 2, of: 4 });
  });

  it('divides by the first sample value under mean, with integer division', () => {
    const b = new ProfileBuilder(2);
    const f = b.addFunction('alloc', 'alloc', '', 0);
    b.addSample([b.addLocation(-1, 0, false, [[f, 1]])]);
    b.addSample([b.addLocation(-1, 0, false, [[f, 2]])]);
    const header = headerOf(
      [
        { type: 'alloc_objects', unit: 'count' },
        { type: 'alloc_space', unit: 'bytes' },
      ],
      { periodType: { type: '', unit: '' } },
    );
    const p = b.finish(header, Float64Array.from([3, 100, 4, 10]));
    const result = new ProfileAnalysis(p).top({ ...DEFAULT_OPTIONS, mean: true, sample_index: 'alloc_space' }, 0);
    expect([result.typeName, result.total, result.report.rows[0].flat]).toEqual(['mean_alloc_space', 15, 15]);
  });

  it('collects the edges a scope asks for: into a node, out of it, or both', () => {
    const p = profileOf([
      ['main>a>b>c', 4],
      ['main>b', 1],
    ]);
    const frames = buildFrameTable(p, 'functions', false);
    const weights = { weight: Float64Array.from([4, 1]), divisor: null, exclude: null };
    const edgesWith = (bits: number) => {
      const scope = new Uint8Array(frames.nodes.length);
      scope[frames.names.indexOf('b')] = bits;
      const found: string[] = [];
      collectEdges(p, frames, weights, null, scope).forEach((caller, callee, weight) =>
        found.push(`${frames.names[caller]}>${frames.names[callee]} ${weight}`),
      );
      return found.sort();
    };
    expect(edgesWith(EDGES_INTO)).toEqual(['a>b 4', 'main>b 1']);
    expect(edgesWith(EDGES_OUT_OF)).toEqual(['b>c 4']);
    expect(edgesWith(EDGES_INTO | EDGES_OUT_OF)).toEqual(['a>b 4', 'b>c 4', 'main>b 1']);
  });
});
