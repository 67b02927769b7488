import { readFileSync } from 'node:fs';
import { commandsMarkdown } from '../../src/commands/docs.js';
import { COMMANDS } from '../../src/commands/table.js';
import { OPTION_NAMES } from '../../src/analysis/options.js';

describe('docs/commands.md', () => {
  it('is what the command table and option specs generate (run `npm run docs` when this fails)', () => {
    expect(readFileSync('docs/commands.md', 'utf8')).toBe(commandsMarkdown());
  });

  it('lists every command and every option', () => {
    const text = commandsMarkdown();
    for (const name of COMMANDS.keys()) expect(text).toContain(`| \`${name}\` |`);
    for (const name of OPTION_NAMES) expect(text).toContain(`| \`${name}\` |`);
  });
});
