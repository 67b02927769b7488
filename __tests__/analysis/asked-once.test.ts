import { askedOnce } from '../../src/analysis/asked-once.js';

it('asks about each item once, on first need, and keeps the answer', () => {
  const asked: number[] = [];
  const even = askedOnce(5, (i) => (asked.push(i), i % 2 === 0));
  expect([3, 0, 3, 4, 0, 3].map(even)).toEqual([false, true, false, true, true, false]);
  expect(asked).toEqual([3, 0, 4]);
});
