import { ReportError } from '../../src/go/errors.js';
import { numLabelUnits, unitConflictWarnings } from '../../src/analysis/values/labels.js';
import { applyTagFilters } from '../../src/analysis/filters/tag-filter.js';
import type { Profile } from '../../src/profile/model.js';
import { type LabelSpec, decodeSpec } from '../helpers/profile-fixtures.js';

const NONE = { tagfocus: '', tagignore: '', tagshow: '', taghide: '' };

/** One sample per label set, all on the same stack, value 1 each. */
function profileOf(...labelSets: LabelSpec[][]): Profile {
  return decodeSpec({ samples: labelSets.map((labels) => ({ stack: ['main.main'], values: [1, 1, 1, 1], labels })) });
}

const LABELLED = profileOf(
  [
    { key: 'tenant', str: 'acme' },
    { key: 'handler', str: '/api/users' },
    { key: 'bytes', num: 1024 },
  ],
  [
    { key: 'tenant', str: 'globex' },
    { key: 'handler', str: '/api/orders' },
    { key: 'bytes', num: 65536 },
  ],
  [
    { key: 'tenant', str: 'initech' },
    { key: 'tenant', str: 'acme' },
    { key: 'latency', num: 1500, unit: 'ms' },
  ],
  [],
);

/** The indices of the samples the filters keep. */
function kept(o: Partial<typeof NONE>, p = LABELLED, exclude: Uint8Array | null = null): number[] {
  const r = applyTagFilters(p, { ...NONE, ...o }, exclude);
  return [...Array(p.samples.count).keys()].filter((s) => !r.exclude?.[s]);
}

/** Each sample's labels as `key=value` (numbers raw), after the filters. */
function labels(p: Profile): string[][] {
  const ss = p.samples;
  return [...Array(ss.count).keys()].map((s) => {
    const out: string[] = [];
    for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
      out.push(`${p.strings[ss.labelKey[i]]}=${ss.labelStr[i] ? p.strings[ss.labelStr[i]] : ss.labelNum[i]}`);
    }
    return out;
  });
}

describe('tagfocus and tagignore', () => {
  it('leave everything alone when unset (same mask, same profile, no messages)', () => {
    const exclude = new Uint8Array(4);
    const r = applyTagFilters(LABELLED, NONE, exclude);
    expect(r.exclude).toBe(exclude);
    expect(r.profile).toBe(LABELLED);
    expect([r.notes, r.warnings]).toEqual([[], []]);
  });

  it('match a regexp against `key:value` of string labels, unanchored', () => {
    expect(kept({ tagfocus: 'acme' })).toEqual([0, 2]);
    expect(kept({ tagfocus: 'tenant:acme' })).toEqual([0, 2]);
    expect(kept({ tagfocus: '^handler:/api/o' })).toEqual([1]);
    expect(kept({ tagfocus: '(?i)ACME' })).toEqual([0, 2]);
  });

  it('need every regexp of a list to match some label when no key is given', () => {
    expect(kept({ tagfocus: 'acme,users' })).toEqual([0]);
    expect(kept({ tagfocus: 'initech,acme' })).toEqual([2]);
  });

  it('with a key, match its values alone, any regexp of the list', () => {
    expect(kept({ tagfocus: 'tenant=acme' })).toEqual([0, 2]);
    expect(kept({ tagfocus: 'tenant=globex,initech' })).toEqual([1, 2]);
    expect(kept({ tagfocus: 'tenant=tenant:acme' })).toEqual([]);
    expect(kept({ tagfocus: 'tenant=' })).toEqual([0, 1, 2]);
  });

  it('never match numeric labels with a regexp', () => {
    expect(kept({ tagfocus: 'bytes' })).toEqual([]);
    // A bare number is a range without a unit, which a label in bytes never matches.
    expect(kept({ tagfocus: '1024' })).toEqual([]);
  });

  it('match numeric labels with a range, of any key or of the key given', () => {
    expect(kept({ tagfocus: '64kb:' })).toEqual([1]);
    expect(kept({ tagfocus: ':1kb' })).toEqual([0]);
    expect(kept({ tagfocus: '1s:' })).toEqual([2]);
    expect(kept({ tagfocus: 'bytes=1kb:64kb' })).toEqual([0, 1]);
    expect(kept({ tagfocus: 'latency=1kb:64kb' })).toEqual([]);
  });

  it('drop what tagignore matches, after tagfocus', () => {
    expect(kept({ tagignore: 'acme' })).toEqual([1, 3]);
    expect(kept({ tagfocus: 'api', tagignore: '64kb:' })).toEqual([0]);
  });

  it('only look at the samples other filters left, and keep those excluded', () => {
    expect(kept({ tagfocus: 'acme' }, LABELLED, Uint8Array.from([1, 0, 0, 0]))).toEqual([2]);
    const r = applyTagFilters(LABELLED, { ...NONE, tagfocus: 'acme' }, Uint8Array.from([1, 0, 1, 0]));
    expect(r.warnings).toEqual(['TagFocus expression matched no samples']);
  });

  it('note a range and warn when an expression matches nothing, as pprof words it', () => {
    const r = applyTagFilters(LABELLED, { ...NONE, tagfocus: 'bytes=1tb:', tagignore: 'nomatch' }, null);
    expect(r.notes).toEqual(["tagfocus:Interpreted '1tb:' as range, not regexp"]);
    expect(r.warnings).toEqual(['TagFocus expression matched no samples', 'TagIgnore expression matched no samples']);
  });

  it('fail on a bad regexp with pprof wording, after the notes printed before it', () => {
    expect(() => applyTagFilters(LABELLED, { ...NONE, tagfocus: '[' }, null)).toThrow(
      new ReportError('parsing tagfocus regexp: error parsing regexp: missing closing ]: `[`'),
    );
    expect(() => applyTagFilters(LABELLED, { ...NONE, tagfocus: '64kb:', tagignore: 'a,(' }, null)).toThrow(
      new ReportError(
        "tagfocus:Interpreted '64kb:' as range, not regexp\nparsing tagignore regexp: error parsing regexp: missing closing ): `(`",
      ),
    );
  });
});

describe('tagshow and taghide', () => {
  it('keep the labels whose key matches tagshow and drop those taghide matches', () => {
    expect(labels(applyTagFilters(LABELLED, { ...NONE, tagshow: 'tenant' }, null).profile)).toEqual([
      ['tenant=acme'],
      ['tenant=globex'],
      ['tenant=initech', 'tenant=acme'],
      [],
    ]);
    expect(labels(applyTagFilters(LABELLED, { ...NONE, tagshow: 'n', taghide: '^t' }, null).profile)).toEqual([
      ['handler=/api/users'],
      ['handler=/api/orders'],
      ['latency=1500'],
      [],
    ]);
  });

  it('work on the labels tagfocus looked at, and leave the samples alone', () => {
    const r = applyTagFilters(LABELLED, { ...NONE, tagfocus: 'globex', taghide: 'tenant' }, null);
    expect(labels(r.profile)[1]).toEqual(['handler=/api/orders', 'bytes=65536']);
    expect(r.profile.samples.count).toBe(4);
    expect([...r.exclude!]).toEqual([1, 0, 1, 1]);
  });

  it('warn when they match no key of the samples left', () => {
    expect(applyTagFilters(LABELLED, { ...NONE, tagshow: 'nosuch', taghide: 'nosuch' }, null).warnings).toEqual([
      'TagShow expression matched no samples',
      'TagHide expression matched no samples',
    ]);
    expect(applyTagFilters(LABELLED, { ...NONE, taghide: 'latency' }, Uint8Array.from([0, 0, 1, 0])).warnings).toEqual([
      'TagHide expression matched no samples',
    ]);
  });

  it('fail on a bad regexp after the tag filters ran, with their warnings first', () => {
    expect(() => applyTagFilters(LABELLED, { ...NONE, tagfocus: 'nomatch', tagshow: '[' }, null)).toThrow(
      new ReportError('TagFocus expression matched no samples\nparsing tagshow regexp: error parsing regexp: missing closing ]: `[`'),
    );
  });

  it('ignore labels with neither a value nor a unit, as Go decodes them', () => {
    const p = profileOf([{ key: 'ghost' }, { key: 'bytes', num: 8 }]);
    expect(applyTagFilters(p, { ...NONE, tagshow: 'ghost' }, null).warnings).toEqual(['TagShow expression matched no samples']);
  });
});

describe('units of numeric label keys', () => {
  const p = profileOf(
    [
      { key: 'latency', num: 1500, unit: 'ms' },
      { key: 'bytes', num: 64 },
      { key: 'request', num: 10 },
      { key: 'alignment', num: 8 },
    ],
    [
      { key: 'latency', num: 250, unit: 'us' },
      { key: 'retries', num: 2 },
      { key: 'size', num: 1 },
    ],
    [
      { key: 'latency', num: 2, unit: 's' },
      { key: 'size', num: 4, unit: 'kilobytes' },
    ],
  );

  it('take the first unit written, else bytes for request and alignment, else the key itself', () => {
    expect(Object.fromEntries(numLabelUnits(p).units)).toEqual({
      latency: 'ms',
      bytes: 'bytes',
      request: 'bytes',
      alignment: 'bytes',
      retries: 'retries',
      size: 'kilobytes',
    });
  });

  it('warn about the other units of a key, sorted, on every report (in the notes)', () => {
    expect(unitConflictWarnings(numLabelUnits(p))).toEqual(['For tag latency used unit ms, also encountered unit(s) s, us']);
    expect(applyTagFilters(p, NONE, null).notes).toEqual(['For tag latency used unit ms, also encountered unit(s) s, us']);
  });

  it('come out the same when the same key and unit repeat, in a row or apart', () => {
    const repeated = profileOf(
      [
        { key: 'bytes', num: 8 },
        { key: 'bytes', num: 16, unit: 'kilobytes' },
      ],
      [
        { key: 'bytes', num: 16, unit: 'kilobytes' },
        { key: 'bytes', num: 4 },
      ],
      [
        { key: 'bytes', num: 2, unit: 'megabytes' },
        { key: 'bytes', num: 2, unit: 'megabytes' },
        { key: 'bytes', num: 1, unit: 'kilobytes' },
      ],
    );
    expect(Object.fromEntries(numLabelUnits(repeated).units)).toEqual({ bytes: 'kilobytes' });
    expect(unitConflictWarnings(numLabelUnits(repeated))).toEqual([
      'For tag bytes used unit kilobytes, also encountered unit(s) megabytes',
    ]);
  });
});
