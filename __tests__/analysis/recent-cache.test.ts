import { RecentCache } from '../../src/analysis/graph/recent-cache.js';

describe('RecentCache', () => {
  it('makes a value once per key and drops the least recently used past its size', () => {
    const made: string[] = [];
    const cache = new RecentCache<string>(2);
    const get = (key: string) => cache.get(key, () => (made.push(key), key.toUpperCase()));
    expect([get('a'), get('b'), get('a')]).toEqual(['A', 'B', 'A']);
    get('c'); // drops b, used before a
    get('a');
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });
});
