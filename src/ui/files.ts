import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes a `>file` report, returning an error message instead of throwing. */
export function writeReportFile(path: string, text: string): string | null {
  try {
    writeFileSync(path, text);
    return null;
  } catch (err) {
    return `heapcli: ${path}: ${(err as Error).message}`;
  }
}

/** Paths that start with `partial` (relative to the working directory), directories with a '/'. */
export function listPaths(partial: string): string[] {
  const slash = partial.lastIndexOf('/');
  const dir = slash >= 0 ? partial.slice(0, slash + 1) : '';
  const prefix = partial.slice(slash + 1);
  try {
    return readdirSync(dir || '.')
      .filter((name) => name.startsWith(prefix) && (prefix.startsWith('.') || !name.startsWith('.')))
      .sort()
      .map((name) => {
        const path = dir + name;
        return isDirectory(join(dirname(path), name)) ? `${path}/` : path;
      });
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
