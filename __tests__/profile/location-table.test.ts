import { LocationTable } from '../../src/profile/location-table.js';

describe('LocationTable', () => {
  it('finds every location it was given, past several doublings, and nothing that differs in one part', () => {
    const table = new LocationTable(10); // starts at 1,024 slots: 5,000 locations make it grow
    const identity = (i: number) => ({
      mapping: (i % 3) - 1,
      relative: i * 2 ** 33 + (i % 7),
      folded: i % 2,
      fns: [i, i + 1].slice(0, 1 + (i % 2)),
      numbers: [i * 10, i * 10 + 1].slice(0, 1 + (i % 2)),
    });
    for (let i = 0; i < 5000; i++) {
      const { mapping, relative, folded, fns, numbers } = identity(i);
      expect(table.find(mapping, relative, folded, fns, numbers, fns.length)).toBe(-1);
      table.add(mapping, relative, folded, fns, numbers, fns.length);
    }
    for (let i = 0; i < 5000; i++) {
      const { mapping, relative, folded, fns, numbers } = identity(i);
      expect(table.find(mapping, relative, folded, fns, numbers, fns.length)).toBe(i);
      // Only the first n lines count: longer columns with a different tail still match.
      expect(table.find(mapping, relative, folded, [...fns, 99], [...numbers, 99], fns.length)).toBe(i);
      const misses = [
        table.find(mapping + 5, relative, folded, fns, numbers, fns.length),
        table.find(mapping, relative + 2 ** 32, folded, fns, numbers, fns.length),
        table.find(mapping, relative, 1 - folded, fns, numbers, fns.length),
        table.find(mapping, relative, folded, [...fns, 1], [...numbers, 1], fns.length + 1),
        table.find(
          mapping,
          relative,
          folded,
          fns,
          numbers.map((n) => n + 1),
          fns.length,
        ),
      ];
      expect(misses).toEqual([-1, -1, -1, -1, -1]);
    }
  });
});
