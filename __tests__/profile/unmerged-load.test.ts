/**
 * One-shot reports that only sum samples load the profile unmerged: repeated samples not folded,
 * identical functions and locations not made one (normalizeProfile's mergeOnLoad). Their output
 * must be the same as from the merged profile.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseProfile } from '../../src/profile/decode.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { normalizeProfile } from '../../src/profile/merge.js';
import type { Profile } from '../../src/profile/model.js';
import { COMMANDS } from '../../src/commands/table.js';
import { Session } from '../../src/session.js';
import { heapMessage } from '../helpers/profile-fixtures.js';
import { ProfileBuilder } from '../../src/profile/builder.js';
import { headerOf } from '../helpers/stack-profile.js';

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
  ['top'],
  ['top -cum'],
  ['focus=main', 'top'],
  ['hide=runtime', 'top'],
  ['nodefraction=0', 'top'],
  ['sample_index=0', 'top'],
  ['granularity=lines', 'top'],
  ['granularity=addresses', 'top'],
  ['peek .'],
  ['sample_index=0', 'peek .'],
  ['list .'],
  ['tree'],
  ['nodefraction=0', 'tree'],
  ['text'],
  ['granularity=files', 'top'],
  ['granularity=filefunctions', 'nodefraction=0', 'top'],
  ['noinlines=true', 'top'],
  ['ignore=runtime', 'show=main', 'top'],
  ['mean=true', 'top'],
  ['granularity=addresses', 'peek .'],
  ['nodefraction=0', 'edgefraction=0', 'tree'],
  ['sample_index=1', 'list .'],
  ['tagfocus=handler=/api/orders', 'top'],
  ['tagignore=bytes=512kB', 'top'],
  ['tagroot=handler', 'top'],
  ['tagleaf=latency,bytes', 'tree'],
  ['tagshow=handler', 'top'],
  ['taghide=bytes', 'top'],
];

/** Every profile under testdata/profiles, binary and text. */
const ALL = readdirSync('testdata/profiles').filter((f) => /\.(pb\.gz|txt)$/.test(f));

describe.each(ALL)('%s merged and unmerged', (name) => {
  const bytes = readFileSync(`testdata/profiles/${name}`);

  it('gives every sums-only report the same output', () => {
    const a = answers(loaded(bytes, true), CASES),
      b = answers(loaded(bytes, false), CASES);
    for (let i = 0; i < CASES.length; i++) expect([CASES[i], b[i]]).toEqual([CASES[i], a[i]]);
    expect(a.filter((text) => text.length > 100).length).toBeGreaterThan(CASES.length / 2);
  });
});

describe('functions and locations the merge makes one, unused ones and all-zero samples', () => {
  const message = heapMessage({
    samples: [
      { stack: ['main.leak', 'main.run', 'main.main'], values: [1, 4096, 1, 4096] },
      { stack: ['main.other', 'main.run', 'main.main'], values: [2, 512, 0, 0] },
      { stack: ['main.idle', 'main.main'], values: [0, 0, 0, 0] },
    ],
  });
  // A copy of main.leak's function and of its location under new ids (the same name, file and
  // address), a sample through the copies, and a location no sample uses.
  const fns = message.function!,
    locs = message.location!;
  const leakLoc = locs[0];
  const fnCopy = { ...fns.find((f) => f.id === leakLoc.line![0].functionId)!, id: 100 };
  fns.push(fnCopy);
  locs.push({ ...leakLoc, id: 100, line: [{ functionId: 100, line: leakLoc.line![0].line }] });
  locs.push({ ...leakLoc, id: 101, address: 0x7777 });
  message.sample!.push({ locationId: [100, locs[1].id!, locs[2].id!], value: [3, 1024, 3, 1024], label: [] });
  const bytes = encodeProfile(message);

  it('stay in the unmerged profile', () => {
    const merged = loaded(bytes, true),
      unmerged = loaded(bytes, false);
    // The merge drops main.idle's sample (all zero) and with it main.idle's location and function,
    // makes the copies one with the originals, drops the unused location, and folds the sample
    // through the copies into main.leak's.
    expect(unmerged.functions.count).toBe(merged.functions.count + 2);
    expect(unmerged.locations.count).toBe(merged.locations.count + 3);
    expect(unmerged.samples.count).toBe(merged.samples.count + 2);
  });

  it('change no sums-only report', () => {
    const a = answers(loaded(bytes, true), CASES),
      b = answers(loaded(bytes, false), CASES);
    for (let i = 0; i < CASES.length; i++) expect([CASES[i], b[i]]).toEqual([CASES[i], a[i]]);
    expect(a[0]).toContain('main.leak');
  });
});

describe('two mappings the merge makes one', () => {
  // The same file, offset and size at two addresses: the merge moves the second one's locations
  // into the first, so the profile is merged all the same.
  const bytes = encodeProfile(
    heapMessage({
      mappings: [
        { start: 0x400000, limit: 0x500000 },
        { start: 0x900000, limit: 0xa00000 },
      ],
      samples: [
        { stack: [{ lines: ['main.a'], mapping: 1, address: 0x401000 }, 'main.main'], values: [1, 100, 1, 100] },
        { stack: [{ lines: ['main.b'], mapping: 2, address: 0x901000 }, 'main.main'], values: [1, 200, 1, 200] },
      ],
    }),
  );

  it('are merged all the same', () => {
    const unmerged = loaded(bytes, false);
    expect(unmerged.mappings).toHaveLength(1);
    expect(unmerged).toEqual(loaded(bytes, true));
    expect(answers(unmerged, [['granularity=addresses', 'top']])[0]).toContain('main.b');
  });
});

it('only top, text, list, peek and tree are marked as sums only', () => {
  expect([...COMMANDS.values()].filter((c) => c.sumsOnly).map((c) => c.name)).toEqual(['top', 'text', 'list', 'peek', 'tree']);
});

describe.each(['nodeleak.heap.pb.gz', 'leakybuf.heap.pb.gz'])('%s', (name) => {
  const bytes = readFileSync(`testdata/profiles/${name}`);
  const folded = loaded(bytes, true);
  const unfolded = loaded(bytes, false);

  it('has repeated samples, kept apart when not folded, and is not merged then', () => {
    expect(unfolded.samples.count).toBeGreaterThan(folded.samples.count);
    expect(unfolded).toEqual(parseProfile(bytes));
  });

  it('gives every sums-only report the same output folded or not', () => {
    const a = answers(folded, CASES),
      b = answers(unfolded, CASES);
    for (let i = 0; i < CASES.length; i++) expect([CASES[i], b[i]]).toEqual([CASES[i], a[i]]);
    expect(a.every((text) => text.length > 100)).toBe(true);
  });
});

describe('negative values', () => {
  // Two repeats of main.gone's stack sum to zero: folded, the sample is dropped, and main.gone
  // with it, which `top nodefraction=0` would otherwise list with zero weight.
  const bytes = encodeProfile(
    heapMessage({
      samples: [
        { stack: ['main.kept', 'main.main'], values: [1, 100, 1, 100] },
        { stack: ['main.gone', 'main.main'], values: [2, 64, 2, 64] },
        { stack: ['main.gone', 'main.main'], values: [-2, -64, -2, -64] },
      ],
    }),
  );

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
  const header = headerOf([{ type: 'space', unit: 'bytes' }]);
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
