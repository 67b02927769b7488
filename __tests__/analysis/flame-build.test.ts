import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { countFrames, pruneFlameTree } from '../../src/analysis/flame-tree.js';
import { flameTree } from '../../src/analysis/flame-build.js';
import { DEFAULT_OPTIONS, type ReportOptions } from '../../src/analysis/options.js';
import { composeProfiles } from '../../src/profile/compose.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import type { Profile } from '../../src/profile/model.js';
import { profileOf } from '../helpers/stack-profile.js';

const prepared = (p: Profile, options: Partial<ReportOptions> = {}) => new ProfileAnalysis(p).prepare({ ...DEFAULT_OPTIONS, ...options });
const load = (name: string) => loadProfileFile(`testdata/profiles/${name}`);

/** Profiles and settings covering what flame-tree distinguishes: sample types, filters, granularity, mean, recursion, a base. */
const CASES: [string, () => Profile, Partial<ReportOptions>][] = [
  ['leakybuf', () => load('leakybuf.heap.pb.gz'), {}],
  ['leakybuf alloc_space', () => load('leakybuf.heap.pb.gz'), { sample_index: 'alloc_space' }],
  ['leakybuf focus and hide', () => load('leakybuf.heap.pb.gz'), { focus: 'grow', hide: 'runtime' }],
  ['leakybuf lines', () => load('leakybuf.heap.pb.gz'), { granularity: 'lines' }],
  ['leakybuf mean', () => load('leakybuf.heap.pb.gz'), { mean: true, sample_index: 'alloc_space' }],
  ['leakybuf addresses, noinlines', () => load('leakybuf.heap.pb.gz'), { granularity: 'addresses', noinlines: true }],
  ['recurse', () => load('recurse.heap.pb.gz'), {}],
  [
    'httpleak -base',
    () => composeProfiles([load('httpleak.heap.pb.gz')], [load('httpleak.base.pb.gz')], { diff: false, normalize: false }),
    {},
  ],
  [
    'leakybuf -diff_base',
    () => composeProfiles([load('leakybuf.heap.pb.gz')], [load('leakybuf.base.pb.gz')], { diff: true, normalize: false }),
    {},
  ],
  [
    'inlined and self-calls',
    () =>
      profileOf([
        ['main>f>f>f>g', 8],
        ['main>work+helper', 3],
        ['main>f>g', 1],
        ['other', 1],
      ]),
    {},
  ],
];

describe('flameTree(r, fraction): pruneFlameTree(flameTree(r), fraction) made without the pruned frames', () => {
  it.each(CASES)('%s: the same tree at every fraction', (_label, profile, options) => {
    const r = prepared(profile(), options);
    const whole = flameTree(r);
    for (const fraction of [0, 1 / 1600, 1 / 100, 1 / 8]) {
      expect(flameTree(r, fraction)).toEqual(pruneFlameTree(whole, fraction));
    }
    // Pruning at 1/8 left out frames on every real profile here: the cases test it.
    if (countFrames(whole.root) > 20) expect(countFrames(flameTree(r, 1 / 8).root)).toBeLessThan(countFrames(whole.root));
  });

  it('says a base was subtracted when some sample is negative', () => {
    const now = profileOf([['main>grow', 10]]);
    const then = profileOf([['main>shrink', 4]]);
    const r = prepared(composeProfiles([now], [then], { diff: false, normalize: false }));
    expect(flameTree(r, 0)).toMatchObject({ diff: true, root: { total: 6, grown: 10, shrunk: -4 } });
  });

  it('an empty selection (a focus matching nothing) is a root alone, 0 wide', () => {
    const r = prepared(load('leakybuf.heap.pb.gz'), { focus: 'nosuchfunction' });
    expect(flameTree(r, 1 / 1600)).toEqual(pruneFlameTree(flameTree(r), 1 / 1600));
    expect(flameTree(r, 1 / 1600).root.children).toEqual([]);
  });
});
