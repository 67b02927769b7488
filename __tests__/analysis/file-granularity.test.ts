/**
 * At file granularity a frame has no function name, and pprof then tells frames apart by the
 * function's start line (and object file) as well: a file whose functions have start lines (Go
 * 1.20 on writes them) shows on several rows. Rows that tie on every value and name are ordered
 * by pprof's node identity as text, so start lines sort as text: 0, 10, 100, 2, 33, 9. The expected
 * peek below is what Go 1.19's pprof printed for the same profile, whatever order the samples came in.
 */
import { Session } from '../../src/session.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

process.env.TZ = 'UTC';

/** One sample per start line: a.go's function starting there, called from c<start>.go. */
function profile(starts: number[]) {
  return decodeSpec({
    sampleTypes: [['samples', 'count']],
    periodType: ['samples', 'count'],
    samples: starts.map((s, i) => ({
      stack: [{ lines: [{ fn: `f${i}`, file: 'a.go', startLine: s }] }, { lines: [{ fn: `g${i}`, file: `c${s}.go` }] }],
      values: [7],
    })),
  });
}

/** `command` at file granularity, as a one-shot report. */
function atFiles(starts: number[], command: string[]): string {
  const session = new Session(profile(starts), { interactive: false });
  session.execute('granularity=files');
  return session.executeCommand(command).out;
}

/** The callers peek lists for a.go's rows, in order. */
function callerOrder(starts: number[]): string[] {
  const out = atFiles(starts, ['peek', 'a.go']);
  return out
    .split('\n')
    .filter((l) => l.includes('|   c'))
    .map((l) => l.trim().split(/\s+/).pop()!);
}

describe('file granularity', () => {
  it("keeps a file apart by its functions' start lines", () => {
    const top = atFiles([9, 10, 100], ['top']);
    expect(top.split('\n').filter((l) => l.endsWith('  a.go'))).toHaveLength(3);
  });

  it('makes one row of functions without start lines', () => {
    const top = atFiles([0, 0, 0], ['top']);
    expect(top.split('\n').filter((l) => l.endsWith('  a.go'))).toEqual(['        21   100%   100%         21   100%  a.go']);
  });

  it.each([[[9, 10, 100, 2, 33, 0]], [[33, 2, 100, 0, 10, 9]]])('orders tied rows by start line as text (%j)', (starts) => {
    expect(callerOrder(starts)).toEqual(['c0.go', 'c10.go', 'c100.go', 'c2.go', 'c33.go', 'c9.go']);
  });
});
