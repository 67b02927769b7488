/**
 * `list` prepares frames only for the functions its regexp matches (buildFrameTable's keepName):
 * what it lists must be what the whole profile's frames give.
 */
import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { buildFrameTable } from '../../src/analysis/graph/frames.js';
import { nodeSums } from '../../src/analysis/graph/graph.js';
import { DEFAULT_OPTIONS, type ReportOptions } from '../../src/analysis/options.js';
import { compileGoRegex } from '../../src/go/regex.js';
import { sampleWeights } from '../../src/analysis/values/sample-value.js';
import { listFunctions } from '../../src/analysis/reports/source-lines.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

const LIST: Partial<ReportOptions> = { granularity: 'lines', trim: false, nodecount: 0, nodefraction: 0, edgefraction: 0 };

describe.each(['leakybuf.heap.pb.gz', 'nodeleak.heap.pb.gz', 'recurse.heap.pb.gz', 'httpleak.heap.pb.gz'])('%s', (name) => {
  const analysis = new ProfileAnalysis(loadProfileFile(`testdata/profiles/${name}`));

  it.each(['.', 'main', '^$', 'Large|grow', 'nomatch', '(?i)RUNTIME\\.MALLOC'])('lists %s as from the whole profile', (source) => {
    for (const extra of [{}, { noinlines: true }, { sample_index: '0' }, { hide: 'runtime' }, { focus: 'main' }]) {
      const options = { ...DEFAULT_OPTIONS, ...LIST, ...extra } as ReportOptions;
      const symbol = compileGoRegex(source);
      const whole = listFunctions(analysis.prepare(options), symbol, (f) => f);
      const named = listFunctions(analysis.prepare(options, { key: source, keep: (n) => symbol.test(n) }), symbol, (f) => f);
      expect([source, extra, named]).toEqual([source, extra, whole]);
    }
  });
});

describe('buildFrameTable with keepName', () => {
  const p = decodeSpec({
    samples: [
      { stack: ['main.a', 'main.b', 'main.main'], values: [1, 10, 1, 10] },
      { stack: [{ lines: ['main.a', 'main.c'] }, 'main.main'], values: [2, 20, 2, 20] },
      { stack: ['main.c', 'main.c', 'main.main'], values: [4, 40, 4, 40] },
    ],
  });
  const keep = (name: string) => name === 'main.a' || name === 'main.c';
  const named = buildFrameTable(p, 'lines', false, undefined, keep);
  const whole = buildFrameTable(p, 'lines', false);

  it('gives kept names their own nodes and the rest one shared node', () => {
    expect(named.nodes.map((n) => n.name).sort()).toEqual(['', 'main.a', 'main.c']);
    expect(named.rest).toBe(named.nodes.length - 1);
    expect(whole.rest).toBeUndefined();
  });

  it('sums the kept nodes as the whole table does', () => {
    const w = sampleWeights(p, 1, false);
    const byName = (t: typeof named) => {
      const g = nodeSums(p, t, w);
      return Object.fromEntries(
        g.nodes.filter((n) => n !== t.rest && keep(t.nodes[n].name)).map((n) => [t.names[n], [g.flat[n], g.cum[n]]]),
      );
    };
    expect(byName(named)).toEqual(byName(whole));
    expect(byName(named)).toEqual({ 'main.a main.go': [30, 30], 'main.c main.go': [40, 60] });
  });
});
