/**
 * prune_from as Go 1.19's pprof applies it (each expected trace is what it printed for a profile
 * built the same way): each stack is cut below its leaf-most matching frame, and the regexp sees
 * names cut at their first `(`.
 */
import { nameBeforeParameters } from '../../src/analysis/filters/stack-filters.js';
import { Session } from '../../src/session.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

process.env.TZ = 'UTC';

/** The frames of each trace under `-prune_from=<re>`, leaf first. */
function prunedStacks(stacks: string[][], re: string): string[][] {
  const p = decodeSpec({
    sampleTypes: [['samples', 'count']],
    periodType: ['samples', 'count'],
    samples: stacks.map((stack) => ({ stack, values: [1] })),
  });
  const session = new Session(p, { interactive: false });
  session.execute(`prune_from=${re}`);
  const out = session.executeCommand(['traces']);
  const text = out.out + [...(out.rest ?? [])].join('');
  const blocks = text
    .split('-----------+-------------------------------------------------------\n')
    .slice(1)
    .filter((b) => b.trim() !== '');
  return blocks.map((block) =>
    block
      .trimEnd()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).pop()!),
  );
}

describe('prune_from', () => {
  it('keeps each stack from its leaf-most matching frame to the root', () => {
    expect(prunedStacks([['main.work', 'main.slow', 'main.main', 'runtime.main']], 'main')).toEqual([
      ['main.work', 'main.slow', 'main.main', 'runtime.main'],
    ]);
    expect(prunedStacks([['f.work', 'main.slow', 'main.main', 'runtime.main']], 'main')).toEqual([
      ['main.slow', 'main.main', 'runtime.main'],
    ]);
    expect(prunedStacks([['walk', 'walk', 'walk', 'grow']], 'walk')).toEqual([['walk', 'walk', 'walk', 'grow']]);
    expect(prunedStacks([['leaf', 'walk', 'walk', 'grow']], 'walk')).toEqual([['walk', 'walk', 'grow']]);
  });

  it('matches names cut at their first parenthesis, as pprof does', () => {
    expect(prunedStacks([['leaf', 'main.(*Forest).Grow', 'main.main']], 'Grow')).toEqual([['leaf', 'main.(*Forest).Grow', 'main.main']]);
    expect(prunedStacks([['leaf', 'main.(*Forest).Grow', 'main.main']], 'main\\.$')).toEqual([['main.(*Forest).Grow', 'main.main']]);
  });

  it.each([
    ['main.(*Forest).Grow', 'main.'],
    ['a::b(int)', 'a::b'],
    ['.foo(x)', 'foo'],
    ['(anonymous namespace)::f(int)', '(anonymous namespace)::f'],
    ['S::operator()(int)', 'S::operator()'],
    ['plain', 'plain'],
    ['(x)', ''],
  ])('%s is matched as %s', (name, seen) => {
    expect(nameBeforeParameters(name)).toBe(seen);
  });
});
