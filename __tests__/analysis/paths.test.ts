/** cleanPath is Go's path.Clean; clean paths take a fast path, so both kinds are checked. */
import { cleanPath } from '../../src/go/paths.js';

describe('cleanPath', () => {
  it.each([
    ['', '.'],
    ['.', '.'],
    ['/', '/'],
    ['a', 'a'],
    ['/usr/lib/go/src/runtime/malloc.go', '/usr/lib/go/src/runtime/malloc.go'],
    ['.a/b..', '.a/b..'],
    ['a/.../b', 'a/.../b'],
    ['github.com/x/y@v1.2.3/z.go', 'github.com/x/y@v1.2.3/z.go'],
    ['a//b', 'a/b'],
    ['/a/./b', '/a/b'],
    ['a/../b', 'b'],
    ['../a', '../a'],
    ['a/', 'a'],
    ['./a', 'a'],
    ['a/.', 'a'],
    ['a/..', '.'],
    ['/..', '/'],
    ['/../a', '/a'],
    ['../../a/b/../c', '../../a/c'],
    ['//a', '/a'],
    ['..', '..'],
  ])('%j → %j', (path, clean) => {
    expect(cleanPath(path)).toBe(clean);
  });
});
