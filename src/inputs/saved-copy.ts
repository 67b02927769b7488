import { mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isGzip } from '../profile/gzip-format.js';
import type { Profile } from '../profile/model.js';
import { FileWriteError, fileReason, numberedNames, writeNewFile, type WriteBytes } from '../host/whole-file.js';

/** Where copies go, and the home folder that sets the default; see SourceSettings. */
export interface SaveSettings {
  readonly saveDir: string | undefined;
  readonly home: string | undefined;
}

/**
 * pprof's name for a saved profile, without the number: `pprof.`, the main binary's base name,
 * then every sample type, each followed by a dot (`pprof.server.alloc_objects.alloc_space.
 * inuse_objects.inuse_space.`). The same names mean `go tool pprof` and heapcli share a folder.
 */
export function savedProfilePrefix(profile: Profile): string {
  let prefix = 'pprof.';
  const file = profile.mappings[0]?.file ?? '';
  if (file !== '') prefix += `${safeNamePart(basename(file))}.`;
  for (const sampleType of profile.sampleTypes) prefix += `${safeNamePart(sampleType.type)}.`;
  // File names stop at 255 bytes; the number and `.pb.gz` take the last 10.
  return Buffer.byteLength(prefix) <= MAX_PREFIX_BYTES ? prefix : `${truncateUtf8(prefix, MAX_PREFIX_BYTES - 1)}.`;
}

/** Room for the prefix in a 255-byte file name, after `NNNN.pb.gz`. */
const MAX_PREFIX_BYTES = 240;

/**
 * A name from the profile made safe as part of one file name: a served profile chooses its sample
 * type names, and `x/../../evil` must not lead out of the folder (pprof's names do), nor a control
 * character reach the terminal in `Saved profile in ...`. Letters, digits and `._+-@=,` are kept
 * (every name Go writes); anything else becomes `_`.
 */
export function safeNamePart(name: string): string {
  return name.replace(/[^\p{L}\p{N}._+\-@=,]/gu, '_');
}

/** `text` cut to at most `bytes` bytes of UTF-8, at a character boundary. */
function truncateUtf8(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += Buffer.byteLength(char);
    if (used > bytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * Saves a fetched profile as `<prefix>NNN.pb.gz` with the next free NNN, in $HEAPCLI_TMPDIR, or
 * else in ~/pprof (where pprof saves), or else the system's temp folder. The bytes are kept as the
 * server sent them (gzipped if they were not), so a report on the copy is the report on the fetch.
 * Returns the lines to print: `Saved profile in PATH`, or why it could not be saved. Never throws:
 * as in pprof, a copy that cannot be saved does not stop the report. The copy is written whole or
 * not at all (whole-file.ts); `write` lets tests fail the writes.
 */
export function saveProfileCopy(bytes: Uint8Array, profile: Profile, settings: SaveSettings, write?: WriteBytes): string[] {
  const notes: string[] = [];
  const dirs = settings.saveDir ? [settings.saveDir] : [join(settings.home || homedir(), 'pprof'), tmpdir()];
  let dir: string | null = null;
  for (const candidate of dirs) {
    try {
      mkdirSync(candidate, { recursive: true });
      dir = candidate;
      break;
    } catch (err) {
      // An explicit HEAPCLI_TMPDIR gets no fallback: the user asked for that folder.
      if (settings.saveDir) return [`Could not save profile: ${candidate}: ${fileReason(err)}`];
      notes.push(`Could not use temp dir ${candidate}: ${fileReason(err)}`);
    }
  }
  if (dir === null) return [...notes, 'Could not save profile: no folder to save it in'];
  const data = isGzip(bytes) ? bytes : gzipSync(bytes);
  const prefix = savedProfilePrefix(profile);
  try {
    // A new name only: two runs at once never overwrite each other's copy, nor anything else there.
    const path = writeNewFile(dir, numberedNames(prefix, 'pb.gz'), data, write);
    if (path !== null) return [...notes, `Saved profile in ${path}`];
  } catch (err) {
    if (!(err instanceof FileWriteError)) throw err;
    return [...notes, `Could not save profile: ${err.message}`];
  }
  return [...notes, `Could not save profile: could not create file of the form ${prefix}001.pb.gz`];
}
