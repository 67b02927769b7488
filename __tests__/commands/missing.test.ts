import { commandsMarkdown } from '../../src/commands/docs.js';
import { helpText } from '../../src/commands/help.js';
import { parseLine } from '../../src/commands/parse.js';
import { COMMANDS, MISSING_FLAGS } from '../../src/commands/table.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { Session } from '../../src/session.js';

process.env.TZ = 'UTC';
const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];
const profile = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');

const GRAPH = 'heapcli draws no graphs; top, peek and tree show the call graph as text';

/** What the console answers to each of pprof's commands that heapcli lacks, as printed. */
const ANSWERS: [string, string][] = [
  ['disasm', 'disasm is not available in heapcli yet: heapcli reads no binaries, so it has no disassembly; list shows annotated source'],
  ['dot', `dot is not available in heapcli yet: ${GRAPH}`],
  ['eog', `eog is not available in heapcli yet: ${GRAPH}`],
  ['evince', `evince is not available in heapcli yet: ${GRAPH}`],
  ['gif', `gif is not available in heapcli yet: ${GRAPH}`],
  ['gv', `gv is not available in heapcli yet: ${GRAPH}`],
  ['pdf', `pdf is not available in heapcli yet: ${GRAPH}`],
  ['png', `png is not available in heapcli yet: ${GRAPH}`],
  ['ps', `ps is not available in heapcli yet: ${GRAPH}`],
  ['svg', `svg is not available in heapcli yet: ${GRAPH}`],
  ['web', `web is not available in heapcli yet: ${GRAPH}`],
  ['weblist', 'weblist is not available in heapcli yet: heapcli has no web view; list shows annotated source as text'],
];

describe("pprof's commands that heapcli lacks", () => {
  it('are every console command pprof has beyond heapcli, in the command table', () => {
    const missing = [...COMMANDS.values()].filter((c) => c.kind === 'missing').map((c) => c.name);
    expect(missing).toEqual(ANSWERS.map(([name]) => name));
    expect([...MISSING_FLAGS.keys()]).toEqual([...missing, 'http', 'no_browser']);
  });

  it.each(ANSWERS)('%s answers with one line on what to use instead', (name, answer) => {
    expect(answer.split('\n')).toHaveLength(1);
    const result = new Session(profile, { interactive: true }).execute(name);
    expect(result).toEqual({ out: '', err: `${answer}\n`, quit: false, failed: true });
  });

  // pprof's own argument checks (`disasm` requires a regexp) do not apply: the answer is the same.
  it.each(['web 5 -cum main', 'web10', 'disasm', 'disasm growBuf', 'weblist GetLargeData >out.html', 'svg >graph.svg', 'gv -x'])(
    '%j parses as the command alone, whatever follows',
    (line) => {
      const parsed = parseLine(line, TYPES);
      expect(parsed.kind).toBe('command');
      if (parsed.kind !== 'command') return;
      expect(parsed.command.kind).toBe('missing');
      expect(parsed.args).toEqual({ overrides: {}, argument: null, output: null });
    },
  );

  it('leave the session as it was: options, and the reports that follow', () => {
    const session = new Session(profile, { interactive: true });
    session.execute('nodecount=3');
    const options = session.options;
    const before = session.execute('top');
    for (const line of ['web', 'svg >x.svg', 'disasm main', 'output=x']) session.execute(line);
    session.execute('output=');
    expect(session.options).toEqual(options);
    expect(session.execute('weblist GetLargeData').file).toBeUndefined();
    expect(session.execute('top')).toEqual(before);
  });

  it('are listed by help under their own heading, and explained by help <name>', () => {
    const help = helpText(null, COMMANDS).err;
    expect(help).toContain('\n\n  Not yet in heapcli (each says what to use instead):\n    disasm ');
    expect(help).toMatch(/\n {4}web +Shows the call graph in a web browser\n/);
    // The commands heapcli has come first, without the missing ones among them.
    const commands = help.slice(0, help.indexOf('\n\n'));
    expect(commands).not.toMatch(/\bweb\b/);
    expect(helpText('web', COMMANDS).err).toBe(`Shows the call graph in a web browser\n  web is not available in heapcli yet: ${GRAPH}\n`);
    expect(helpText('http', COMMANDS).err).toBe('Unknown command: http\n');
  });

  it('have their own section in docs/commands.md, with the flag of each', () => {
    const docs = commandsMarkdown();
    const section = docs.slice(docs.indexOf('## Not yet in heapcli'), docs.indexOf('## Options'));
    expect(section).toContain('| `web` | `-web` | Shows the call graph in a web browser | heapcli draws no graphs; `top`, `peek` and `tree` show the call graph as text |');
    expect(section).toContain('| `disasm` | `-disasm=<regexp>` |');
    expect(section).toContain('|  | `-http=<host:port>` |');
    expect(docs.slice(0, docs.indexOf('## Not yet in heapcli'))).not.toContain('`web`');
  });
});
