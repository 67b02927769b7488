/**
 * The console fuzz suite: random and adversarial command lines through Session.execute on real
 * profiles. Every call must return (never throw) within 2 s, a line that fails must leave the
 * options as they were (and only an assignment may change them), no answer may be a JavaScript
 * error leaking through (`Cannot read properties of undefined`...), and a `>file` report must be
 * writable or refused with a message. Lines come in episodes of 25 on one session, so options
 * set by earlier lines meet later commands. `npm test` runs a bounded number of lines;
 * `npm run fuzz` many more. A failure names its episode's seed: `FUZZ_SEED=<seed>` replays it.
 */
import { mkdtempSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseLine } from '../../src/commands/parse.js';
import { functionName } from '../../src/profile/model.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { type ExecResult, Session } from '../../src/session.js';
import { writeReportFile } from '../../src/host/report-files.js';
import { IMPOSSIBLE_PATHS, type LineContext, consoleLine } from './console-lines.js';
import { CASE_TIME_LIMIT_MS, Random, caseSeed, fuzzPlan, progressRecorder, suiteTimeout } from './random.js';

const plan = fuzzPlan(process.env, 2000);
const LINES_PER_EPISODE = 25;
const PROFILES = ['testdata/profiles/leakybuf.heap.pb.gz', 'testdata/profiles/labels.heap.pb.gz', 'testdata/profiles/recurse.heap.txt'];
const profiles = PROFILES.map((path) => ({ path, profile: loadProfileFile(path) }));
const scratchDir = mkdtempSync(join(tmpdir(), 'heapcli-console-fuzz-'));
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

/** Messages of JavaScript's own errors: a bug escaping as an answer. */
const INTERNAL_ERROR = new RegExp(
  [
    'Cannot read propert',
    'Cannot set propert',
    'is not a function',
    'is not iterable',
    'is not defined',
    'is not a constructor',
    'Invalid array length',
    'Invalid string length',
    'Invalid typed array length',
    'Invalid count value',
    'Invalid code point',
    'Maximum call stack',
    'Array buffer allocation failed',
    'out of memory',
    'Cannot convert',
    'Cannot mix BigInt',
    'toFixed\\(\\) digits',
    'toPrecision\\(\\) argument',
    'Invalid time value',
    'Invalid regular expression',
    'of undefined',
    'of null',
    '\\[object ',
  ].join('|'),
);

interface Episode {
  readonly seed: number;
  readonly profile: string;
  readonly lines: string[];
}

/** Runs one line; returns what is wrong with how it was handled, or null. `show` gets the answer. */
function checkLine(session: Session, line: string, sampleTypes: readonly string[], show: (result: ExecResult) => void): string | null {
  const before = session.options;
  const start = performance.now();
  let result: ExecResult;
  try {
    result = session.execute(line);
  } catch (err) {
    return `execute threw ${(err as Error).stack ?? String(err)}`;
  }
  // A streamed report (`traces`, `raw`) is made as it is read: read it here, as the console does.
  if (result.rest) {
    try {
      result = { ...result, out: result.out + [...result.rest].join(''), rest: undefined };
    } catch (err) {
      return `reading the streamed report threw ${(err as Error).stack ?? String(err)}`;
    }
  }
  show(result);
  const ms = performance.now() - start;
  if (ms > CASE_TIME_LIMIT_MS) return `took ${ms.toFixed(0)} ms (limit ${CASE_TIME_LIMIT_MS} ms)`;
  if (typeof result.out !== 'string' || typeof result.err !== 'string' || typeof result.quit !== 'boolean')
    return `a malformed result: ${JSON.stringify(result).slice(0, 200)}`;
  const after = session.options;
  if (result.failed && !isDeepStrictEqual(before, after))
    return `failed (${result.err.trim().slice(0, 200)}) yet changed the options: ${diff(before, after)}`;
  if (!isDeepStrictEqual(before, after) && parseLine(line, sampleTypes).kind !== 'assign')
    return `not an assignment, yet changed the options: ${diff(before, after)}`;
  const leak = INTERNAL_ERROR.exec(result.err);
  if (leak) return `a JavaScript error in the answer (${leak[0]}): ${result.err.slice(0, 300)}`;
  if (result.file) {
    const { path, text, rest } = result.file;
    if (typeof path !== 'string' || typeof text !== 'string') return 'a malformed file result';
    // Written only where it is harmless: the scratch folder, or where writing must fail.
    const impossible = IMPOSSIBLE_PATHS.includes(path);
    if (impossible || path.startsWith(scratchDir)) {
      let message: string | null;
      try {
        message = writeReportFile(path, text, rest);
      } catch (err) {
        return `writing the report to ${JSON.stringify(path.slice(0, 80))} threw ${(err as Error).message}`;
      }
      if (impossible && message === null) return `a report was written to the impossible path ${JSON.stringify(path)}`;
    }
  }
  return null;
}

function diff(before: object, after: object): string {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => !isDeepStrictEqual(a[k], b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k])} → ${JSON.stringify(b[k])}`)
    .join(', ');
}

function describeEpisode(episode: Episode, at: number, problem: string): string {
  const shown = episode.lines.map(
    (line, i) =>
      `${i === at ? '→' : ' '} ${i}: ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}... (${line.length} chars)` : line)}`,
  );
  return `seed ${episode.seed} (FUZZ_SEED=${episode.seed}) on ${episode.profile}, line ${at}:\n  ${shown.join('\n  ')}\n  → ${problem}`;
}

describe('console fuzz', () => {
  it(
    `${plan.replay !== null ? `replays episode ${plan.replay}` : `${plan.cases} lines from base seed ${plan.baseSeed}`}: every line answered, and a failed line changes no option`,
    () => {
      const progress = progressRecorder(process.env, 'console');
      const failures: string[] = [];
      let failed = 0;
      let ran = 0;
      let slowest = { ms: 0, seed: 0 };
      const started = performance.now();
      for (let episodeIndex = 0; ran < plan.cases && performance.now() - started < plan.budgetMs; episodeIndex++) {
        const seed = plan.replay ?? caseSeed(plan.baseSeed, episodeIndex);
        progress.start(seed, episodeIndex);
        const rnd = new Random(seed);
        const { path, profile } = rnd.pick(profiles);
        const session = new Session(profile, { interactive: true });
        const sampleTypes = session.analysis.sampleTypeNames;
        const functionNames = Array.from({ length: Math.min(profile.functions.count, 200) }, (_, f) => functionName(profile, f));
        const ctx: LineContext = { sampleTypes, functionNames, scratchDir };
        const episode: Episode = { seed, profile: path, lines: [] };
        for (let i = 0; i < LINES_PER_EPISODE && ran < plan.cases; i++, ran++) {
          const line = consoleLine(rnd, ctx);
          episode.lines.push(line);
          const start = performance.now();
          // A replay writes each line before it runs, synchronously to stderr (jest holds console.log
          // back, and a hang would lose it), so a hang shows its line.
          if (plan.replay !== null)
            writeSync(2, `${i}: ${JSON.stringify(line.length > 300 ? `${line.slice(0, 300)}... (${line.length} chars)` : line)}\n`);
          const show = (result: ExecResult) => {
            if (plan.replay !== null) writeSync(2, `   → ${JSON.stringify({ ...result, out: result.out.slice(0, 200) }).slice(0, 500)}\n`);
          };
          const problem = checkLine(session, line, sampleTypes, show);
          const ms = performance.now() - start;
          if (ms > slowest.ms) slowest = { ms, seed };
          if (problem !== null) {
            failed++;
            if (failures.length < 20) failures.push(describeEpisode(episode, i, problem));
            break;
          }
        }
        if (plan.replay !== null) break;
      }
      progress.finish();
      const seconds = (performance.now() - started) / 1000;
      if (plan.long)
        console.log(
          `console fuzz: ${ran} lines in ${seconds.toFixed(0)} s from base seed ${plan.baseSeed}; ${failed} failed; slowest ${slowest.ms.toFixed(0)} ms (seed ${slowest.seed})`,
        );
      expect({ failed, failures }).toEqual({ failed: 0, failures: [] });
    },
    suiteTimeout(plan, 120_000),
  );
});
