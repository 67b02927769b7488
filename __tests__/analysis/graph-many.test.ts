import { buildFrameTable } from '../../src/analysis/graph/frames.js';
import { nodeSums } from '../../src/analysis/graph/graph.js';
import { nodeSumsOfEach } from '../../src/analysis/graph/graph-many.js';
import { filterSamples } from '../../src/analysis/filters/filter.js';
import { sampleWeights } from '../../src/analysis/values/sample-value.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

// Recursion (main.walk twice in a stack), an inlined frame, a sample of no weight in one type.
const built = decodeSpec({
  samples: [
    { stack: ['main.walk', 'main.walk', 'main.main'], values: [1, 100, 1, 100] },
    { stack: [{ lines: ['main.inner', 'main.outer'] }, 'main.walk', 'main.main'], values: [2, 300, 0, 0] },
    { stack: ['main.leaf', 'main.outer', 'main.main'], values: [5, 50, 3, 30] },
  ],
});

describe.each([
  ['a built profile', built],
  ['leakybuf.heap.pb.gz', loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz')],
  ['nodeleak.heap.pb.gz', loadProfileFile('testdata/profiles/nodeleak.heap.pb.gz')],
])('nodeSumsOfEach on %s', (_, p) => {
  const types = p.sampleTypes.map((__, i) => i);

  it.each(['functions', 'lines'] as const)('gives each index the sums nodeSums gives it (%s)', (granularity) => {
    const frames = buildFrameTable(p, granularity, false);
    const weights = types.map((i) => sampleWeights(p, i, false));
    const each = nodeSumsOfEach(
      p,
      frames,
      weights.map((w) => w.weight),
      null,
    );
    expect(each).toEqual(weights.map((w) => nodeSums(p, frames, w)));
    expect(each.some((g) => g.nodes.length > 0)).toBe(true);
  });

  it('leaves out the samples a filter excludes', () => {
    const frames = buildFrameTable(p, 'functions', true);
    const { exclude } = filterSamples(p, { focus: 'main', ignore: '' });
    const weights = types.map((i) => ({ ...sampleWeights(p, i, false), exclude }));
    expect(
      nodeSumsOfEach(
        p,
        frames,
        weights.map((w) => w.weight),
        exclude,
      ),
    ).toEqual(weights.map((w) => nodeSums(p, frames, w)));
  });
});
