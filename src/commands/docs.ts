import { formatGoFloat } from '../go/numbers.js';
import type { MissingSpec } from './missing.js';
import { COLON_CLEARS, DEFAULT_OPTIONS, OPTION_NAMES, optionSpec } from '../analysis/options.js';
import { COMMANDS, MISSING_FLAGS } from './table.js';

function defaultText(name: (typeof OPTION_NAMES)[number]): string {
  const value = DEFAULT_OPTIONS[name];
  if (value === '') return '""';
  return optionSpec(name).kind === 'float' ? formatGoFloat(value as number) : String(value);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** docs/commands.md, made from the command table and option specs (`npm run docs` writes it). */
export function commandsMarkdown(): string {
  const lines = [
    '# heapcli commands and options',
    '',
    '<!-- Generated from src/commands/table.ts and src/commands/options.ts by `npm run docs`; a test fails when it is stale. -->',
    '',
    "In the console, type a command, or `name=value` to set an option. A report command's own",
    'arguments (`top 5 main -cum`) apply to that command only. Every option and report is also a',
    'command-line flag: `-top`, `-nodecount=5`, `-cum`, `-sample_index alloc_space`.',
    '',
    '## Commands',
    '',
    '| command | arguments | what it does |',
    '|---|---|---|',
    ...[...COMMANDS.values()]
      .filter((c) => c.kind !== 'missing')
      .map((c) => `| \`${c.name}\` | ${c.usage ? `\`${cell(c.usage)}\`` : ''} | ${cell(c.help)} |`),
    '',
  ];
  for (const c of COMMANDS.values()) {
    if (!c.detail) continue;
    lines.push(`### ${c.name}`, '', ...c.detail.split('\n').map((l) => `- ${l}`), '');
  }
  lines.push(...missingSection());
  lines.push(
    '## Options',
    '',
    '| option | type | default | what it does |',
    '|---|---|---|---|',
    ...OPTION_NAMES.map((name) => {
      const spec = optionSpec(name);
      const kind = spec.choices ? spec.choices.map((c) => `\`${c}\``).join(' \\| ') : spec.kind;
      return `| \`${name}\` | ${kind} | \`${defaultText(name)}\` | ${cell(spec.help)} |`;
    }),
    '',
    '## Shortcuts',
    '',
    '- A sample type name alone (`alloc_space`) sets `sample_index`; `mean_<type>` also sets `mean=true`, `total_<type>` sets `mean=false`.',
    '- A choice name set to true selects it: `cum=true` is `sort=cum`, `lines=1` is `granularity=lines`.',
    `- \`:\` clears ${COLON_CLEARS.slice(0, -1)
      .map((n) => `\`${n}\``)
      .join(', ')} and \`${COLON_CLEARS[COLON_CLEARS.length - 1]}\`.`,
    '- `q`, `quit`, `exit` or Ctrl-D on an empty line leave.',
    '',
  );
  return lines.join('\n');
}

/** pprof's commands and flags heapcli lacks, each with what it answers (the console's wording). */
function missingSection(): string[] {
  const flag = (m: MissingSpec) => `\`-${m.name}${m.value ? `=<${m.value}>` : ''}\``;
  return [
    '## Not yet in heapcli',
    '',
    'pprof has these; heapcli answers each with one line on what to use instead (exit status 1 as a flag).',
    '',
    '| command | flag | what pprof does | what heapcli says |',
    '|---|---|---|---|',
    ...[...MISSING_FLAGS.values()].map((m) => {
      const command = m.flagOnly ? '' : `\`${m.name}\``;
      return `| ${command} | ${flag(m)} | ${cell(m.help)} | ${cell(`${m.reason}; ${m.instead((c) => `\`${c}\``)}`)} |`;
    }),
    '',
  ];
}
