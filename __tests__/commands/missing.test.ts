import { commandsMarkdown } from '../../src/commands/docs.js';
import { helpText } from '../../src/commands/help.js';
import { parseLine } from '../../src/commands/parse.js';
import { COMMANDS, MISSING_FLAGS } from '../../src/commands/table.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { Session } from '../../src/session.js';

process.env.TZ = 'UTC';
const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];
const profile = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');

/** What the console answers to each of pprof's commands that heapcli lacks, as printed. */
const ANSWERS: [string, string][] = [
  ['callgrind', "callgrind is not available in heapcli yet: heapcli writes no callgrind files; tree shows each function's callers and callees as text"],
  ['kcachegrind', "kcachegrind is not available in heapcli yet: heapcli writes no callgrind files; tree shows each function's callers and callees as text"],
  ['topproto', 'topproto is not available in heapcli yet: heapcli writes no profiles; top prints the same entries as text'],
];

describe("pprof's commands that heapcli lacks", () => {
  it('are every console command pprof has beyond heapcli, in the command table', () => {
    const missing = [...COMMANDS.values()].filter((c) => c.kind === 'missing').map((c) => c.name);
    expect(missing).toEqual(ANSWERS.map(([name]) => name));
    expect([...MISSING_FLAGS.keys()]).toEqual(missing);
  });

  it.each(ANSWERS)('%s answers with one line on what to use instead', (name, answer) => {
    expect(answer.split('\n')).toHaveLength(1);
    const result = new Session(profile, { interactive: true }).execute(name);
    expect(result).toEqual({ out: '', err: `${answer}\n`, quit: false, failed: true });
  });

  // pprof's own argument checks (`disasm` requires a regexp) do not apply: the answer is the same.
  it.each(['callgrind 5 -cum main', 'callgrind10', 'kcachegrind growBuf', 'topproto GetLargeData >out.pb.gz', 'topproto -x'])(
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
    for (const line of ['callgrind', 'topproto >x.pb.gz', 'kcachegrind main', 'output=x']) session.execute(line);
    session.execute('output=');
    expect(session.options).toEqual(options);
    expect(session.execute('callgrind GetLargeData').file).toBeUndefined();
    expect(session.execute('top')).toEqual(before);
  });

  it('are listed by help under their own heading, and explained by help <name>', () => {
    const help = helpText(null, COMMANDS).err;
    expect(help).toContain('\n\n  Not yet in heapcli (each says what to use instead):\n    callgrind ');
    expect(help).toMatch(/\n {4}kcachegrind +Opens the call graph in KCachegrind\n/);
    // The commands heapcli has come first, without the missing ones among them.
    const commands = help.slice(0, help.indexOf('\n\n'));
    expect(commands).not.toMatch(/\bkcachegrind\b/);
    expect(helpText('kcachegrind', COMMANDS).err).toBe(`Opens the call graph in KCachegrind\n  ${ANSWERS[1][1]}\n`);
    expect(helpText('http', COMMANDS).err).toBe('Unknown command: http\n');
  });

  it('have their own section in docs/commands.md, with the flag of each', () => {
    const docs = commandsMarkdown();
    const section = docs.slice(docs.indexOf('## Not yet in heapcli'), docs.indexOf('## Options'));
    expect(section).toContain("| `kcachegrind` | `-kcachegrind` | Opens the call graph in KCachegrind | heapcli writes no callgrind files; `tree` shows each function's callers and callees as text |");
    expect(section).not.toContain('-http');
    expect(docs.slice(0, docs.indexOf('## Not yet in heapcli'))).not.toContain('`kcachegrind`');
  });
});
