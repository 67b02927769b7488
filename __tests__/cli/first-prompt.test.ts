/**
 * The first prompt (src/cli/first-prompt.ts): `heapcli profile` in a terminal greets and shows
 * its prompt before the whole CLI loads. It must greet with the very text a session greets with,
 * hand over the profile the console would have loaded, and show nothing for any other run.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { type TerminalProbe, firstGreeting, showFirstPrompt } from '../../src/cli/first-prompt.js';
import { FIRST_PROMPT_LIMITS, inputSize, withinLimits } from '../../src/cli/quick-run.js';
import { loadProfileFile, readProfileFile } from '../../src/host/profile-file.js';
import { consoleGreeting } from '../../src/format/greeting.js';
import { normalizeProfile } from '../../src/profile/merge.js';
import type { Profile } from '../../src/profile/model.js';
import { Session } from '../../src/session.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

const EXAMPLE = 'testdata/profiles/leakybuf.heap.pb.gz';
/** A file past FIRST_PROMPT_LIMITS: it loads behind the console's spinner. */
const TOO_LARGE = join(mkdtempSync(join(tmpdir(), 'heapcli-first-')), 'large.pb');
writeFileSync(TOO_LARGE, Buffer.alloc(FIRST_PROMPT_LIMITS.bytes + 1, 1));

/** A terminal that records what is written to it, and raw mode set. */
function recordingTerminal(isTerminal = true) {
  const written = { out: '', err: '', raw: [] as boolean[] };
  const probe: TerminalProbe = {
    isTerminal: () => isTerminal,
    open: () => ({
      writeOut: (text) => void (written.out += text),
      writeError: (text) => void (written.err += text),
      stdin: () => ({ setRawMode: (raw: boolean) => written.raw.push(raw) }),
    }),
  };
  return { probe, written };
}

function sessionGreeting(profile: Profile): string {
  return Session.open(profile, { interactive: true }).session!.greeting();
}

describe('showFirstPrompt', () => {
  it('greets on stderr as a session does, draws the prompt below, and turns raw mode on', () => {
    const { probe, written } = recordingTerminal();
    const shown = showFirstPrompt([EXAMPLE], {}, probe)!;
    shown.stopSignals();
    expect(written.err).toBe(sessionGreeting(loadProfileFile(EXAMPLE)));
    expect(written.err).toMatch(
      /^File: leakybuf\nType: inuse_space\nTime: .*\nEntering interactive mode \(type "help" for commands, "o" for options\)\n$/,
    );
    // An unfinished line of echoed keys erased; then the prompt, its cursor an inverse cell, and
    // the terminal's own cursor hidden on the row below (LiveRegion).
    expect(written.out).toBe('\r\x1b[2K\x1b[?2026h\r\x1b[?25l\x1b[2K(pprof) \x1b[7m \x1b[27m\x1b[0m\r\n\x1b[2K\x1b[?2026l');
    expect(shown.frame.rows).toEqual(['(pprof) \x1b[7m \x1b[27m']);
    expect(written.raw).toEqual([true]);
    expect(shown.source).toBe(EXAMPLE);
    // Left for the console to normalise once the prompt is up.
    const read = shown.takeProfile()!;
    expect(read.normalized).toBe(false);
    expect(normalizeProfile(read.profile)).toEqual(loadProfileFile(EXAMPLE));
    // Given once: the launcher holds the first prompt to the end, the profile only the console.
    expect(shown.takeProfile()).toBeNull();
  });

  it.each([
    ['a report flag', ['-top', EXAMPLE], {}, true],
    ['an option flag', ['-sample_index=alloc_space', EXAMPLE], {}, true],
    ['a flag alone', ['-h'], {}, true],
    ['two profiles', [EXAMPLE, EXAMPLE], {}, true],
    ['no profile', [], {}, true],
    ['TERM=dumb', [EXAMPLE], { TERM: 'dumb' }, true],
    ['a HEAPCLI_MAX_PROFILE that is not a size', [EXAMPLE], { HEAPCLI_MAX_PROFILE: 'lots' }, true],
    ['a profile past HEAPCLI_MAX_PROFILE', [EXAMPLE], { HEAPCLI_MAX_PROFILE: '100' }, true],
    ['a missing file', ['testdata/profiles/missing.pb.gz'], {}, true],
    ['a directory', ['testdata/profiles'], {}, true],
    ['a file that is no profile', ['testdata/README.md'], {}, true],
    ['a profile too large to read at once', [TOO_LARGE], {}, true],
    ['standard input or output not a terminal', [EXAMPLE], {}, false],
  ] as const)('shows nothing for %s: the whole CLI does all', (_what, argv, env, isTerminal) => {
    const { probe, written } = recordingTerminal(isTerminal);
    expect(showFirstPrompt(argv, env, probe)).toBeNull();
    expect(written).toEqual({ out: '', err: '', raw: [] });
  });
});

describe('firstGreeting', () => {
  const dirs = ['testdata/profiles', 'testdata/realworld'];
  // Those the first prompt is shown for: small enough to read at once.
  const files = dirs
    .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
    .filter((file) => withinLimits([file], inputSize, FIRST_PROMPT_LIMITS));
  const loads = files.filter((file) => {
    try {
      readProfileFile(file);
      return true;
    } catch {
      return false;
    }
  });
  const normalizedNow: string[] = [];

  it('finds the profiles to check', () => {
    expect(loads.length).toBeGreaterThan(70);
  });

  it.each(loads)('%s: greets as a session on the profile normalised, and hands over that profile', (file) => {
    const { greeting, read } = firstGreeting(readProfileFile(file));
    const loaded = loadProfileFile(file);
    expect(greeting).toBe(sessionGreeting(loaded));
    if (read.normalized) normalizedNow.push(file);
    // node:util's comparison: Jest's takes seconds over the larger profiles' columns.
    expect(isDeepStrictEqual(read.normalized ? read.profile : normalizeProfile(read.profile), loaded)).toBe(true);
  });

  it('normalises first only the one whose values have both signs: folding the others changes nothing their greetings say', () => {
    // A delta profile's sums change when samples fold; Go's heap profiles have all-zero samples,
    // which folding drops, but their labels have one unit.
    expect(normalizedNow).toEqual(['testdata/realworld/parca-alloc_space_delta.pb.gz']);
  });

  it('normalises first where values of both signs fold into other sums', () => {
    // As read, the type sums to 10; folded, the two samples cancel, and pprof says the type is empty.
    const spec = {
      samples: [
        { stack: ['main.a'], values: [5, 5, 5, 5] },
        { stack: ['main.a'], values: [-5, -5, -5, -5] },
      ],
    };
    const normalized = sessionGreeting(normalizeProfile(decodeSpec(spec)));
    expect(normalized).toContain('No samples were found with the default sample value type.');
    expect(consoleGreeting(decodeSpec(spec), 3, false)).not.toBe(normalized);
    const { greeting, read } = firstGreeting(decodeSpec(spec));
    expect(read.normalized).toBe(true);
    expect(greeting).toBe(normalized);
  });

  it('normalises first where all-zero samples carry a label unit in conflict with another', () => {
    // Folding drops the zero sample, and with it the conflict pprof warns about: the profile as
    // read would greet with a warning the normalised one does not give.
    const spec = {
      samples: [
        { stack: ['main.a'], values: [0, 0, 0, 0], labels: [{ key: 'bytes', num: 1, unit: 'megabytes' }] },
        { stack: ['main.b'], values: [1, 1024, 1, 1024], labels: [{ key: 'bytes', num: 1, unit: 'kilobytes' }] },
      ],
    };
    const normalized = sessionGreeting(normalizeProfile(decodeSpec(spec)));
    expect(normalized).not.toMatch(/bytes/);
    expect(consoleGreeting(decodeSpec(spec), 3, false)).toMatch(/megabytes.*kilobytes/);
    const { greeting, read } = firstGreeting(decodeSpec(spec));
    expect(read.normalized).toBe(true);
    expect(greeting).toBe(normalized);
  });
});
