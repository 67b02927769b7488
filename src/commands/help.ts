import { formatGoFloat } from '../go/numbers.js';
import { missingNote } from './missing.js';
import { COLON_CLEARS, OPTION_NAMES, isOptionName, optionSpec, type OptionName } from '../analysis/options.js';
import type { CommandContext, CommandResult, CommandSpec } from './command-types.js';

/** `help` with no topic lists commands and options; with one, describes it. Help goes to stderr. */
export function helpText(topic: string | null, commands: ReadonlyMap<string, CommandSpec>): CommandResult {
  if (topic) return { out: '', err: topicHelp(topic, commands) };
  const width = Math.max(...[...commands.keys(), ...OPTION_NAMES].map((n) => n.length)) + 2;
  const all = [...commands.values()];
  const lines = ['  Commands:'];
  for (const c of all.filter((c) => c.kind !== 'missing')) lines.push(`    ${c.name.padEnd(width)} ${c.help}`);
  // pprof's help lists these too; a pprof user looking for them learns they are not here yet.
  const missing = all.filter((c) => c.kind === 'missing');
  if (missing.length > 0) lines.push('', '  Not yet in heapcli (each says what to use instead):');
  for (const c of missing) lines.push(`    ${c.name.padEnd(width)} ${c.help}`);
  lines.push('', '  Options:');
  for (const name of OPTION_NAMES) lines.push(`    ${name.padEnd(width)} ${optionSpec(name).help}`);
  lines.push('', '  Option groups (only set one per group):');
  for (const name of OPTION_NAMES) {
    const choices = optionSpec(name).choices;
    if (choices) lines.push(`    ${name}`, ...choices.map((c) => `      ${c}`));
  }
  lines.push(`  :   Clear ${COLON_CLEARS.join('/')}`, '', '  type "help <cmd|option>" for more information');
  return { out: '', err: lines.join('\n') + '\n' };
}

function topicHelp(topic: string, commands: ReadonlyMap<string, CommandSpec>): string {
  const command = commands.get(topic);
  if (command?.missing) return `${command.help}\n  ${missingNote(command.missing, command.name, (name) => name)}\n`;
  if (command) {
    const usage = `Usage: ${command.name}${command.usage ? ` ${command.usage}` : ''}`;
    return [command.help, `  ${usage}`, ...(command.detail ? command.detail.split('\n').map((l) => `    ${l}`) : [])].join('\n') + '\n';
  }
  if (isOptionName(topic)) {
    const spec = optionSpec(topic);
    const choices = spec.choices ? `\n  One of: ${spec.choices.join(', ')}` : '';
    return `${spec.help}${choices}\n  Set with: ${topic}=<${spec.kind === 'choice' ? 'choice' : spec.kind}>\n`;
  }
  return `Unknown command: ${topic}\n`;
}

/** How `o` shows a value: strings quoted when empty, floats as Go prints them. */
function shownValue(name: OptionName, value: unknown): string {
  if (value === '') return '""';
  if (optionSpec(name).kind === 'float') return formatGoFloat(value as number);
  return String(value);
}

/** The `o` listing: every option sorted, aligned, with its choices or sample types. */
export function optionsListing(ctx: CommandContext): string {
  const types = ctx.analysis.sampleTypeNames;
  const lines = OPTION_NAMES.filter((name) => !optionSpec(name).roles.includes('unlisted')).map((name) => {
    const spec = optionSpec(name);
    let value = ctx.options[name];
    let comment = '';
    if (spec.choices) comment = `//: [${spec.choices.join(' | ')}]`;
    if (name === 'sample_index') {
      // pprof shows the last type when unset, even where default_sample_type picks another.
      value = value || types[types.length - 1];
      comment = `//: [${types.join(' | ')}]`;
    }
    if (name === 'nodecount' && value === -1) comment = '//: default';
    return `  ${name.padEnd(25)} = ${shownValue(name, value).padEnd(20)} ${comment}`;
  });
  return lines.join('\n') + '\n';
}
