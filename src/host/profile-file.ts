import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { ProfileError } from '../profile/errors.js';
import { parseProfile } from '../profile/decode.js';
import { DEFAULT_MAX_INFLATED } from '../profile/gzip-format.js';
import { normalizeProfile } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';

const OS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
};

/** How much of a pipe is read at a time. */
const PIPE_CHUNK = 1 << 20;

/**
 * Reads and decodes a profile file, normalised as pprof normalises every profile it loads (a merge
 * of one; `mergeOnLoad` as for normalizeProfile). `maxBytes` bounds the file as read and, for
 * gzip, as inflated. Every failure is a ProfileError with a one-line reason.
 */
export function loadProfileFile(path: string, maxBytes?: number, mergeOnLoad = true): Profile {
  return normalizeProfile(readProfileFile(path, maxBytes), mergeOnLoad);
}

/** Reads and decodes a profile file as loadProfileFile does, but leaves it to be normalised. */
export function readProfileFile(path: string, maxBytes?: number): Profile {
  const bytes = readProfileBytes(path, maxBytes ?? DEFAULT_MAX_INFLATED);
  return parseProfile(bytes, { maxInflatedBytes: maxBytes });
}

/**
 * The bytes of a profile file, at most `maxBytes` of them. A regular file is measured before it is
 * read; a pipe (`<(curl ...)`) is read until it ends or passes the limit; a device (`/dev/zero`
 * never ends) or a directory is refused. Failures in Go's words: the operation and the path, then
 * the reason (`open x.pb.gz: no such file or directory`, `read dir: is a directory`).
 */
export function readProfileBytes(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw ioError('open', path, err);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ProfileError('io', `read ${path}: ${OS_REASONS.EISDIR}`);
    if (stat.isCharacterDevice() || stat.isBlockDevice()) throw new ProfileError('io', `read ${path}: is a device, not a file`);
    if (stat.isFile()) {
      if (stat.size > maxBytes) throw tooLarge(maxBytes);
      return readFileSync(fd);
    }
    return readPipe(fd, maxBytes);
  } catch (err) {
    throw err instanceof ProfileError ? err : ioError('read', path, err);
  } finally {
    closeSync(fd);
  }
}

/** Everything a pipe or socket gives until its end, refused once past `maxBytes`. */
function readPipe(fd: number, maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(PIPE_CHUNK);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    total += n;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk.subarray(0, n));
  }
}

function tooLarge(maxBytes: number): ProfileError {
  return new ProfileError('too-large', `is larger than ${maxBytes} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`);
}

function ioError(operation: 'open' | 'read', path: string, err: unknown): ProfileError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return new ProfileError('io', `${operation} ${path}: ${OS_REASONS[code] ?? (err as Error).message}`);
}
