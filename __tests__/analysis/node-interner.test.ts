import { buildFrameTable } from '../../src/analysis/graph/frames.js';
import { ProfileBuilder } from '../../src/profile/builder.js';
import type { Profile } from '../../src/profile/model.js';
import { APP_MAPPING, headerOf } from '../helpers/stack-profile.js';

/**
 * Locations, one line each: [function name, file, line, address]. The builder interns strings, so
 * the test also repeats a name under a second string-table entry by hand.
 */
function profileOfLines(lines: [string, string, number, number][]): Profile {
  const b = new ProfileBuilder(1);
  b.mappings.push({ ...APP_MAPPING });
  for (const [name, file, line, address] of lines) b.addLocation(0, address, false, [[b.addFunction(name, name, file, 0), line]]);
  return b.finish(headerOf([{ type: 'inuse_space', unit: 'bytes' }]), new Float64Array(0));
}

const nodesOf = (p: Profile, g: Parameters<typeof buildFrameTable>[1]) => {
  const t = buildFrameTable(p, g, false);
  return { ids: Array.from(t.frameNode), names: t.names };
};

describe('graph nodes at each granularity', () => {
  const p = profileOfLines([
    ['main.a', './pkg/a.go', 10, 0x1000],
    ['main.a', 'pkg/a.go', 10, 0x1008], // the same file once cleaned, another address
    ['main.a', 'pkg/a.go', 11, 0x1010],
    ['main.b', 'pkg/a.go', 11, 0x1018],
    ['', 'pkg/a.go', 12, 0x1020], // no name: the binary identifies it
  ]);

  it('lines: one node per function, cleaned file and line, in order of first sight', () => {
    expect(nodesOf(p, 'lines')).toEqual({
      ids: [0, 0, 1, 2, 3],
      names: ['main.a pkg/a.go:10', 'main.a pkg/a.go:11', 'main.b pkg/a.go:11', 'pkg/a.go:12'],
    });
  });

  it('addresses: the address tells apart what lines merge', () => {
    expect(nodesOf(p, 'addresses').ids).toEqual([0, 1, 2, 3, 4]);
  });

  it('functions and files', () => {
    expect(nodesOf(p, 'functions')).toEqual({ ids: [0, 0, 0, 1, 2], names: ['main.a', 'main.b', '[app]'] });
    expect(nodesOf(p, 'files')).toEqual({ ids: [0, 0, 0, 0, 0], names: ['pkg/a.go'] });
  });

  it('equal texts under different string-table entries are one node', () => {
    const strings = [...p.strings, 'main.b'];
    const name = Uint32Array.from(p.functions.name);
    name[3] = strings.length - 1; // main.b's function now names it through the new entry
    const copy: Profile = { ...p, strings, functions: { ...p.functions, name } };
    expect(nodesOf(copy, 'lines')).toEqual(nodesOf(p, 'lines'));
  });
});
