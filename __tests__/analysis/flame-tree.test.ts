import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { flameTree } from '../../src/analysis/flame-build.js';
import { type FlameNode, countFrames, pruneFlameTree, width } from '../../src/analysis/flame-tree.js';
import { DEFAULT_OPTIONS, type ReportOptions } from '../../src/analysis/options.js';
import { composeProfiles } from '../../src/profile/compose.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import type { Profile } from '../../src/profile/model.js';
import { profileOf } from '../helpers/stack-profile.js';

const treeOf = (p: Profile, options: Partial<ReportOptions> = {}) =>
  flameTree(new ProfileAnalysis(p).prepare({ ...DEFAULT_OPTIONS, ...options }));

/** A node as `name self/total [children]`, for readable expectations. */
function shape(n: FlameNode): unknown {
  const own = `${n.name} ${n.self}/${n.total}`;
  return n.children.length === 0 ? own : [own, ...n.children.map(shape)];
}

/** Every node under `n`, with whether a node of its name is above it. */
function* walk(n: FlameNode, above: ReadonlySet<string> = new Set()): Generator<[FlameNode, boolean]> {
  for (const c of n.children) {
    yield [c, above.has(c.name)];
    yield* walk(c, new Set([...above, c.name]));
  }
}

/** Per name, the self summed over its frames and the total over its outermost frames: top's flat and cum. */
function flatAndCum(root: FlameNode): Map<string, [number, number]> {
  const sums = new Map<string, [number, number]>();
  for (const [n, nested] of walk(root)) {
    const s = sums.get(n.name) ?? [0, 0];
    s[0] += n.self;
    if (!nested) s[1] += n.total;
    sums.set(n.name, s);
  }
  return sums;
}

function topRows(p: Profile, options: Partial<ReportOptions> = {}): Map<string, [number, number]> {
  const { report } = new ProfileAnalysis(p).top({ ...DEFAULT_OPTIONS, trim: false, ...options }, 0);
  return new Map(report.rows.map((r) => [r.name, [r.flat, r.cum]]));
}

describe('flameTree', () => {
  it('builds call paths from a synthetic root, children by name, self at the leaf', () => {
    const tree = treeOf(
      profileOf([
        ['main>b>x', 5],
        ['main>a', 3],
        ['main>b', 2],
        ['other', 1],
      ]),
    );
    expect(shape(tree.root)).toEqual(['root 0/11', ['main 0/10', 'a 3/3', ['b 2/7', 'x 5/5']], 'other 1/1']);
    expect([tree.typeName, tree.unit, tree.total, tree.diff]).toEqual(['inuse_space', 'bytes', 11, false]);
  });

  it('keeps inlined calls as frames and makes a direct self-call one frame', () => {
    const tree = treeOf(
      profileOf([
        ['main>f>f>f>g', 8],
        ['main>work+helper', 3],
      ]),
    );
    expect(shape(tree.root)).toEqual(['root 0/11', ['main 0/11', ['f 0/8', 'g 8/8'], ['work 0/3', 'helper 3/3']]]);
  });

  it('sums to top over a real profile: self per name is flat, outermost totals are cum', () => {
    const p = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');
    for (const options of [{}, { sample_index: 'alloc_space' }, { focus: 'grow', hide: 'runtime' }, { granularity: 'lines' as const }]) {
      const tree = treeOf(p, options);
      const top = topRows(p, options);
      expect(flatAndCum(tree.root)).toEqual(top);
      expect(tree.root.total).toBe([...top.values()].reduce((sum, [flat]) => sum + flat, 0));
    }
  });

  it('follows the sample index, filters and the % denominator of the report', () => {
    const p = profileOf([
      ['main>keep>a', 6],
      ['main>drop>b', 4],
    ]);
    const tree = treeOf(p, { ignore: 'drop' });
    expect(shape(tree.root)).toEqual(['root 0/6', ['main 0/6', ['keep 0/6', 'a 6/6']]]);
    expect(tree.total).toBe(10);
    expect(treeOf(p, { ignore: 'drop', relative_percentages: true }).total).toBe(6);
    expect(shape(treeOf(p, { show: '^(a|b)$' }).root)).toEqual(['root 0/10', 'a 6/6', 'b 4/4']);
  });

  it('keeps growth and shrinkage apart under a base, with net totals', () => {
    const now = profileOf([
      ['main>grow', 10],
      ['main>same', 5],
    ]);
    const then = profileOf([
      ['main>shrink', 4],
      ['main>same', 5],
      ['main>grow', 3],
    ]);
    const tree = treeOf(composeProfiles([now], [then], { diff: false, normalize: false }));
    expect(tree.diff).toBe(true);
    const main = tree.root.children[0];
    expect([main.total, main.grown, main.shrunk]).toEqual([3, 7, -4]);
    expect(main.children.map((c) => [c.name, c.total, c.grown, c.shrunk])).toEqual([
      ['grow', 7, 7, 0],
      ['shrink', -4, 0, -4],
    ]);
    expect(width(main)).toBe(11);
  });

  it('drops slivers narrower than a fraction of the root', () => {
    const p = profileOf([
      ['main>big', 990],
      ['main>tiny', 9],
      ['main>big>deep', 1],
    ]);
    const tree = treeOf(p);
    expect(countFrames(tree.root)).toBe(5);
    const pruned = pruneFlameTree(tree, 0.01);
    expect(shape(pruned.root)).toEqual(['root 0/1000', ['main 0/1000', 'big 990/991']]);
  });
});
