import { completeLine } from '../../src/commands/complete.js';
import { profileCompletionData } from '../../src/commands/completion-data.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

describe('profileCompletionData', () => {
  it('reads a Go heap profile: its sample types and units, and its one label key, bytes', () => {
    const data = profileCompletionData(loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz'));
    expect(data).toEqual({
      sampleTypes: ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'],
      sampleUnits: ['count', 'bytes', 'count', 'bytes'],
      labelKeys: ['bytes'],
    });
  });

  it('lists each key once, sorted, string and numeric labels alike', () => {
    const profile = decodeSpec({
      sampleTypes: [
        ['contentions', 'count'],
        ['delay', 'nanoseconds'],
      ],
      samples: [
        {
          stack: ['main.a'],
          values: [1, 10],
          labels: [
            { key: 'worker', str: 'w1' },
            { key: 'bytes', num: 64 },
          ],
        },
        {
          stack: ['main.b'],
          values: [2, 20],
          labels: [
            { key: 'handler', str: '/api' },
            { key: 'worker', str: 'w2' },
          ],
        },
      ],
    });
    expect(profileCompletionData(profile)).toEqual({
      sampleTypes: ['contentions', 'delay'],
      sampleUnits: ['count', 'nanoseconds'],
      labelKeys: ['bytes', 'handler', 'worker'],
    });
  });

  it('is what a CompletionContext spreads: unit= offers the time units of a delay profile', () => {
    const profile = decodeSpec({
      sampleTypes: [
        ['contentions', 'count'],
        ['delay', 'nanoseconds'],
      ],
      samples: [{ stack: ['main.a'], values: [1, 10] }],
    });
    const ctx = { ...profileCompletionData(profile), functionNames: () => [] };
    expect(completeLine('unit=', 5, ctx).candidates).toEqual(['minimum', 'auto', 'ns', 'us', 'ms', 's', 'hr']);
  });
});
