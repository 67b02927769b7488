// heapcli -h: the usage text, made from the command and option tables and the CLI's own flags.
import { COMMANDS, MISSING_FLAGS } from '../commands/table.js';
import { OPTION_NAMES, optionSpec } from '../analysis/options.js';
import { BASE_FLAGS, CLI_ONLY_FLAGS, LEGACY_SAMPLE_FLAGS, WEB_FLAGS } from './flags.js';

/** The -h text, derived from the command and option tables. */
export function usageText(): string {
  const reports = [...COMMANDS.values()].filter((c) => c.kind === 'report');
  const lines = [
    'usage: heapcli [flags] <profile>',
    '       heapcli -watch <url> [-every=30s] [-count=10] [flags]    (a series, then its growth)',
    '',
    'With a report flag, heapcli prints that report and exits; without one it opens the console.',
    'The profile is a pprof file (profile.proto, gzipped or not), or a URL to fetch it from:',
    'http://host:port/debug/pprof/heap, https://..., or host:port[/path] (an empty path means',
    '/debug/pprof/heap). A fetched profile is saved in $HEAPCLI_TMPDIR (default ~/pprof).',
    'A profile over 2 GiB, as read or inflated, is refused; HEAPCLI_MAX_PROFILE=<size> (512MB, 4GB)',
    'moves the limit.',
    '',
    'Report flags:',
    ...reports.map((c) => `  -${c.name.padEnd(22)} ${c.help}`),
    '',
    'Options (each also settable in the console as name=value):',
    ...OPTION_NAMES.map((name) => {
      const spec = optionSpec(name);
      const flag = spec.choices
        ? spec.choices.map((c) => `-${c}`).join(' | ')
        : spec.kind === 'bool'
          ? `-${name}`
          : `-${name}=<${spec.kind}>`;
      return `  ${flag.padEnd(23)} ${spec.help}`;
    }),
    '',
    'Fetching (command line only):',
    ...Object.entries(CLI_ONLY_FLAGS).map(([name, spec]) => `  ${`-${name}=<${spec.kind}>`.padEnd(23)} ${spec.help}`),
    ...Object.entries(BASE_FLAGS).map(([name, help]) => `  ${`-${name}=<profile>`.padEnd(23)} ${help}`),
    '',
    'Web UI (docs/web.md):',
    ...Object.entries(WEB_FLAGS).map(([name, help]) => `  ${(name === 'http' ? '-http=[host]:port' : `-${name}`).padEnd(23)} ${help}`),
    '',
    // pprof's flags heapcli lacks, when there are any.
    ...(MISSING_FLAGS.size === 0
      ? []
      : [
          'Not yet in heapcli (each says what to use instead):',
          ...wrapWords(
            [...MISSING_FLAGS.values()].map((m) => `-${m.name}${m.value ? `=<${m.value}>` : ''}`),
            '  ',
            96,
          ),
          '',
        ]),
    'Legacy sample-type flags: ' + LEGACY_SAMPLE_FLAGS.map((f) => `-${f}`).join(' '),
    '  -h, --help               this text',
    '  --version                the version',
  ];
  return lines.join('\n') + '\n';
}

/** Words joined by spaces into lines of at most `width` characters, each starting with `indent`. */
function wrapWords(words: readonly string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}
