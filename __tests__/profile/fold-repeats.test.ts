/**
 * One-shot reports that only sum samples load the profile without folding repeated samples
 * (normalizeProfile's foldRepeats). Their output must be the same as from the folded profile.
 */
import { readFileSync } from 'node:fs';
import { parseProfile } from '../../src/profile/decode.js';
import { encodeProfile } from '../../src/profile/encode.js';
import { normalizeProfile } from '../../src/profile/merge.js';
import type { Profile } from '../../src/profile/model.js';
import { COMMANDS } from '../../src/commands/table.js';
import { Session } from '../../src/session.js';
import { heapMessage } from '../helpers/profile-fixtures.js';
import { ProfileBuilder } from '../../src/profile/builder.js';

process.env.TZ = 'UTC';

const loaded = (bytes: Uint8Array, fold: boolean) => normalizeProfile(parseProfile(bytes), fold);

/** The output of each case's last line, from a one-shot session on `p` given the lines before it. */
function answers(p: Profile, cases: readonly (readonly string[])[]): string[] {
  return cases.map((lines) => {
    const session = new Session(p, { interactive: false });
    for (const line of lines.slice(0, -1)) expect(session.execute(line).failed).toBeFalsy();
    const r = session.execute(lines[lines.length - 1]);
    return `${r.out}${r.err}`;
  });
}

const CASES = [
  ['top'], ['top -cum'], ['focus=main', 'top'], ['hide=runtime', 'top'], ['nodefraction=0', 'top'],
  ['sample_index=0', 'top'], ['granularity=lines', 'top'], ['granularity=addresses', 'top'],
  ['peek .'], ['sample_index=0', 'peek .'], ['list .'], ['tree'], ['nodefraction=0', 'tree'], ['text'],
];

it('only top, text, list, peek and tree are marked as sums only', () => {
  expect([...COMMANDS.values()].filter((c) => c.sumsOnly).map((c) => c.name)).toEqual(['top', 'text', 'list', 'peek', 'tree']);
});

describe.each(['nodeleak.heap.pb.gz', 'leakybuf.heap.pb.gz'])('%s', (name) => {
  const bytes = readFileSync(`testdata/profiles/${name}`);
  const folded = loaded(bytes, true);
  const unfolded = loaded(bytes, false);

  it('has repeated samples, kept apart when not folded', () => {
    expect(unfolded.samples.count).toBeGreaterThan(folded.samples.count);
    expect(unfolded.locations.count).toBe(folded.locations.count);
    expect(unfolded.functions.count).toBe(folded.functions.count);
  });

  it('gives every sums-only report the same output folded or not', () => {
    const a = answers(folded, CASES), b = answers(unfolded, CASES);
    for (let i = 0; i < CASES.length; i++) expect([CASES[i], b[i]]).toEqual([CASES[i], a[i]]);
    expect(a.every((text) => text.length > 100)).toBe(true);
  });
});

describe('negative values', () => {
  // Two repeats of main.gone's stack sum to zero: folded, the sample is dropped, and main.gone
  // with it, which `top nodefraction=0` would otherwise list with zero weight.
  const bytes = encodeProfile(heapMessage({
    samples: [
      { stack: ['main.kept', 'main.main'], values: [1, 100, 1, 100] },
      { stack: ['main.gone', 'main.main'], values: [2, 64, 2, 64] },
      { stack: ['main.gone', 'main.main'], values: [-2, -64, -2, -64] },
    ],
  }));

  it('are folded all the same, so the zero sum is dropped', () => {
    const unfolded = loaded(bytes, false);
    expect(unfolded.samples.count).toBe(1);
    expect(unfolded).toEqual(loaded(bytes, true));
    expect(answers(unfolded, [['nodefraction=0', 'top']])[0]).toContain('main.kept');
    expect(answers(unfolded, [['nodefraction=0', 'top']])[0]).not.toContain('main.gone');
  });
});

describe('values that are not whole numbers', () => {
  // Sums of fractions depend on the order they are added in: such a profile is folded all the same.
  const header = { sampleTypes: [{ type: 'space', unit: 'bytes' }], defaultSampleType: '', periodType: { type: 'space', unit: 'bytes' }, period: 1, timeNanos: 0n, durationNanos: 0n, comments: [], dropFrames: '', keepFrames: '' };
  /** Three samples of one stack, valued 0.1, 0.2 and 0.3 (a fresh profile each time: normalizing consumes it). */
  const make = () => {
    const b = new ProfileBuilder(1);
    const loc = b.addLocation(-1, 0x1000, false, [[b.addFunction('main.f', 'main.f', 'main.go', 0), 3]]);
    for (let i = 0; i < 3; i++) b.addSample([loc]);
    return b.finish(header, Float64Array.from([0.1, 0.2, 0.3]));
  };

  it('are folded all the same', () => {
    const unfolded = normalizeProfile(make(), false);
    expect(unfolded.samples.count).toBe(1);
    expect(unfolded).toEqual(normalizeProfile(make(), true));
  });
});
