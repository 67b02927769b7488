/** checkSeries: which snapshots growth refuses to rank together, and which it ranks with a warning. */
import { type NamedSnapshot, checkSeries } from '../../src/analysis/growth/growth-series.js';
import { type ProfileSpec, decodeSpec } from '../helpers/profile-fixtures.js';

const GO_TYPES: [string, string][] = [
  ['alloc_objects', 'count'],
  ['alloc_space', 'bytes'],
  ['inuse_objects', 'count'],
  ['inuse_space', 'bytes'],
];

/** A Go heap snapshot named `name`, from the binary at `file`, with anything else of `spec`. */
function snap(name: string, file = '/tmp/b/app', spec: ProfileSpec = {}): NamedSnapshot {
  const profile = decodeSpec({
    sampleTypes: GO_TYPES,
    samples: [{ stack: ['main.f'], values: [1, 8, 1, 8] }],
    mappings: [{ file }],
    ...spec,
  });
  return { name, profile };
}

const ok = { refusal: null, warning: null };

describe('checkSeries', () => {
  it('passes snapshots of one binary, wherever it ran from', () => {
    expect(checkSeries([snap('a'), snap('b'), snap('c', '/srv/other/dir/app')], false)).toEqual(ok);
  });

  it('refuses other sample types, naming the snapshot, the first one and both lists', () => {
    const objects = snap('b.pb.gz', '/tmp/b/app', { sampleTypes: [['objects', 'count']], samples: [{ stack: ['f'], values: [1] }] });
    expect(checkSeries([snap('a.pb.gz'), objects], false)).toEqual({
      refusal:
        'b.pb.gz: cannot be ranked with a.pb.gz: sample types [objects/count] instead of [alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes]',
      warning: null,
    });
    // Same names, another unit: still another quantity.
    const kb = snap('k', '/tmp/b/app', { sampleTypes: [...GO_TYPES.slice(0, 3), ['inuse_space', 'kilobytes']] });
    expect(checkSeries([snap('a'), kb], false).refusal).toBe(
      'k: cannot be ranked with a: sample types [alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/kilobytes] instead of [alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes]',
    );
  });

  it('refuses another period type', () => {
    const cpu = snap('c', '/tmp/b/app', { periodType: ['cpu', 'nanoseconds'] });
    expect(checkSeries([snap('a'), snap('b'), cpu], false).refusal).toBe(
      'c: cannot be ranked with a: period type cpu/nanoseconds instead of space/bytes',
    );
  });

  it('refuses an allocs profile among heap ones, unless -sample_index picks the value for all', () => {
    const allocs = snap('allocs', '/tmp/b/app', { defaultSampleType: 'alloc_space' });
    expect(checkSeries([snap('heap'), allocs], false).refusal).toBe(
      'allocs: cannot be ranked with heap: default sample type alloc_space instead of inuse_space (-sample_index picks one for all)',
    );
    expect(checkSeries([snap('heap'), allocs], true)).toEqual(ok);
  });

  it('warns, in one line, when the program name differs, and counts the others', () => {
    expect(checkSeries([snap('a', '/tmp/b/app'), snap('b', '/tmp/b/app-v2')], false)).toEqual({
      refusal: null,
      warning: 'b is from program app-v2, a from app; ranked as one series all the same',
    });
    const three = checkSeries([snap('a'), snap('b', '/x/other'), snap('c', '/x/third'), snap('d', '/x/other')], false);
    expect(three.warning).toBe('b is from program other, a from app (2 more snapshots differ too); ranked as one series all the same');
    expect(checkSeries([snap('a'), snap('b', '/x/o'), snap('c', '/x/o')], false).warning).toBe(
      'b is from program o, a from app (1 more snapshot differs too); ranked as one series all the same',
    );
  });

  it('warns about a rebuilt binary when both build IDs are known and differ', () => {
    const built = (name: string, buildId: string) => snap(name, '/tmp/b/app', { mappings: [{ file: '/tmp/b/app', buildId }] });
    expect(checkSeries([built('a', 'id1'), built('b', 'id2')], false).warning).toBe(
      'b is from another build of app (build ID id2, a has id1); ranked as one series all the same',
    );
    expect(checkSeries([built('a', 'id1'), built('b', '')], false)).toEqual(ok);
  });

  it('has nothing to compare when a profile names no binary', () => {
    expect(checkSeries([snap('a', ''), snap('b')], false)).toEqual(ok);
    expect(checkSeries([snap('a'), snap('b', '/tmp/b/app', { mappings: [] })], false)).toEqual(ok);
  });

  it('refuses before it warns', () => {
    const other = snap('b', '/x/other', { periodType: ['cpu', 'nanoseconds'] });
    expect(checkSeries([snap('a'), snap('w', '/x/w'), other], false)).toEqual({
      refusal: 'b: cannot be ranked with a: period type cpu/nanoseconds instead of space/bytes',
      warning: null,
    });
  });
});
