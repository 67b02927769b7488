import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the goldens and the profiles they were printed for live. */
export const GOLDEN = 'testdata/golden';
export const PROFILES = 'testdata/profiles';

/** The non-comment lines of a manifest, split on white space. */
function manifest(name: string): string[][] {
  return readFileSync(join(GOLDEN, name), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
}

/** Every manifest file whose name starts with `prefix` (oneshot-list.txt, console.txt, ...), joined. */
export function manifests(prefix: string, ending = '.txt'): string[][] {
  return readdirSync(GOLDEN)
    .filter((f) => f.startsWith(prefix) && f.endsWith(ending))
    .sort()
    .flatMap(manifest);
}

/** A manifest's profile column: a file under testdata/profiles/, or, with a '/', a path from the repository's root. */
export const profilePath = (profile: string) => (profile.includes('/') ? profile : join(PROFILES, profile));

/**
 * pprof's notes about symbolizing through binaries, which heapcli never opens (it reads names from
 * the profile alone): left out of the stderr compared. pprof looks for each mapping's file to read
 * symbols from it, and says so when it cannot (`Local symbolization failed for libc.so.6: open
 * /lib/libc.so.6: no such file or directory`), or when a mapping has no file name at all.
 */
export function withoutSymbolizationNotes(stderr: string): string {
  return stderr.replace(
    /^(Main binary filename not available\.|Local symbolization failed for .*|Some binary filenames not available\. Symbolization may be incomplete\.|Try setting PPROF_BINARY_PATH to the search path for local binaries\.)\n/gm,
    '',
  );
}

/** What pprof printed for golden `name` on stdout or stderr. */
export const golden = (name: string, stream: 'out' | 'err') => readFileSync(join(GOLDEN, `${name}.${stream}`), 'utf8');

/** The console input of golden session `name`. */
export const sessionInput = (name: string) => readFileSync(join(GOLDEN, `${name}.in`), 'utf8');

/**
 * The lines pprof printed for the `index`th command of console golden `name` (its stdout transcript
 * is split at each `(pprof) ` prompt).
 */
export function consoleAnswer(name: string, index: number): string[] {
  const answers = golden(name, 'out').split('(pprof) ').slice(1);
  return answers[index].split('\n').slice(0, -1);
}
