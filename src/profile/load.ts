import { readFileSync, statSync } from 'node:fs';
import { ProfileError } from './errors.js';
import { parseProfile } from './decode.js';
import { normalizeProfile } from './merge.js';
import type { Profile } from './model.js';

const OS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
};

/** The byte limit from HEAPCLI_MAX_PROFILE (a number of bytes), if set and valid. */
export function maxProfileBytesFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const value = Number(env.HEAPCLI_MAX_PROFILE);
  return env.HEAPCLI_MAX_PROFILE && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Reads and decodes a profile file, normalised as pprof normalises every profile it loads (a merge
 * of one; `mergeOnLoad` as for normalizeProfile). Every failure is a ProfileError with a one-line reason.
 */
export function loadProfileFile(path: string, maxInflatedBytes?: number, mergeOnLoad = true): Profile {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = readFileSync(path);
  } catch (err) {
    // Go's words: the operation and the path, then the reason (`open x.pb.gz: no such file or directory`).
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new ProfileError('io', `${code === 'EISDIR' ? 'read' : 'open'} ${path}: ${OS_REASONS[code] ?? (err as Error).message}`);
  }
  return normalizeProfile(parseProfile(bytes, { maxInflatedBytes }), mergeOnLoad);
}
