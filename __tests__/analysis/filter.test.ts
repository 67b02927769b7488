import { filterSamples } from '../../src/analysis/filters/filter.js';
import { normalizeProfile } from '../../src/profile/merge.js';
import { parseProfile } from '../../src/profile/decode.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { heapMessage } from '../helpers/profile-fixtures.js';

// Samples (leaf first): 0 main.parse (in parse.go) under main.main; 1 main.parse inlined into
// main.load, in the second binary; 2 main.write under main.main; 3 main.parse under main.write.
const profile = normalizeProfile(
  parseProfile(
    encodeProfile(
      heapMessage({
        mappings: [{ file: '/bin/app' }, { id: 2, start: 0x7f0000000000, limit: 0x7f0000100000, file: '/lib/libplugin.so' }],
        samples: [
          { stack: [{ lines: [{ fn: 'main.parse', file: 'parse.go' }] }, 'main.main'], values: [1, 1, 1, 1] },
          {
            stack: [{ lines: [{ fn: 'main.parse', file: 'parse.go' }, 'main.load'], mapping: 2, address: 0x7f0000001000 }, 'main.main'],
            values: [1, 1, 1, 1],
          },
          { stack: ['main.write', 'main.main'], values: [1, 1, 1, 1] },
          { stack: [{ lines: [{ fn: 'main.parse', file: 'parse.go' }] }, 'main.write', 'main.main'], values: [1, 1, 1, 1] },
        ],
      }),
    ),
  ),
);

const excluded = (focus: string, ignore = '') => {
  const r = filterSamples(profile, { focus, ignore });
  return { excluded: Array.from(r.exclude ?? new Uint8Array(4)), warnings: r.warnings };
};

describe('filterSamples', () => {
  it('focuses on a function name, in any line of a location (inlined ones too)', () => {
    expect(excluded('^main\\.parse$')).toEqual({ excluded: [0, 0, 1, 0], warnings: [] });
    expect(excluded('^main\\.load$')).toEqual({ excluded: [1, 0, 1, 1], warnings: [] });
  });

  it('matches file names and the mapping file too', () => {
    expect(excluded('parse\\.go')).toEqual({ excluded: [0, 0, 1, 0], warnings: [] });
    expect(excluded('libplugin')).toEqual({ excluded: [1, 0, 1, 1], warnings: [] });
  });

  it('drops a sample with an ignored location even when another is focused', () => {
    expect(excluded('^main\\.parse$', 'write')).toEqual({ excluded: [0, 0, 1, 1], warnings: [] });
    expect(excluded('', 'libplugin')).toEqual({ excluded: [0, 1, 0, 0], warnings: [] });
  });

  it('warns when an expression matches nothing', () => {
    expect(excluded('nomatch', 'nothing')).toEqual({
      excluded: [1, 1, 1, 1],
      warnings: ['Focus expression matched no samples', 'Ignore expression matched no samples'],
    });
  });
});
