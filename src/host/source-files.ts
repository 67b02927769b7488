import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { childProcess } from './lazy-builtins.js';
import { MISSING, type SourceFiles, type SourceRead } from '../commands/source/port.js';

/** The largest source file `list` reads (pprof has no limit; a few megabytes is already rare). */
export const MAX_SOURCE_BYTES = 1024 ** 3;

/** Source files from the file system, for `list`. */
export function diskSourceFiles(env: NodeJS.ProcessEnv, cwd = process.cwd(), maxBytes = MAX_SOURCE_BYTES): SourceFiles {
  return {
    read: (path) => readSourceFile(path, maxBytes),
    cwd,
    env: { GOROOT: env.GOROOT, GOMODCACHE: env.GOMODCACHE, GOPATH: env.GOPATH, HOME: env.HOME },
    installedGoroot: once(() => installedGoroot(env)),
  };
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [compute(), true];
    return value;
  };
}

/**
 * The GOROOT of the `go` on PATH: what `go env GOROOT` says, else the folder above the `bin/`
 * it lives in (following links: Debian's /usr/bin/go is /usr/lib/go-1.19/bin/go).
 */
export function installedGoroot(env: NodeJS.ProcessEnv): string | undefined {
  const go = (env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'go'))
    .find(isExecutableFile);
  if (go === undefined) return undefined;
  const asked = childProcess().spawnSync(go, ['env', 'GOROOT'], {
    encoding: 'utf8',
    timeout: 10000,
    env: { PATH: env.PATH, HOME: env.HOME },
  });
  const said = asked.status === 0 ? asked.stdout.trim() : '';
  if (said !== '') return said;
  const root = dirname(dirname(realpathSync(go)));
  return existsSync(join(root, 'src', 'runtime')) ? root : undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && (stat.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/**
 * A regular file's bytes, up to `maxBytes`. Anything else is said plainly rather than read: a
 * device such as /dev/zero never ends, a FIFO would wait for a writer (it is opened without
 * waiting, then refused), and a directory is not "no such file".
 */
export function readSourceFile(path: string, maxBytes: number): SourceRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return MISSING;
    return { problem: `open ${path}: ${reason(err)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return { problem: stat.isDirectory() ? `read ${path}: is a directory` : `${path}: ${kindOf(stat)}, not a regular file` };
    if (stat.size > maxBytes) return { problem: `${path}: ${stat.size} bytes, more than the ${maxBytes} list reads` };
    return { bytes: readFileSync(fd) };
  } catch (err) {
    return { problem: `read ${path}: ${reason(err)}` };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stat: Stats): string {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  return 'of an unknown kind';
}

/** The OS's reason without Node's prefix (`EACCES: permission denied, open '/x'`). */
function reason(err: unknown): string {
  const message = (err as Error).message;
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}
