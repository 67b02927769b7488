import { readFileSync } from 'node:fs';
import type { SourceFiles } from '../commands/sources.js';

/** Source files from the file system, for `list`. */
export function diskSourceFiles(env: NodeJS.ProcessEnv, cwd = process.cwd()): SourceFiles {
  return {
    read: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    cwd,
    env: { GOROOT: env.GOROOT, GOMODCACHE: env.GOMODCACHE, GOPATH: env.GOPATH, HOME: env.HOME },
  };
}
