import { commandsMarkdown } from '../../src/commands/docs.js';
import { helpText } from '../../src/commands/help.js';
import { MISSING } from '../../src/commands/missing.js';
import { COMMANDS, MISSING_FLAGS } from '../../src/commands/table.js';

/**
 * pprof's commands and flags that heapcli lacked each had an entry in the missing table, which
 * answered with what to use instead. Graphs (issue 17), the export formats and the web UI (issue
 * 18) emptied it; the mechanism stays for the next one, and its headings go while it is empty.
 */
describe("pprof's commands that heapcli lacked", () => {
  it('are all real commands now: the missing table is empty', () => {
    expect(MISSING).toEqual([]);
    expect([...MISSING_FLAGS.keys()]).toEqual([]);
    for (const name of ['callgrind', 'kcachegrind', 'topproto', 'proto', 'dot', 'svg', 'png', 'gif', 'pdf', 'ps', 'web', 'weblist', 'disasm', 'eog', 'evince', 'gv']) {
      expect([name, COMMANDS.get(name)?.kind]).toEqual([name, 'report']);
    }
  });

  it('leave no empty "Not yet" heading in help or docs/commands.md', () => {
    expect(helpText(null, COMMANDS).err).not.toContain('Not yet in heapcli');
    expect(commandsMarkdown()).not.toContain('## Not yet in heapcli');
    expect(helpText('http', COMMANDS).err).toBe('Unknown command: http\n');
  });
});
