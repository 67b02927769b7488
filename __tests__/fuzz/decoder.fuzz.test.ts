/**
 * The decoder fuzz suite: seeded mutations of every testdata profile (profile.proto raw and
 * gzipped, legacy text) and of legacy profiles of every other format (testdata/realworld), each of which must decode to a valid profile or fail with a ProfileError,
 * never another exception, and within 2 s. `npm test` runs a bounded number of cases with a fixed
 * base seed; `npm run fuzz` runs many more from a fresh one (see scripts/fuzz.js). A failure names
 * its seed: `FUZZ_SEED=<seed>` replays that case alone.
 */
import { writeSync } from 'node:fs';
import { runDecodeCase } from './decode-case.js';
import { describeMutant, loadSeedlings, mutate } from './mutate.js';
import { caseSeed, fuzzPlan, progressRecorder, suiteTimeout } from './random.js';

const plan = fuzzPlan(process.env, 1000);
const seedlings = loadSeedlings();

describe('decoder fuzz', () => {
  it(
    `${plan.replay !== null ? `replays seed ${plan.replay}` : `${plan.cases} mutated profiles from base seed ${plan.baseSeed}`}: a valid profile or a ProfileError each, never another exception or a hang`,
    () => {
      const progress = progressRecorder(process.env, 'decoder');
      const outcomes: Record<string, number> = {};
      const failures: string[] = [];
      let failed = 0;
      let slowest = { ms: 0, seed: 0 };
      const started = performance.now();
      let ran = 0;
      for (; ran < plan.cases && performance.now() - started < plan.budgetMs; ran++) {
        const seed = plan.replay ?? caseSeed(plan.baseSeed, ran);
        progress.start(seed, ran);
        const mutant = mutate(seed, seedlings);
        // A replay says what it decodes before it runs, synchronously to stderr, so a hang shows it.
        if (plan.replay !== null) writeSync(2, `${describeMutant(mutant)}\n`);
        const result = runDecodeCase(mutant.bytes, seed);
        outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
        if (result.ms > slowest.ms) slowest = { ms: result.ms, seed };
        if (plan.replay !== null) writeSync(2, `  → ${result.outcome}: ${result.message} (${result.ms.toFixed(0)} ms)\n`);
        if (result.problem !== null) {
          failed++;
          if (failures.length < 20) failures.push(`${describeMutant(mutant)}\n  → ${result.problem}`);
        }
      }
      progress.finish();
      const seconds = (performance.now() - started) / 1000;
      if (plan.long) {
        console.log(
          `decoder fuzz: ${ran} cases in ${seconds.toFixed(0)} s from base seed ${plan.baseSeed}; ${failed} failed; outcomes ${JSON.stringify(outcomes)}; slowest ${slowest.ms.toFixed(0)} ms (seed ${slowest.seed})`,
        );
      }
      expect({ failed, failures }).toEqual({ failed: 0, failures: [] });
      // The mutations reach every layer: some profiles survive, some break the model, the wire, the gzip.
      if (plan.replay === null)
        expect(Object.keys(outcomes).sort()).toEqual(expect.arrayContaining(['decoded', 'gzip', 'malformed', 'not-a-profile']));
    },
    suiteTimeout(plan, 120_000),
  );
});
