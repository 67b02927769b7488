/** The bench's start-up figure: heapcli's time over `node -e 0`, paired round by round. */
import { pairedExcess } from '../../bench/lib/measure.js';

const runs = (seconds: number[], rounds = seconds.map((_, i) => i)) => seconds.map((s, i) => ({ seconds: s, round: rounds[i] }));

test('takes the median of each round’s difference, not the difference of the medians', () => {
  // The machine slows down half way: each round's difference stays near 0.06 s.
  const baseline = runs([0.08, 0.09, 0.13, 0.14, 0.15]);
  const tool = runs([0.14, 0.15, 0.2, 0.2, 0.22]);
  expect(pairedExcess(tool, baseline)).toBeCloseTo(0.06, 10);
  // Medians alone would say 0.2 - 0.13 = 0.07.
});

test('leaves out rounds that only one of the two finished', () => {
  const baseline = runs([0.1, 0.1, 0.1], [0, 1, 3]);
  const tool = runs([0.15, 0.5, 0.17], [0, 2, 3]);
  expect(pairedExcess(tool, baseline)).toBeCloseTo(0.06, 10);
});

test('is null when no round has both', () => {
  expect(pairedExcess(runs([0.2]), [])).toBeNull();
});
