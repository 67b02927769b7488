// The first moments of `heapcli profile.pb.gz` in a terminal, bundled on their own (dist/bundle/
// first-prompt.cjs): bin/heapcli.js runs this before it loads the whole CLI, which is most of the
// time to the prompt (docs/performance.md, "The console in a terminal").
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { numLabelUnits, unitConflictWarnings } from '../analysis/values/labels.js';
import { resolveSampleIndex } from '../analysis/values/sample-value.js';
import { consoleGreeting } from '../format/greeting.js';
import { readProfileFile } from '../host/profile-file.js';
import { maxProfileBytesFromEnv } from '../host/size-limit.js';
import { headerAsNormalized, normalizeProfile } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';
import { type FirstPrompt, type PromptTerminal, type ReadProfile, drawFirstPrompt } from '../ui/terminal/first-prompt.js';
import { FIRST_PROMPT_LIMITS, inputSize, withinLimits } from './quick-run.js';

export type { FirstPrompt } from '../ui/terminal/first-prompt.js';

/** The process's terminal, if standard input and output both are one; opened only then. */
export interface TerminalProbe {
  isTerminal(): boolean;
  open(): PromptTerminal;
}

/**
 * This process's standard streams. Not on Windows, whose console takes escape sequences written
 * to the descriptor only once a stream over it (libuv) has turned their processing on.
 */
export const PROCESS_TERMINAL: TerminalProbe = {
  isTerminal: () => process.platform !== 'win32' && isatty(0) && isatty(1),
  open: () => ({ writeOut: (text) => writeSync(1, text), writeError: (text) => writeSync(2, text), stdin: () => process.stdin }),
};

/**
 * Greets and shows the prompt when `argv` opens a console in a terminal on one local profile file
 * of at most FIRST_PROMPT_LIMITS, with no flags: returns what the console takes over (runCli's io.firstPrompt).
 * Null, having written nothing, for anything else, and when the file cannot be read as a profile:
 * the whole CLI then does what it does, and says what is wrong in its words.
 */
export function showFirstPrompt(argv: readonly string[], env: NodeJS.ProcessEnv, terminal = PROCESS_TERMINAL): FirstPrompt | null {
  if (argv.length !== 1 || argv[0].startsWith('-') || env.TERM === 'dumb') return null;
  const [source] = argv;
  const maxBytes = maxProfileBytesFromEnv(env);
  // A file that exists is a profile file, never a URL (inputs.resolveSource); one that is read in a
  // moment is read here (a larger one loads behind the console's spinner).
  if ('error' in maxBytes || !withinLimits([source], inputSize, FIRST_PROMPT_LIMITS) || !terminal.isTerminal()) return null;
  let read: Profile;
  try {
    read = readProfileFile(source, maxBytes.bytes);
  } catch {
    return null;
  }
  const greeted = firstGreeting(read);
  return drawFirstPrompt(source, greeted.read, greeted.greeting, terminal.open());
}

/**
 * The greeting a console opened with no options gives on `read` (Session.greeting on it
 * normalised), and the profile for the console: normalised once the prompt is up, unless the
 * greeting needed it normalised now.
 */
export function firstGreeting(read: Profile): { greeting: string; read: ReadProfile } {
  const header = greetedAsNormalized(read);
  const profile = header ?? normalizeProfile(read);
  const greeting = consoleGreeting(profile, resolveSampleIndex(profile, ''), false);
  return { greeting, read: header === null ? { profile, normalized: true } : { profile: read, normalized: false } };
}

/**
 * `read` as the greeting would show it normalised (headerAsNormalized), or null when only the
 * normalised profile greets right: the samples normalising drops, all zero, weigh nothing, but a
 * label unit they carry can change the units warning (the unit met first wins), and so only
 * where a key has two units anyway.
 */
function greetedAsNormalized(read: Profile): Profile | null {
  const header = headerAsNormalized(read);
  if (header === null) return null;
  return header.zeroSamples && unitConflictWarnings(numLabelUnits(header.profile)).length > 0 ? null : header.profile;
}
