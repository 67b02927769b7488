import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileWriteError, writeFileWhole, type WriteBytes } from './whole-file.js';
import { Utf8Buffer } from './utf8-buffer.js';

/**
 * Writes a `>file` or `-output` report, `text` then each chunk of `rest` as it is made, whole or
 * not at all (sources/whole-file.ts): nothing is left under `path` when writing fails or the report
 * is stopped. Returns an error message instead of throwing: the file's (`heapcli: PATH: reason`),
 * or what stopped the report (`interrupted`). `write` lets tests fail the writes.
 */
export function writeReportFile(path: string, text: string, rest: Iterable<string> = [], write?: WriteBytes): string | null {
  const utf8 = new Utf8Buffer();
  function* bytes(): Generator<Uint8Array> {
    yield utf8.encode(text);
    for (const chunk of rest) yield utf8.encode(chunk);
  }
  try {
    writeFileWhole(path, bytes(), write);
    return null;
  } catch (err) {
    // Anything else stopped the report (Ctrl-C), as the session words a failed command.
    return err instanceof FileWriteError ? `heapcli: ${err.message}` : (err as Error).message;
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
