/**
 * What the fuzz suites found, one test each, named after the seed that found it (with the mutator
 * and line generator as they were then: a seed names a case only for one version of them). Each
 * test builds its input itself, so it stays put when the generators change.
 */
import { readFileSync } from 'node:fs';
import { parseProfile } from '../../src/profile/decode.js';
import { ProfileError } from '../../src/profile/errors.js';
import { locateStack, parseSymbolLine } from '../../src/profile/legacy-symbols.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { Session } from '../../src/session.js';
import { profileProblem } from './decode-case.js';

/** Decodes a text profile: the profile or the ProfileError, and how long it took. */
function decodeText(text: string): { ms: number; error: ProfileError | null; problem: string | null; locations: number } {
  const start = performance.now();
  try {
    const p = parseProfile(new TextEncoder().encode(text));
    return { ms: performance.now() - start, error: null, problem: profileProblem(p, 'decoded'), locations: p.locations.count };
  } catch (err) {
    if (!(err instanceof ProfileError)) throw err;
    return { ms: performance.now() - start, error: err, problem: null, locations: 0 };
  }
}

const legacy = readFileSync('testdata/profiles/recurse.heap.txt', 'utf8');
const [header] = legacy.split('\n');
/** A record of `n` frames and its # lines, put after the first line of recurse.heap.txt. */
function withRecord(n: number, frame: (i: number) => string): string {
  const addresses = Array.from({ length: n }, (_, i) => `0x${(0x401001 + i).toString(16)}`).join(' ');
  const lines = Array.from({ length: n }, (_, i) => frame(i));
  return [header, `1: 4096 [1: 4096] @ ${addresses}`, ...lines, ...legacy.split('\n').slice(1)].join('\n');
}
const pc = (i: number) => `0x${(0x401000 + i).toString(16)}`;

describe('decoder fuzz finds', () => {
  it('seeds 1520830336 and 1022213144: a 100 kB line of digits took 10 s to refuse (a backtracking regexp); now milliseconds', () => {
    const lines = legacy.split('\n');
    lines.splice(211, 1, '1'.repeat(100_000));
    const result = decodeText(lines.join('\n'));
    // Past 64 KiB, as pprof's line scanner refuses it.
    expect(result.error?.message).toBe('parsing profile: bufio.Scanner: token too long');
    expect(result.ms).toBeLessThan(500);
    lines.splice(211, 1, '1'.repeat(60_000));
    const shorter = decodeText(lines.join('\n'));
    expect(shorter.error?.message).toBe('parsing profile: unexpected number of sample values: got 0, want 6');
    expect(shorter.ms).toBeLessThan(500);
  });

  // A record line of 20,000 addresses is past pprof's 64 KiB line (refused as pprof refuses it), so
  // these two call the matching of # lines to addresses directly, with the record they were found with.
  const record = (n: number, frame: (i: number) => string) => ({
    addresses: Array.from({ length: n }, (_, i) => BigInt(0x401000 + i)),
    frames: Array.from({ length: n }, (_, i) => parseSymbolLine(frame(i))!),
  });

  it('seed 1830870273: a record of 20,000 frames inlined into each other overflowed the stack (RangeError); now decodes', () => {
    const { addresses, frames } = record(20_000, (i) => `#\t${pc(i)}\t${i % 2 ? 'main.a' : 'main.b'}+0x${i.toString(16)}\t/x.go:${i}`);
    const start = performance.now();
    expect(locateStack(addresses, frames).length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('seed 4232776862: a record of 20,000 frames whose # lines match none of its addresses took 6 s (quadratic); now decodes at once', () => {
    const { addresses, frames } = record(20_000, (i) => `#\t${pc(i + 0x100000)}\tmain.f${i}+0x1\t/x.go:${i}`);
    const start = performance.now();
    expect(locateStack(addresses, frames)).toHaveLength(20_000);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('a record of 6,000 frames (what fits in 64 KiB) and its # lines decodes', () => {
    const result = decodeText(withRecord(6_000, (i) => `#\t${pc(i)}\t${i % 2 ? 'main.a' : 'main.b'}+0x${i.toString(16)}\t/x.go:${i}`));
    expect(result).toMatchObject({ error: null, problem: null });
    expect(result.ms).toBeLessThan(2000);
  });

  it("review of the fuzz invariants (finite values): a block far smaller than the rate unsamples to Go's int64(+Inf), -2^63, as in pprof", () => {
    const text =
      'heap profile: 1000000: 1 [1000000: 1] @ heap_v2/1000000000000000\n1000000: 1 [1000000: 1] @ 0x401001\n#\t0x401000\tmain.f+0x0\t/x.go:1\n';
    const p = parseProfile(new TextEncoder().encode(text));
    expect(Array.from(p.samples.values)).toEqual([-(2 ** 63), -(2 ** 63)]);
  });
});

describe('console fuzz finds', () => {
  const session = () => new Session(loadProfileFile('testdata/profiles/recurse.heap.txt'), { interactive: true });
  const run = (line: string) => {
    const s = session();
    const start = performance.now();
    const result = s.execute(line);
    return { ...result, ms: performance.now() - start };
  };

  it.each([
    ['seed 720606059', 'top (?:.*){30}Q'],
    ["the generator's list", 'top (.*)*Q'],
    ["the generator's list", 'top (?i)(.*)*Q'],
    ["the generator's list", 'top (x+x+)+y .*.*.*.*.*.*.*.*.*.*Q'],
  ])("%s: `%s` took over 10 s (a backtracking regexp, where Go's is linear); now at once", (_seed, line) => {
    const result = run(line);
    expect(result.err).toBe('Focus expression matched no samples\n');
    expect(result.failed).toBeFalsy();
    expect(result.ms).toBeLessThan(1000);
  });

  it.each([
    [
      'seed 3508066321 (the long run)',
      'traces -(.*)*Q -\\x{41}',
      'a count over 16 (`\\x{41}` is x{41} in JavaScript) kept V8 from its linear engine',
    ],
    ['triage of seed 3508066321', 'top (.*)*Q|\\p{L}', 'the `u` flag `\\p` needs kept V8 from its linear engine'],
  ])('%s: `%s` hung: %s; now at once', (_seed, line) => {
    const result = run(line);
    expect(result.failed).toBeFalsy();
    expect(result.ms).toBeLessThan(1000);
  });

  it("seed 2464473824: `a{99999}` was accepted, and with it a backtracking regexp ran for 130 s; now Go's error", () => {
    const result = run('tree a{99999} .*.*.*.*.*.*.*.*.*.*Q');
    expect(result).toMatchObject({ err: 'parsing focus regexp: error parsing regexp: invalid repeat count: `{99999}`\n', failed: true });
    expect(result.ms).toBeLessThan(1000);
  });

  it.each([
    ['seeds 2154224435 and 2331022882', 'list ', '.'.repeat(100_000)],
    ['seed 3302566889', 'peek ', '\\\\'.repeat(50_000)],
  ])(
    '%s: a 100 kB regexp answered with JavaScript\'s "Invalid regular expression: /.../: Regular expression too large"; now Go\'s words',
    (_seed, command, pattern) => {
      const result = run(command + pattern);
      expect(result).toMatchObject({
        err: `parsing argument regexp ${pattern}: error parsing regexp: expression too large: \`${pattern}\`\n`,
        failed: true,
      });
    },
  );
});
