// Writes docs/commands.md from the command table (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { commandsMarkdown } from '../dist/commands/docs.js';

writeFileSync(new URL('../docs/commands.md', import.meta.url), commandsMarkdown());
