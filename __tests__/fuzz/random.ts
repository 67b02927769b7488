/**
 * The fuzzers' source of randomness: mulberry32 behind a few helpers, so a case is its seed and
 * replays the same way every run.
 */
import { openSync, writeSync } from 'node:fs';
import { mulberry32 } from '../helpers/profile-fixtures.js';

/** A seeded random source. */
export class Random {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** One of several choices, each with a weight. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [w, choice] of choices) {
      if (at < w) return choice;
      at -= w;
    }
    return choices[choices.length - 1][1];
  }

  /** `length` random bytes. */
  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(256));
  }
}

/** The seed of case `index` of a run started from `base`: well mixed, so neighbouring cases differ. */
export function caseSeed(base: number, index: number): number {
  let h = (base ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** How a fuzz run is sized, from the environment (FUZZ_CASES, FUZZ_SECONDS, FUZZ_BASE_SEED, FUZZ_SEED). */
export interface FuzzPlan {
  /** Cases to run at most. */
  readonly cases: number;
  /** Stop starting new cases after this many milliseconds. */
  readonly budgetMs: number;
  readonly baseSeed: number;
  /** Replay this one case seed only. */
  readonly replay: number | null;
  /** True under `npm run fuzz` (FUZZ_CASES set): print progress and statistics. */
  readonly long: boolean;
}

/** The plan for a suite whose bounded run (inside `npm test`) has `boundedCases` cases. */
export function fuzzPlan(env: NodeJS.ProcessEnv, boundedCases: number): FuzzPlan {
  const number = (text: string | undefined) => (text !== undefined && text !== '' && Number.isFinite(Number(text)) ? Number(text) : null);
  const cases = number(env.FUZZ_CASES);
  const seconds = number(env.FUZZ_SECONDS);
  const replay = number(env.FUZZ_SEED);
  return {
    cases: replay !== null ? 1 : (cases ?? boundedCases),
    budgetMs: seconds !== null ? seconds * 1000 : Infinity,
    baseSeed: (number(env.FUZZ_BASE_SEED) ?? 1) >>> 0,
    replay: replay === null ? null : replay >>> 0,
    long: cases !== null,
  };
}

/** The longest any one case may take before it counts as a hang. */
export const CASE_TIME_LIMIT_MS = 2000;

/** What a suite tells scripts/fuzz.js about its progress. */
export interface ProgressRecorder {
  /** The case about to run. */
  start(seed: number, index: number): void;
  /** The suite ran to its end. */
  finish(): void;
}

/**
 * Under `npm run fuzz`, writes the seed of each case to the file FUZZ_PROGRESS names before the
 * case runs, so when no case has started for a long while, scripts/fuzz.js can say which one hangs.
 */
export function progressRecorder(env: NodeJS.ProcessEnv, suite: string): ProgressRecorder {
  const path = env.FUZZ_PROGRESS;
  if (!path) return { start: () => {}, finish: () => {} };
  const fd = openSync(`${path}.${suite}`, 'w');
  const write = (text: string) => {
    const line = Buffer.from(text.padEnd(80));
    writeSync(fd, line, 0, line.length, 0);
  };
  return {
    start: (seed, index) => write(`${suite} case ${index}: FUZZ_SEED=${seed}\n`),
    finish: () => write('done\n'),
  };
}

/** How long a suite's test may run: its budget and a margin, or (unbounded) as long as it takes. */
export function suiteTimeout(plan: FuzzPlan, boundedMs: number): number {
  if (!plan.long) return boundedMs;
  return Number.isFinite(plan.budgetMs) ? plan.budgetMs + 120_000 : 2 ** 31 - 1;
}
