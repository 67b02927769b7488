/**
 * Files written whole or not at all. Every file heapcli writes (a fetch's saved copy, `-output`,
 * `>file`, the history) goes to a temporary name in the same folder first and takes its real name
 * only when complete, so a full disk, a failed write or Ctrl-C never leaves a truncated file under
 * a good name (the next load would say "truncated gzip data"); the temporary file is removed.
 */
import { closeSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crypto } from './lazy-builtins.js';

/** A file that could not be written: `path: reason`, the reason in a few words. */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** fs.writeSync's shape, so tests can make writes fail as a full disk does. */
export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number) => number;

const writeBytes: WriteBytes = (fd, bytes, offset) => writeSync(fd, bytes, offset);

/** Error codes of the file system, in the words a user expects. */
const FILE_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
};

/** Why a file operation failed, in a few words (Node's message without its syscall and path). */
export function fileReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return FILE_REASONS[code] ?? (err as Error).message.split('\n')[0];
}

/**
 * Writes `chunks` to `path`, replacing what is there, whole or not at all. A symlink is followed
 * (the file it names is replaced); a device or pipe (`/dev/null`, `/dev/stdout`) is written
 * directly, having no name to replace. Throws FileWriteError, or what `chunks` threw (Ctrl-C)
 * after removing the temporary file. `stillWanted`, asked just before the rename, can call the
 * replacement off (it returns false then): the history trims only if no line came meanwhile.
 */
export function writeFileWhole(
  path: string,
  chunks: Iterable<Uint8Array>,
  write: WriteBytes = writeBytes,
  stillWanted?: () => boolean,
): boolean {
  const existing = statOrNull(path);
  if (existing !== null && !existing.isFile()) {
    writeInPlace(path, chunks, write);
    return true;
  }
  const target = existing !== null ? realpathSync(path) : path;
  const temp = writeTemporary(target, chunks, write, existing?.mode);
  try {
    if (stillWanted !== undefined && !stillWanted()) {
      removeQuietly(temp);
      return false;
    }
    renameSync(temp, target);
    return true;
  } catch (err) {
    removeQuietly(temp);
    throw new FileWriteError(path, fileReason(err));
  }
}

/** pprof tries the numbers 001 to 9999 before it gives up on a name. */
const MAX_NUMBERED = 9999;

/** `<prefix>001.<ext>` to `<prefix>9999.<ext>`, in order: the names pprof numbers its files with. */
export function* numberedNames(prefix: string, ext: string): Generator<string> {
  for (let index = 1; index <= MAX_NUMBERED; index++) yield `${prefix}${String(index).padStart(3, '0')}.${ext}`;
}

/**
 * Writes `data` under the first of `names` (in `dir`) that does not exist yet, and returns its
 * path. The name is taken with link(2), which, like O_EXCL, never follows a symlink or replaces a
 * file; on a file system without hard links the file is created with O_EXCL and filled in place,
 * and removed if that fails. Throws FileWriteError; null when every name was taken.
 */
export function writeNewFile(dir: string, names: Iterable<string>, data: Uint8Array, write: WriteBytes = writeBytes): string | null {
  // A failure here is the folder's (full, read-only): it is the one named.
  let temp: string | null = writeTemporary(join(dir, 'new'), [data], write, undefined, dir);
  try {
    for (const name of names) {
      const path = join(dir, name);
      try {
        if (temp !== null) linkSync(temp, path);
        else writeExclusive(path, data, write);
        return path;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (temp === null || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'].includes(code ?? '')) throw asWriteError(path, err);
        // No hard links here: fall back to O_EXCL, from this name on.
        removeQuietly(temp);
        temp = null;
        try {
          writeExclusive(path, data, write);
          return path;
        } catch (retry) {
          if ((retry as NodeJS.ErrnoException).code !== 'EEXIST') throw asWriteError(path, retry);
        }
      }
    }
    return null;
  } finally {
    if (temp !== null) removeQuietly(temp);
  }
}

/** A complete copy of `chunks` under a new temporary name beside `target`; its path. Errors name `shown`. */
function writeTemporary(target: string, chunks: Iterable<Uint8Array>, write: WriteBytes, mode?: number, shown = target): string {
  const temp = join(dirname(target), `.${basename(target).slice(0, 100)}.${crypto().randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', mode === undefined ? 0o666 : mode & 0o7777);
  } catch (err) {
    // The folder is what failed (missing, read-only, full): name the file the user asked for.
    throw new FileWriteError(shown, fileReason(err));
  }
  try {
    for (const bytes of chunks) writeAll(fd, bytes, write);
    syncToDisk(fd);
  } catch (err) {
    closeQuietly(fd);
    removeQuietly(temp);
    throw asWriteError(shown, err);
  }
  try {
    closeSync(fd);
  } catch (err) {
    removeQuietly(temp);
    throw new FileWriteError(shown, fileReason(err));
  }
  return temp;
}

/** Creates `path` with O_EXCL and writes `data`; removes it if writing fails. */
function writeExclusive(path: string, data: Uint8Array, write: WriteBytes): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    writeAll(fd, data, write);
    syncToDisk(fd);
    closeSync(fd);
  } catch (err) {
    closeQuietly(fd);
    removeQuietly(path);
    throw err;
  }
}

/** Writes to a device or pipe that is already there; nothing to rename or remove. */
function writeInPlace(path: string, chunks: Iterable<Uint8Array>, write: WriteBytes): void {
  let fd = -1;
  try {
    fd = openSync(path, 'w');
    for (const bytes of chunks) writeAll(fd, bytes, write);
  } catch (err) {
    throw asWriteError(path, err);
  } finally {
    if (fd >= 0) closeQuietly(fd);
  }
}

/** Writes all of `bytes` (a write may take only part of them). */
function writeAll(fd: number, bytes: Uint8Array, write: WriteBytes): void {
  for (let at = 0; at < bytes.length;) at += write(fd, bytes, at);
}

/** A file system error as a FileWriteError; anything else (an interrupted report) as it is. */
function asWriteError(path: string, err: unknown): unknown {
  if (err instanceof FileWriteError) return err;
  return (err as NodeJS.ErrnoException).code !== undefined ? new FileWriteError(path, fileReason(err)) : err;
}

/**
 * Flushes a file before it takes its name, so a crash cannot leave the name on an empty file; on a
 * network file system this is also where a full disk shows. A file system that cannot sync is fine.
 */
function syncToDisk(fd: number): void {
  try {
    fsyncSync(fd);
  } catch (err) {
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or the folder went read-only: nothing more can be done.
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write's own error is the one to report.
  }
}
