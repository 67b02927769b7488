import { baseName, cleanPath } from '../../go/paths.js';

/**
 * Path rules `list` shares between naming files (analysis) and finding them (commands): Go's
 * filepath functions for slash-separated paths, and pprof's trimming of profile paths.
 */

/** Go's filepath.SplitList: '' is no entry at all, otherwise every `:`-separated piece. */
export function splitPathList(list: string): string[] {
  return list === '' ? [] : list.split(':');
}

/** Go's filepath.Join: the non-empty parts joined by `/` and cleaned ('' when all are empty). */
export function joinPath(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? '' : cleanPath(kept.join('/'));
}

/** Go's filepath.Dir: everything before the last element, cleaned (`.` when there is none). */
export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return cleanPath(path.slice(0, slash + 1));
}

/** True for an absolute path. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

/** Prefixes pprof always removes: build systems that compile in /proc/self/cwd leave them. */
const ALWAYS_TRIMMED = ['/proc/self/cwd/./', '/proc/self/cwd/'];

/**
 * pprof's trimming of a profile's file name before it is shown or looked up. With no trim_path it
 * guesses: when `/<last element of a search dir>/` occurs in the path, everything up to it goes
 * (a checkout of the same project under another root). Then the first trim_path prefix (or a fixed
 * /proc/self/cwd one) that starts the path is removed.
 */
export function trimSourcePath(path: string, trimPath: string, searchPath: string): string {
  if (trimPath === '') {
    for (const dir of splitPathList(searchPath)) {
      const want = `/${baseName(dir)}/`;
      const found = path.indexOf(want);
      if (found >= 0) return path.slice(found + want.length);
    }
  }
  for (let prefix of [...splitPathList(trimPath), ...ALWAYS_TRIMMED]) {
    if (!prefix.endsWith('/')) prefix += '/';
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}
