import { compileGoRegex } from '../../src/go/regex.js';
import { scaleValue } from '../../src/analysis/values/units.js';
import { completeLine, type CompletionContext } from '../../src/commands/complete.js';
import { OPTION_NAMES } from '../../src/analysis/options.js';
import { parseLine } from '../../src/commands/parse.js';
import { COMMANDS } from '../../src/commands/table.js';

/** Sample types of Go's heap profiles. */
const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];

/**
 * Function names from the bundled profiles (leakybuf and recurse), sorted as the analysis gives
 * them, plus names with more regexp characters: Go generics (`[`, `]`, and a space and braces in
 * `interface {}`) and a JavaScript name with `$` (Node profiles).
 */
const NAMES = [
  'bytes.(*Buffer).Write',
  'bytes.(*Buffer).grow',
  'bytes.growSlice',
  'lib.$init',
  'main.(*Cache[go.shape.string_0]).Put',
  'main.(*Forest).Grow',
  'main.(*Forest).Grow.func1',
  'main.Forest.Snapshot',
  'main.GetLargeData',
  'main.Map[go.shape.int_0].Get',
  'main.growBuf',
  'main.indexRows',
  'main.main',
  'runtime.main',
  'strings.(*Builder).grow',
  'sync.(*Once).Do',
  'sync.(*Pool).Get',
  'sync.(*Pool).pin',
  'sync.(*Pool).pinSlow',
  'type..eq.[2]interface {}',
];

/** Label keys: Go heap profiles' numeric `bytes`, and string labels a program set. */
const KEYS = ['bytes', 'handler', 'request_id'];

/** Files the fake `listPaths` knows; directories end with '/'. */
const PATHS = ['out.txt', 'out/', 'profiles/'];

/** The commands completion offers: the table's, less pprof's that heapcli lacks (`web`, `svg`, ...). */
const OFFERED_COMMANDS = [...COMMANDS.values()].filter((c) => c.kind !== 'missing').map((c) => c.name);

/**
 * What an empty first word lists: the command table, the option specs and the sample types,
 * sorted (the tables grow as commands are added, so this list is read from them).
 */
const EVERY_FIRST_WORD = [...OFFERED_COMMANDS, ...OPTION_NAMES, ...TYPES].sort();

const CTX: CompletionContext = {
  sampleTypes: TYPES,
  sampleUnits: ['count', 'bytes', 'count', 'bytes'],
  labelKeys: KEYS,
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

/** What each listed candidate would put on the line (`insertions`), after completing `marked`. */
function insertions(marked: string, ctx: CompletionContext = CTX): readonly string[] {
  const cursor = marked.indexOf('|');
  return completeLine(marked.slice(0, cursor) + marked.slice(cursor + 1), cursor, ctx).insertions;
}

/** Go regexp metacharacters (but '.') escaped, as completion inserts a name after `name=`. */
const escaped = (name: string) => name.replace(/[\\^$*+?()[\]{}|]/g, '\\$&');

describe('completeLine: the first word (commands, options, sample types)', () => {
  it('lists every command, option and sample type, sorted, on an empty line', () => {
    const [line, candidates] = complete('|');
    expect(line).toBe('|');
    expect(candidates).toEqual(EVERY_FIRST_WORD);
    expect(candidates).toEqual(
      expect.arrayContaining(['top', 'text', 'raw', 'help', 'quit', 'sample_index', 'nodecount', 'sort', 'inuse_space']),
    );
    expect(candidates.length).toBe(OFFERED_COMMANDS.length + OPTION_NAMES.length + TYPES.length);
  });

  it('offers the graph and export commands', () => {
    const [, candidates] = complete('|');
    for (const name of ['web', 'svg', 'dot', 'png', 'weblist', 'disasm', 'callgrind', 'kcachegrind', 'topproto'])
      expect(candidates).toContain(name);
    // weblist extends web: `we` completes to web, typing on reaches weblist.
    expect(complete('we|')).toEqual(['web |', []]);
    expect(complete('webl|')).toEqual(['weblist |', []]);
    expect(complete('p|')).toEqual(['p|', ['pdf', 'peek', 'png', 'proto', 'prune_from', 'ps']]);
  });

  // topproto extends top: `to` still completes to `top`, and typing on reaches topproto.
  it('offers the file reports (proto, topproto, callgrind, kcachegrind) without shadowing top', () => {
    expect(complete('to|')).toEqual(['top |', []]);
    expect(complete('topp|')).toEqual(['topproto |', []]);
    expect(complete('help topp|')).toEqual(['help topproto|', []]);
    expect(complete('k|')).toEqual(['kcachegrind |', []]);
    expect(complete('callg|')).toEqual(['callgrind |', []]);
    expect(complete('|')[1]).toEqual(expect.arrayContaining(['proto', 'topproto', 'callgrind', 'kcachegrind']));
  });

  it('gives the text each candidate inserts: options with "=", commands and sample types with a space', () => {
    expect(complete('o|')).toEqual(['o|', ['o', 'options', 'output']]);
    expect(insertions('o|')).toEqual(['o ', 'options ', 'output=']);
    expect(insertions('al|')).toEqual(['alloc_objects ', 'alloc_space ']);
    expect(insertions('no|=1')).toEqual(['nodecount', 'nodefraction', 'noinlines', 'normalize']);
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
    ['d|', 'd|', ['disasm', 'divide_by', 'dot', 'drop_negative']],
    ['e|', 'e|', ['edgefraction', 'eog', 'evince', 'exit']],
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
    ['tagshow=GetL|', 'tagshow=GetL|', []],
    // Numbers and free text: nothing to offer.
    ['nodecount=|', 'nodecount=|', []],
    ['nodecount=5|', 'nodecount=5|', []],
    ['nodefraction=0.|', 'nodefraction=0.|', []],
    ['divide_by=|', 'divide_by=|', []],
    // Not an option: nothing.
    ['cum=|', 'cum=|', []],
    ['bogus=t|', 'bogus=t|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });
});

describe('completeLine: unit= offers what the unit option understands', () => {
  const MEMORY = ['b', 'kb', 'mb', 'gb', 'tb', 'pb'];
  const TIME = ['ns', 'us', 'ms', 's', 'hr'];
  it.each<[string, string, string[]]>([
    ['unit=|', 'unit=|', ['minimum', 'auto', ...MEMORY]],
    ['unit=m|', 'unit=m|', ['minimum', 'mb']],
    ['unit=mi|', 'unit=minimum|', []],
    ['unit=a|', 'unit=auto|', []],
    ['unit=k|', 'unit=kb|', []],
    ['unit=g|', 'unit=gb|', []],
    ['unit = p|', 'unit = pb|', []],
    ['unit=x|', 'unit=x|', []],
    ['unit=KB|', 'unit=KB|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });

  it('offers each family among the sample types, in profile order; counts add none', () => {
    const units = (sampleUnits: string[]) => complete('unit=|', { ...CTX, sampleUnits })[1];
    expect(units(['count'])).toEqual(['minimum', 'auto']);
    expect(units(['nanoseconds', 'count'])).toEqual(['minimum', 'auto', ...TIME]);
    expect(units(['contentions', 'nanoseconds', 'bytes'])).toEqual(['minimum', 'auto', ...TIME, ...MEMORY]);
    expect(units(['bytes', 'bytes'])).toEqual(['minimum', 'auto', ...MEMORY]);
  });

  it('offers the memory units when the caller gives no sample units (a heap profile)', () => {
    const { sampleUnits: _unused, ...withoutUnits } = CTX;
    expect(complete('unit=|', withoutUnits)[1]).toEqual(['minimum', 'auto', ...MEMORY]);
  });

  // Each offered spelling converts to its unit: none falls back to the family's default.
  it.each<[string, string, string]>([
    ...MEMORY.map((u): [string, string, string] => ['bytes', u, u]),
    ['nanoseconds', 'ns', 'ns'],
    ['nanoseconds', 'us', 'us'],
    ['nanoseconds', 'ms', 'ms'],
    ['nanoseconds', 's', 's'],
    ['nanoseconds', 'hr', 'hrs'],
  ])('%s: unit=%s prints %s', (sampleUnit, unit, shown) => {
    expect(scaleValue(1, sampleUnit, unit).unit.toLowerCase()).toBe(shown);
  });
});

describe('completeLine: label keys (tagfocus=, tagshow=, tagroot=, tags)', () => {
  it.each<[string, string, string[]]>([
    // tagfocus/tagignore: a key and its '=' (then a regexp or a range).
    ['tagfocus=|', 'tagfocus=|', ['bytes=', 'handler=', 'request_id=']],
    ['tagfocus=b|', 'tagfocus=bytes=|', []],
    ['tagignore=h|', 'tagignore=handler=|', []],
    ['tagfocus=bytes=|', 'tagfocus=bytes=|', []],
    ['tagfocus=bytes=64|', 'tagfocus=bytes=64|', []],
    ['tagfocus=64kb:,b|', 'tagfocus=64kb:,b|', []],
    // tagshow/taghide: regexps over keys, so keys by substring.
    ['tagshow=|', 'tagshow=|', KEYS],
    ['tagshow=and|', 'tagshow=handler|', []],
    ['taghide=re|', 'taghide=request_id|', []],
    // tagroot/tagleaf: a comma-separated list of keys; the last one completes.
    ['tagroot=|', 'tagroot=|', KEYS],
    ['tagroot=h|', 'tagroot=handler|', []],
    ['tagleaf=bytes,r|', 'tagleaf=bytes,request_id|', []],
    ['tagleaf=bytes, r|', 'tagleaf=bytes, request_id|', []],
    ['tagroot=handler,|', 'tagroot=handler,|', KEYS],
    // tags: its arguments become tagfocus (and -re tagignore).
    ['tags |', 'tags |', ['bytes=', 'handler=', 'request_id=']],
    ['tags h|', 'tags handler=|', []],
    ['tags -b|', 'tags -bytes=|', []],
    ['tags bytes=64kb:|', 'tags bytes=64kb:|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });

  it('offers no keys when the caller gives none', () => {
    const { labelKeys: _unused, ...withoutKeys } = CTX;
    expect(complete('tagroot=|', withoutKeys)).toEqual(['tagroot=|', []]);
    expect(complete('tags |', withoutKeys)).toEqual(['tags |', []]);
  });
});

describe('completeLine: paths after output= and source_path=', () => {
  it.each<[string, string, string[]]>([
    ['output=|', 'output=|', PATHS],
    ['output=out.|', 'output=out.txt|', []],
    ['output=pr|', 'output=profiles/|', []],
    // source_path is a :-separated list of folders: the last one completes, folders only.
    ['source_path=|', 'source_path=|', ['out/', 'profiles/']],
    ['source_path=o|', 'source_path=out/|', []],
    ['source_path=out/:pr|', 'source_path=out/:profiles/|', []],
    // trim_path holds prefixes of the profile's file names, not of local ones.
    ['trim_path=o|', 'trim_path=o|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
  });
});

describe('completeLine: function names (focus=, ignore=, report arguments)', () => {
  // A unique match is inserted escaped, so the line means that name; nothing is listed.
  it.each<[string, string]>([
    ['focus=Snapshot|', 'focus=main.Forest.Snapshot|'],
    ['focus=Grow.f|', 'focus=main.\\(\\*Forest\\).Grow.func1|'],
    ['focus=Builder|', 'focus=strings.\\(\\*Builder\\).grow|'],
    ['focus=GetL|', 'focus=main.GetLargeData|'],
    ['ignore=growB|', 'ignore=main.growBuf|'],
    ['focus = Snap|', 'focus = main.Forest.Snapshot|'],
    ['hide=GetL|', 'hide=main.GetLargeData|'],
    ['show=Grow.f|', 'show=main.\\(\\*Forest\\).Grow.func1|'],
    ['show_from=Snap|', 'show_from=main.Forest.Snapshot|'],
    ['prune_from=growS|', 'prune_from=bytes.growSlice|'],
    // '(', '*', '[', ']', '$', '{', '}' are escaped; '.' stays (it matches itself) and so does a space after name=.
    ['focus=Cache|', 'focus=main.\\(\\*Cache\\[go.shape.string_0\\]\\).Put|'],
    ['focus=Map[|', 'focus=main.Map\\[go.shape.int_0\\].Get|'],
    ['focus=$|', 'focus=lib.\\$init|'],
    ['focus=interface|', 'focus=type..eq.\\[2\\]interface \\{\\}|'],
  ])('%j -> %j', (before, after) => {
    expect(complete(before)).toEqual([after, []]);
  });

  it.each<[string, string, string[]]>([
    // Several names: their common prefix (escaped) when it extends the typed text...
    ['focus=sync.|', 'focus=sync.\\(\\*|', ['sync.(*Once).Do', 'sync.(*Pool).Get', 'sync.(*Pool).pin', 'sync.(*Pool).pinSlow']],
    ['focus=main.(|', 'focus=main.\\(\\*|', ['main.(*Cache[go.shape.string_0]).Put', 'main.(*Forest).Grow', 'main.(*Forest).Grow.func1']],
    ['focus=bytes.|', 'focus=bytes.|', ['bytes.(*Buffer).Write', 'bytes.(*Buffer).grow', 'bytes.growSlice']],
    // ... else the typed text stays, and the names are listed as written.
    ['focus=(*Forest).Grow|', 'focus=(*Forest).Grow|', ['main.(*Forest).Grow', 'main.(*Forest).Grow.func1']],
    ['focus=Pool|', 'focus=Pool|', ['sync.(*Pool).Get', 'sync.(*Pool).pin', 'sync.(*Pool).pinSlow']],
    ['focus=go.shape|', 'focus=go.shape|', ['main.(*Cache[go.shape.string_0]).Put', 'main.Map[go.shape.int_0].Get']],
    ['ignore=.main|', 'ignore=.main|', ['main.main', 'runtime.main']],
    ['focus=zzz|', 'focus=zzz|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
    expect(insertions(before)).toEqual(candidates.map(escaped));
  });

  it('lists every name as written after an empty focus=, each inserting its escaped form', () => {
    const [line, candidates] = complete('focus=|');
    expect(line).toBe('focus=|');
    expect(candidates).toEqual(NAMES);
    expect(insertions('focus=|')).toEqual(NAMES.map(escaped));
    expect(insertions('focus=|')).toContain('main.\\(\\*Cache\\[go.shape.string_0\\]\\).Put');
  });

  // The inserted text is a Go regexp that matches the name it stands for.
  it.each(NAMES)('the insertion for %j matches that name, after name= and in report arguments', (name) => {
    const [afterEq] = insertions('focus=|').filter((_, i) => NAMES[i] === name);
    expect(compileGoRegex(afterEq).test(name)).toBe(true);
    const [inArgs] = insertions('top |').filter((_, i) => NAMES[i] === name);
    const parsed = parseLine(`top ${inArgs} -cum`, TYPES);
    expect(parsed.kind === 'command' && parsed.args.overrides).toEqual({ focus: inArgs, sort: 'cum' });
    expect(compileGoRegex(inArgs).test(name)).toBe(true);
  });

  // A common prefix is taken over the names as written, then escaped: never `f\` from `f\(` and `f\[`.
  it('never ends the inserted prefix in the middle of an escape', () => {
    const ctx: CompletionContext = { ...CTX, functionNames: () => ['pkg.f(a)', 'pkg.f[a]'] };
    expect(complete('focus=pkg|', ctx)).toEqual(['focus=pkg.f|', ['pkg.f(a)', 'pkg.f[a]']]);
    expect(insertions('focus=pkg|', ctx)).toEqual(['pkg.f\\(a\\)', 'pkg.f\\[a\\]']);
  });

  it.each<[string, string, string[]]>([
    ['top GetL|', 'top main.GetLargeData|', []],
    ['text GetL|', 'text main.GetLargeData|', []],
    ['raw GetL|', 'raw main.GetLargeData|', []],
    ['list GetL|', 'list main.GetLargeData|', []],
    ['peek Grow.f|', 'peek main.\\(\\*Forest\\).Grow.func1|', []],
    ['traces Snap|', 'traces main.Forest.Snapshot|', []],
    ['top Grow.func|', 'top main.\\(\\*Forest\\).Grow.func1|', []],
    ['top 5 -cum Snap|', 'top 5 -cum main.Forest.Snapshot|', []],
    ['top main.main  Snap|', 'top main.main  main.Forest.Snapshot|', []],
    // Report arguments split at spaces, so a space in a name is written \x20.
    ['top interface|', 'top type..eq.\\[2\\]interface\\x20\\{\\}|', []],
    ['top Map|', 'top main.Map\\[go.shape.int_0\\].Get|', []],
    // '-' (ignore) stays in front of the name.
    ['top -GetL|', 'top -main.GetLargeData|', []],
    ['top -Grow.f|', 'top -main.\\(\\*Forest\\).Grow.func1|', []],
    ['top -$i|', 'top -lib.\\$init|', []],
    ['top -(*Forest).Grow|', 'top -(*Forest).Grow|', ['main.(*Forest).Grow', 'main.(*Forest).Grow.func1']],
    ['top -sync.|', 'top -sync.\\(\\*|', ['sync.(*Once).Do', 'sync.(*Pool).Get', 'sync.(*Pool).pin', 'sync.(*Pool).pinSlow']],
    ['top zzz|', 'top zzz|', []],
    ['top -zzz|', 'top -zzz|', []],
    // comments takes no regexps; tags takes label regexps (below): no function names.
    ['comments GetL|', 'comments GetL|', []],
    ['tags GetL|', 'tags GetL|', []],
  ])('%j -> %j %j', (before, after, candidates) => {
    expect(complete(before)).toEqual([after, candidates]);
    expect(insertions(before)).toEqual(candidates.map(escaped));
  });

  it('lists every name after a report command and a space, inserting spaces as \\x20', () => {
    const [line, candidates] = complete('top |');
    expect(line).toBe('top |');
    expect(candidates).toEqual(NAMES);
    expect(insertions('top |')[NAMES.length - 1]).toBe('type..eq.\\[2\\]interface\\x20\\{\\}');
  });

  it('says where the completed word starts, after a leading -', () => {
    const done = completeLine('top -Pool', 9, CTX);
    expect(done.replaceFrom).toBe(5);
    expect(done.line.slice(0, done.replaceFrom) + done.insertions[0]).toBe('top -sync.\\(\\*Pool\\).Get');
  });

  // Names are inserted escaped; completion goes on from such a word (it is unescaped to match).
  it('continues from an escaped prefix it inserted itself', () => {
    expect(complete('top sync.\\(\\*P|')).toEqual([
      'top sync.\\(\\*Pool\\).|',
      ['sync.(*Pool).Get', 'sync.(*Pool).pin', 'sync.(*Pool).pinSlow'],
    ]);
    expect(complete('top type..eq.\\[2\\]interface\\x20|')).toEqual(['top type..eq.\\[2\\]interface\\x20\\{\\}|', []]);
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
    // Every pprof command is a topic now, the graph and export ones too.
    ['help callg|', 'help callgrind|', []],
    ['help sv|', 'help svg|', []],
    ['help d|', 'help d|', ['disasm', 'divide_by', 'dot', 'drop_negative']],
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
  it.each([['o |'], ['quit |'], ['options x|'], ['foo ba|'], ['nodecount=5|'], ['sort=cum|']])('%j stays as it is', (marked) => {
    expect(complete(marked)).toEqual([marked, []]);
  });
});
