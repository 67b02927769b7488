import { parseLine } from '../../src/commands/parse.js';

const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];

/** The parse of a line, with the command spec reduced to its name so results compare as data. */
function parsed(line: string) {
  const result = parseLine(line, TYPES);
  return result.kind === 'command' ? { kind: 'command', name: result.command.name, args: result.args } : result;
}

const cmd = (name: string, overrides = {}, argument: string | null = null, output: string | null = null) => ({
  kind: 'command',
  name,
  args: { overrides, argument, output },
});
const set = (...pairs: [string, string, boolean?][]) => ({
  kind: 'assign',
  assignments: pairs.map(([name, value, bare = false]) => ({ name, value, bare })),
});
const error = (message: string) => ({ kind: 'error', message });

describe("parseLine reads pprof's console grammar", () => {
  it.each([
    ['', { kind: 'nothing' }],
    ['   ', { kind: 'nothing' }],
    ['top', cmd('top')],
    ['top10', cmd('top', { nodecount: 10 })],
    ['  top10  ', cmd('top', { nodecount: 10 })],
    ['text3', cmd('text', { nodecount: 3 })],
    ['top 3 main -cum', cmd('top', { nodecount: 3, sort: 'cum', focus: 'main' })],
    ['top20 -cum foo -bar', cmd('top', { nodecount: 20, sort: 'cum', focus: 'foo', ignore: 'bar' })],
    ['top foo bar -x -y', cmd('top', { focus: 'foo|bar', ignore: 'x|y' })],
    ['top -5', cmd('top', { nodecount: -5 })],
    // pprof joins only non-empty pieces: a bare `-` leaves the session's ignore as it is.
    ['top -', cmd('top')],
    ['top - -x -', cmd('top', { ignore: 'x' })],
    ['top --cum', cmd('top', { sort: 'cum' })],
    ['top 99999999999', cmd('top', { focus: '99999999999' })],
    ['top >out.txt', cmd('top', {}, null, 'out.txt')],
    ['top 5 > out.txt', cmd('top', { nodecount: 5 }, null, 'out.txt')],
    ['top >', error('unexpected end of line after >')],
    ['top10x', error('unrecognized command: "top10x"')],
    ['top=5', error('unrecognized command: "top="')],
    ['foo', error('unrecognized command: "foo"')],
    ['nodecount 5', error('did you mean: nodecount=5')],
    ['cum 1', error('did you mean: cum=1')],
    ['raw main', cmd('raw', { focus: 'main' })],
    ['help', cmd('help')],
    ['help top', cmd('help', {}, 'top')],
    ['o', cmd('o')],
    ['quit', cmd('quit')],
    ['nodecount=3', set(['nodecount', '3'])],
    ['sample_index = alloc_objects', set(['sample_index', 'alloc_objects'])],
    ['focus=a=b', set(['focus', 'a=b'])],
    ['nodefraction', set(['nodefraction', '', true])],
    ['noinlines', set(['noinlines', '', true])],
    ['cum', set(['cum', '', true])],
    ['cum=true', set(['cum', 'true'])],
    ['alloc_space', set(['sample_index', 'alloc_space'])],
    ['mean_alloc_space', set(['mean', 'true'], ['sample_index', 'alloc_space'])],
    ['total_inuse_objects', set(['mean', 'false'], ['sample_index', 'inuse_objects'])],
    [':', set(['focus', ''], ['ignore', ''], ['hide', ''], ['tagfocus', ''], ['tagignore', ''])],
  ])('%j', (line, expected) => {
    expect(parsed(line)).toEqual(expected);
  });
});
