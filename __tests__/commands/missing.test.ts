import { commandsMarkdown } from '../../src/commands/docs.js';
import { helpText } from '../../src/commands/help.js';
import { COMMANDS, MISSING_FLAGS } from '../../src/commands/table.js';

/** pprof's console commands beyond the text reports: once answered with "not available", now all heapcli's own. */
const PPROF_COMMANDS = [
  'callgrind',
  'disasm',
  'dot',
  'eog',
  'evince',
  'gif',
  'gv',
  'kcachegrind',
  'pdf',
  'png',
  'proto',
  'ps',
  'svg',
  'topproto',
  'web',
  'weblist',
];

describe("pprof's commands and flags that heapcli lacks", () => {
  it("are none of the console's commands any more: every one of pprof's is a report", () => {
    expect([...COMMANDS.values()].filter((c) => c.kind === 'missing')).toEqual([]);
    for (const name of PPROF_COMMANDS) expect(COMMANDS.get(name)?.kind).toBe('report');
  });

  it("are only the web UI's flags", () => {
    expect([...MISSING_FLAGS.keys()]).toEqual(['http', 'no_browser']);
  });

  it('help lists every command with the others, and no "Not yet" heading', () => {
    const help = helpText(null, COMMANDS).err;
    expect(help).not.toContain('Not yet in heapcli');
    expect(help).toMatch(/\n {4}web +Visualize graph through web browser\n/);
    expect(help).toMatch(/\n {4}kcachegrind +Visualize report in KCachegrind\n/);
    expect(helpText('http', COMMANDS).err).toBe('Unknown command: http\n');
  });

  it('docs/commands.md keeps a section for the flags, and lists the graph commands with the others', () => {
    const docs = commandsMarkdown();
    const section = docs.slice(docs.indexOf('## Not yet in heapcli'), docs.indexOf('## Options'));
    expect(section).toContain('|  | `-http=<host:port>` |');
    expect(section).not.toContain('`web`');
    expect(docs.slice(0, docs.indexOf('## Not yet in heapcli'))).toContain('| `web` |');
  });
});
