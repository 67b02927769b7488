import { closeSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Utf8Buffer } from './utf8-buffer.js';

/**
 * Writes a `>file` report, `text` then each chunk of `rest` as it is made, returning an error
 * message instead of throwing: the file's (`heapcli: PATH: reason`), or what stopped the report
 * (`interrupted`), whose file then holds the part made before.
 */
export function writeReportFile(path: string, text: string, rest: Iterable<string> = []): string | null {
  let fd = -1;
  try {
    fd = openSync(path, 'w');
    const utf8 = new Utf8Buffer();
    const chunks = rest[Symbol.iterator]();
    for (let chunk = text; ; ) {
      writeBytes(fd, utf8.encode(chunk));
      let step: IteratorResult<string>;
      try {
        step = chunks.next();
      } catch (err) {
        return (err as Error).message;
      }
      if (step.done) return null;
      chunk = step.value;
    }
  } catch (err) {
    return `heapcli: ${path}: ${(err as Error).message}`;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** Writes all of `bytes` (a write may take only part of them). */
function writeBytes(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
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
