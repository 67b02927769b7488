import { completeLine, type CompletionContext } from '../../src/commands/complete.js';
import { OPTION_NAMES } from '../../src/commands/options.js';
import { COMMANDS } from '../../src/commands/table.js';

/** Sample types of Go's heap profiles. */
const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];

/** Function names from the bundled profiles (leakybuf and recurse), sorted as the analysis gives them. */
const NAMES = [
  'bytes.(*Buffer).Write',
  'bytes.(*Buffer).grow',
  'bytes.growSlice',
  'main.(*Forest).Grow',
  'main.(*Forest).Grow.func1',
  'main.Forest.Snapshot',
  'main.GetLargeData',
  'main.growBuf',
  'main.indexRows',
  'main.main',
  'runtime.main',
  'strings.(*Builder).grow',
  'sync.(*Once).Do',
  'sync.(*Pool).Get',
  'sync.(*Pool).pin',
  'sync.(*Pool).pinSlow',
];

/** Files the fake `listPaths` knows; directories end with '/'. */
const PATHS = ['out.txt', 'out/', 'profiles/'];

/**
 * What an empty first word lists: the command table, the option specs and the sample types,
 * sorted (the tables grow as commands are added, so this list is read from them).
 */
const EVERY_FIRST_WORD = [...[...COMMANDS.values()].filter((c) => c.kind !== 'missing').map((c) => c.name), ...OPTION_NAMES, ...TYPES].sort();

const CTX: CompletionContext = {
  sampleTypes: TYPES,
  functionNames: () => NAMES,
  listPaths: (partial) => PATHS.filter((p) => p.startsWith(partial)),
};

/**
 * Completes a line written with '|' at the cursor ('to|p': cursor 2) and gives the result in the
 * same form, with the candidates listed.
 */
function complete(marked: string, ctx: CompletionContext = CTX): [string, readonly string[]] {
  const cursor = marked.indexOf('|');
  const line = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const done = completeLine(line, cursor, ctx);
  return [done.line.slice(0, done.cursor) + '|' + done.line.slice(done.cursor), done.candidates];
}

describe('completeLine: the first word (commands, options, sample types)', () => {
  it('lists every command, option and sample type, sorted, on an empty line', () => {
    const [line, candidates] = complete('|');
    expect(line).toBe('|');
    expect(candidates).toEqual(EVERY_FIRST_WORD);
    expect(candidates).toEqual(expect.arrayContaining(['top', 'text', 'raw', 'help', 'quit', 'sample_index', 'nodecount', 'sort', 'inuse_space']));
    expect(candidates.length).toBe(EVERY_FIRST_WORD.length);
  });

  it.each<[string, string, string[]]>([
    // A unique command gets a space, ready for its arguments.
    ['to|', 'top |', []],
    ['top|', 'top |', []],
    ['tex|', 'text |', []],
    ['ra|', 'raw |', []],
    ['he|', 'help |', []],
    ['qu|', 'quit |', []],
    ['  to|', '  top |', []],
    // A unique option gets '=', ready for its value.
    ['nodec|', 'nodecount=|', []],
    ['sa|', 'sample_index=|', []],
    ['sor|', 'sort=|', []],
    ['gra|', 'granularity=|', []],
    ['ig|', 'ignore=|', []],
    ['comp|', 'compact_labels=|', []],
    ['tagf|', 'tagfocus=|', []],
    ['show_|', 'show_from=|', []],
    // A sample type is a line of its own (a shortcut for sample_index=).
    ['inuse_s|', 'inuse_space |', []],
    ['alloc_o|', 'alloc_objects |', []],
    // Several: the common prefix, and the candidates listed.
    ['tr|', 'tr|', ['traces', 'tree', 'trim', 'trim_path']],
    ['tag|', 'tag|', ['tagfocus', 'taghide', 'tagignore', 'tagleaf', 'tagroot', 'tags', 'tagshow']],
    ['tags|', 'tags|', ['tags', 'tagshow']],
    ['so|', 'so|', ['sort', 'source_path']],
    ['n|', 'no|', ['nodecount', 'nodefraction', 'noinlines', 'normalize']],
    ['node|', 'node|', ['nodecount', 'nodefraction']],
    ['al|', 'alloc_|', ['alloc_objects', 'alloc_space']],
    ['d|', 'd|', ['divide_by', 'drop_negative']],
    ['e|', 'e|', ['edgefraction', 'exit']],
    ['i|', 'i|', ['ignore', 'intel_syntax', 'inuse_objects', 'inuse_space']],
    ['in|', 'in|', ['intel_syntax', 'inuse_objects', 'inuse_space']],
    ['inu|', 'inuse_|', ['inuse_objects', 'inuse_space']],
    ['inuse_|', 'inuse_|', ['inuse_objects', 'inuse_space']],
    ['q|', 'q|', ['q', 'quit']],
    ['o|', 'o|', ['o', 'options', 'output']],
    ['opt|', 'options |', []],
    // Nothing matches: unchanged.
    ['x|', 'x|', []],
    ['topx|', 'topx|', []],
    ['TOP|', 'TOP|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });

  it('does not ask for the function names to complete a command', () => {
    let calls = 0;
    const counting: CompletionContext = { ...CTX, functionNames: () => (calls++, NAMES) };
    expect(complete('to|', counting)).toEqual(['top |', []]);
    expect(complete('sort=c|', counting)).toEqual(['sort=cum|', []]);
    expect(calls).toBe(0);
  });
});

describe('completeLine: option values after name=', () => {
  it.each<[string, string, string[]]>([
    // sample_index: the profile's sample types.
    ['sample_index=|', 'sample_index=|', TYPES],
    ['sample_index=al|', 'sample_index=alloc_|', ['alloc_objects', 'alloc_space']],
    ['sample_index=inuse_s|', 'sample_index=inuse_space|', []],
    ['sample_index = inuse_o|', 'sample_index = inuse_objects|', []],
    ['sample_index=x|', 'sample_index=x|', []],
    // Choices.
    ['sort=|', 'sort=|', ['cum', 'flat']],
    ['sort=c|', 'sort=cum|', []],
    ['sort=f|', 'sort=flat|', []],
    ['granularity=|', 'granularity=|', ['addresses', 'filefunctions', 'files', 'functions', 'lines']],
    ['granularity=f|', 'granularity=f|', ['filefunctions', 'files', 'functions']],
    ['granularity=fil|', 'granularity=file|', ['filefunctions', 'files']],
    ['granularity=a|', 'granularity=addresses|', []],
    ['granularity=l|', 'granularity=lines|', []],
    ['granularity=x|', 'granularity=x|', []],
    // Bools.
    ['trim=|', 'trim=|', ['false', 'true']],
    ['trim=t|', 'trim=true|', []],
    ['noinlines=f|', 'noinlines=false|', []],
    ['mean=|', 'mean=|', ['false', 'true']],
    ['drop_negative=tr|', 'drop_negative=true|', []],
    ['compact_labels=fa|', 'compact_labels=false|', []],
    ['relative_percentages=t|', 'relative_percentages=true|', []],
    // Label regexps are not function names.
    ['tagfocus=GetL|', 'tagfocus=GetL|', []],
    // Numbers and free text: nothing to offer.
    ['nodecount=|', 'nodecount=|', []],
    ['nodecount=5|', 'nodecount=5|', []],
    ['nodefraction=0.|', 'nodefraction=0.|', []],
    ['divide_by=|', 'divide_by=|', []],
    ['unit=|', 'unit=|', []],
    ['unit=k|', 'unit=k|', []],
    // Not an option: nothing.
    ['cum=|', 'cum=|', []],
    ['bogus=t|', 'bogus=t|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });
});

describe('completeLine: function names (focus=, ignore=, report arguments)', () => {
  it.each<[string, string, string[]]>([
    // A substring of one name: that name, with regexp metacharacters escaped.
    ['focus=Snapshot|', 'focus=main.Forest.Snapshot|', []],
    ['focus=Grow.f|', 'focus=main.\\(\\*Forest\\).Grow.func1|', []],
    ['focus=Builder|', 'focus=strings.\\(\\*Builder\\).grow|', []],
    ['focus=GetL|', 'focus=main.GetLargeData|', []],
    ['ignore=growB|', 'ignore=main.growBuf|', []],
    ['focus = Snap|', 'focus = main.Forest.Snapshot|', []],
    ['hide=GetL|', 'hide=main.GetLargeData|', []],
    ['show=Grow.f|', 'show=main.\\(\\*Forest\\).Grow.func1|', []],
    ['show_from=Snap|', 'show_from=main.Forest.Snapshot|', []],
    ['prune_from=growS|', 'prune_from=bytes.growSlice|', []],
    // Several names: their common prefix when the typed text starts it...
    ['focus=sync.|', 'focus=sync.\\(\\*|', ['sync.\\(\\*Once\\).Do', 'sync.\\(\\*Pool\\).Get', 'sync.\\(\\*Pool\\).pin', 'sync.\\(\\*Pool\\).pinSlow']],
    ['focus=bytes.|', 'focus=bytes.|', ['bytes.\\(\\*Buffer\\).Write', 'bytes.\\(\\*Buffer\\).grow', 'bytes.growSlice']],
    // ... else the typed text stays, and the names are listed.
    ['focus=(*Forest).Grow|', 'focus=(*Forest).Grow|', ['main.\\(\\*Forest\\).Grow', 'main.\\(\\*Forest\\).Grow.func1']],
    ['focus=Pool|', 'focus=Pool|', ['sync.\\(\\*Pool\\).Get', 'sync.\\(\\*Pool\\).pin', 'sync.\\(\\*Pool\\).pinSlow']],
    ['ignore=.main|', 'ignore=.main|', ['main.main', 'runtime.main']],
    ['focus=zzz|', 'focus=zzz|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });

  it('lists every name, escaped, after an empty focus=', () => {
    const [line, candidates] = complete('focus=|');
    expect(line).toBe('focus=|');
    expect(candidates).toEqual(NAMES.map((n) => n.replace(/[()*]/g, '\\$&')));
  });

  it.each<[string, string, string[]]>([
    ['top GetL|', 'top main.GetLargeData|', []],
    ['text GetL|', 'text main.GetLargeData|', []],
    ['raw GetL|', 'raw main.GetLargeData|', []],
    ['top Grow.func|', 'top main.\\(\\*Forest\\).Grow.func1|', []],
    ['top 5 -cum Snap|', 'top 5 -cum main.Forest.Snapshot|', []],
    ['top main.main  Snap|', 'top main.main  main.Forest.Snapshot|', []],
    // '-' (ignore) stays in front of the name.
    ['top -GetL|', 'top -main.GetLargeData|', []],
    ['top -Grow.f|', 'top -main.\\(\\*Forest\\).Grow.func1|', []],
    ['top -(*Forest).Grow|', 'top -(*Forest).Grow|', ['main.\\(\\*Forest\\).Grow', 'main.\\(\\*Forest\\).Grow.func1']],
    ['top -sync.|', 'top -sync.\\(\\*|', ['sync.\\(\\*Once\\).Do', 'sync.\\(\\*Pool\\).Get', 'sync.\\(\\*Pool\\).pin', 'sync.\\(\\*Pool\\).pinSlow']],
    ['top zzz|', 'top zzz|', []],
    ['top -zzz|', 'top -zzz|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });

  it('lists every name after a report command and a space', () => {
    const [line, candidates] = complete('top |');
    expect(line).toBe('top |');
    expect(candidates.length).toBe(NAMES.length);
    expect(candidates[3]).toBe('main.\\(\\*Forest\\).Grow');
  });

  // Names are inserted escaped; completion goes on from such a word (it is unescaped to match).
  it('continues from an escaped prefix it inserted itself', () => {
    expect(complete('top sync.\\(\\*P|')).toEqual([
      'top sync.\\(\\*Pool\\).|',
      ['sync.\\(\\*Pool\\).Get', 'sync.\\(\\*Pool\\).pin', 'sync.\\(\\*Pool\\).pinSlow'],
    ]);
  });

  // After `top10` (top with nodecount 10) function names complete as after `top`.
  it('completes function names after a report command with a count (top10)', () => {
    expect(complete('top10 GetL|')).toEqual(['top10 main.GetLargeData|', []]);
  });
});

describe('completeLine: help topics', () => {
  it.each<[string, string, string[]]>([
    ['help to|', 'help top|', []],
    ['help sa|', 'help sample_index|', []],
    ['help gra|', 'help granularity|', []],
    ['help no|', 'help no|', ['nodecount', 'nodefraction', 'noinlines', 'normalize']],
    ['help q|', 'help q|', ['q', 'quit']],
    ['help tr|', 'help tr|', ['traces', 'tree', 'trim', 'trim_path']],
    ['help tagf|', 'help tagfocus|', []],
    // Sample types and function names are not help topics.
    ['help alloc|', 'help alloc|', []],
    ['help GetL|', 'help GetL|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });
});

describe('completeLine: >file', () => {
  it.each<[string, string, string[]]>([
    ['top >|', 'top >|', PATHS],
    ['top >ou|', 'top >out|', ['out.txt', 'out/']],
    ['top >out.|', 'top >out.txt|', []],
    ['top >pro|', 'top >profiles/|', []],
    ['top 5 -cum >o|', 'top 5 -cum >out|', ['out.txt', 'out/']],
    ['raw >out.|', 'raw >out.txt|', []],
    ['top >x|', 'top >x|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });

  it('asks listPaths for the text after >', () => {
    const asked: string[] = [];
    const ctx: CompletionContext = { ...CTX, listPaths: (p) => (asked.push(p), []) };
    complete('top >profiles/le|', ctx);
    expect(asked).toEqual(['profiles/le']);
  });

  it('completes no path without a listPaths', () => {
    const { listPaths: _unused, ...withoutPaths } = CTX;
    expect(complete('top >ou|', withoutPaths)).toEqual(['top >ou|', []]);
  });

  // A path completes after `>` whether or not a space follows it.
  it('completes a path after a separate >', () => {
    expect(complete('top > out.|')).toEqual(['top > out.txt|', []]);
  });
});

describe('completeLine: the cursor inside the line', () => {
  it.each<[string, string, string[]]>([
    ['to| -cum', 'top | -cum', []],
    ['to|5', 'top |5', []],
    ['top GetL| -cum', 'top main.GetLargeData| -cum', []],
    ['top GetL|arge -cum', 'top main.GetLargeData|arge -cum', []],
    ['top Snap| >out.txt', 'top main.Forest.Snapshot| >out.txt', []],
    ['sort=c|um', 'sort=cum|um', []],
    ['node| -cum', 'node| -cum', ['nodecount', 'nodefraction']],
    ['|top', '|top', EVERY_FIRST_WORD],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });

  // A unique option gets no second '=' when one follows the cursor.
  it('does not add a second = before the one after the cursor', () => {
    expect(complete('sor|=cum')).toEqual(['sort|=cum', []]);
  });
});

describe('completeLine: nothing to complete', () => {
  it.each([['o |'], ['quit |'], ['options x|'], ['foo ba|'], ['nodecount=5|'], ['sort=cum|']])(
    '%j stays as it is',
    (marked) => {
      expect(complete(marked)).toEqual([marked, []]);
    },
  );
});
