/** The bench's parity check on files: the first differing line, found a block at a time. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstDifference, firstFileDifference } from '../../bench/lib/measure.js';

const dir = mkdtempSync(join(tmpdir(), 'heapcli-bench-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `a` and `b` to files and returns firstFileDifference of them. */
function differ(a: string, b: string) {
  writeFileSync(join(dir, 'a'), a);
  writeFileSync(join(dir, 'b'), b);
  return firstFileDifference(join(dir, 'a'), join(dir, 'b'));
}

// Over 1 MiB, so the differences below fall in a later block than the first.
const long = Array.from({ length: 40_000 }, (_, i) => `line ${i} µs ${'x'.repeat(i % 40)}`).join('\n') + '\n';

it('finds nothing in identical files, empty ones too', () => {
  expect(differ(long, long)).toBeNull();
  expect(differ('', '')).toBeNull();
});

it.each([
  ['a changed line in a later block', long.replace('line 39000 ', 'line 39000!')],
  ['a changed first line', long.replace('line 0', 'line O')],
  ['a missing end', long.slice(0, long.indexOf('line 35000'))],
  ['more at the end', long + 'extra\n'],
])('finds the line firstDifference finds: %s', (_what, other) => {
  expect(differ(long, other)).toEqual(firstDifference(Buffer.from(long), Buffer.from(other)));
  expect(differ(long, other)).not.toBeNull();
});
