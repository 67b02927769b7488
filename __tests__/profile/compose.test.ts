import { DIFF_BASE_LABEL, composeProfiles, scaleValues, setLabel } from '../../src/profile/compose.js';
import { ProfileBuilder } from '../../src/profile/builder.js';
import type { Profile } from '../../src/profile/model.js';
import { headerOf } from '../helpers/stack-profile.js';

/** A two-type profile with one sample per (function, values) pair. */
function profileOf(samples: [string, number, number][]): Profile {
  const b = new ProfileBuilder(2);
  const values: number[] = [];
  for (const [name, count, bytes] of samples) {
    const fn = b.addFunction(name, name, '', 0);
    b.addSample([b.addLocation(-1, 0, false, [[fn, 1]])]);
    values.push(count, bytes);
  }
  const header = headerOf([
    { type: 'objects', unit: 'count' },
    { type: 'space', unit: 'bytes' },
  ]);
  return b.finish(header, Float64Array.from(values));
}

const valuesOf = (p: Profile) => [...p.samples.values];

describe('composing the profiles of a command line', () => {
  const now = profileOf([
    ['grow', 4, 400],
    ['steady', 1, 100],
  ]);
  const then = profileOf([
    ['grow', 1, 100],
    ['steady', 1, 100],
  ]);

  it('-base subtracts: unchanged stacks cancel and leave no sample', () => {
    expect(valuesOf(composeProfiles([now], [then], { diff: false, normalize: false }))).toEqual([3, 300]);
  });

  it('-diff_base keeps the base samples apart, negated and labelled', () => {
    const p = composeProfiles([now], [then], { diff: true, normalize: false });
    expect(valuesOf(p)).toEqual([4, 400, 1, 100, -1, -100, -1, -100]);
    const labelled = [...p.samples.labelKey].map((k) => p.strings[k]);
    expect(labelled).toEqual([DIFF_BASE_LABEL, DIFF_BASE_LABEL]);
  });

  it('-normalize scales the source to the base totals first, rounding as Go does', () => {
    // Base totals 2 and 200; source totals 5 and 500: ratio 0.4 each.
    const p = composeProfiles([now], [then], { diff: false, normalize: true });
    expect(valuesOf(p)).toEqual([1, 60, -1, -60]);
  });

  it("refuses -normalize without a base, in pprof's words", () => {
    expect(() => composeProfiles([now], [], { diff: false, normalize: true })).toThrow('must have base profile to normalize by');
  });

  it('merges several sources by summing the same stacks', () => {
    expect(valuesOf(composeProfiles([now, then], [], { diff: false, normalize: false }))).toEqual([5, 500, 2, 200]);
  });

  it('rounds halves away from zero when scaling', () => {
    expect(
      valuesOf(
        scaleValues(
          profileOf([
            ['f', 1, 5],
            ['g', -1, -5],
          ]),
          [2.5, 0.5],
        ),
      ),
    ).toEqual([3, 3, -3, -3]);
  });

  it('setLabel replaces a label of the same key', () => {
    const once = setLabel(now, 'k', 'a');
    const twice = setLabel(once, 'k', 'b');
    expect([...twice.samples.labelStr].map((i) => twice.strings[i])).toEqual(['b', 'b']);
  });
});
