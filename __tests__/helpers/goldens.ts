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
 * the profile alone): left out of the stderr compared.
 */
export function withoutSymbolizationNotes(stderr: string): string {
  return stderr
    .replace(/^Main binary filename not available\.\n/gm, '')
    .replace(/^Local symbolization failed for .*\n/gm, '')
    .replace(/^Some binary filenames not available\. Symbolization may be incomplete\.\nTry setting PPROF_BINARY_PATH to the search path for local binaries\.\n/gm, '');
}

/** What pprof printed for golden `name` on stdout or stderr. */
export const golden = (name: string, stream: 'out' | 'err') => readFileSync(join(GOLDEN, `${name}.${stream}`), 'utf8');

/** The console input of golden session `name`. */
export const sessionInput = (name: string) => readFileSync(join(GOLDEN, `${name}.in`), 'utf8');
