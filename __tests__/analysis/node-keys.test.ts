import { NodeKeyTable } from '../../src/analysis/graph/node-keys.js';

type Key = [number, number, number, number, number, number];

describe('NodeKeyTable', () => {
  it('numbers keys from 0 in order of first sight, and gives a repeat its first number', () => {
    const t = new NodeKeyTable();
    expect(t.intern(0, 1, 2, 10, 0)).toBe(0);
    expect(t.intern(0, 1, 2, 11, 0)).toBe(1);
    expect(t.intern(0, 1, 2, 10, 0)).toBe(0);
    expect(t.count).toBe(2);
  });

  it('tells keys apart by each of the six parts', () => {
    const t = new NodeKeyTable();
    const base: Key = [0x401000, 3, 4, 27, 5, 20];
    const variants: Key[] = [base];
    for (let part = 0; part < 6; part++) {
      const k = [...base] as Key;
      k[part] += 1;
      variants.push(k);
    }
    expect(variants.map((k) => t.intern(...k))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(variants.map((k) => t.intern(...k))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('tells apart addresses and lines that differ only above 32 bits', () => {
    const t = new NodeKeyTable();
    const high = 2 ** 40;
    expect(t.intern(0x1000, 1, 1, 7, 0)).toBe(0);
    expect(t.intern(0x1000 + high, 1, 1, 7, 0)).toBe(1);
    expect(t.intern(0x1000, 1, 1, 7 + high, 0)).toBe(2);
    expect(t.intern(0x1000 + high, 1, 1, 7, 0)).toBe(1);
  });

  it('keeps every number as it grows past its first columns', () => {
    const t = new NodeKeyTable();
    const keys: Key[] = Array.from({ length: 5000 }, (_, i) => [i % 3 === 0 ? 0x400000 + i * 16 : 0, i % 97, i % 89, i, i % 2, i % 7]);
    expect(keys.map((k) => t.intern(...k))).toEqual(keys.map((_, i) => i));
    expect(keys.map((k) => t.intern(...k)).reverse()).toEqual(keys.map((_, i) => 4999 - i));
    expect(t.count).toBe(5000);
  });
});
