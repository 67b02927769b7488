/**
 * Where a binary report (`proto`, `callgrind`, a graph's image) goes when no text stream may take
 * it: pprof never writes one to a terminal or to the console's stdout, but to the first free
 * `./profileNNN.<ext>`, and says `Generating report in profileNNN.<ext>`. Files are written whole
 * or not at all (sources/whole-file.ts).
 */
import type { BinaryReport } from '../commands/table.js';
import { FileWriteError, numberedNames, writeFileWhole, writeNewFile, type WriteBytes } from './whole-file.js';

/** What writing a binary report came to: the lines for stderr, and whether it failed. */
export interface BinaryOutcome {
  readonly err: string;
  readonly failed: boolean;
}

/** The report's bytes, or the one-line message of what made them fail (a rejected promise). */
export async function binaryBytes(bytes: BinaryReport['bytes']): Promise<Uint8Array | { failure: string }> {
  try {
    return await bytes;
  } catch (err) {
    return { failure: (err as Error).message };
  }
}

/** Writes a binary report to `path` (`>file`, `-output`), replacing what is there; an error message or null. */
export async function writeBinaryFile(path: string, bytes: BinaryReport['bytes'], write?: WriteBytes): Promise<string | null> {
  const data = await binaryBytes(bytes);
  if ('failure' in data) return data.failure;
  try {
    writeFileWhole(path, [data], write);
    return null;
  } catch (err) {
    if (err instanceof FileWriteError) return `heapcli: ${err.message}`;
    throw err;
  }
}

/**
 * Writes a binary report to the first `profileNNN.<ext>` in `dir` that does not exist yet (never
 * replacing a file, as pprof's O_EXCL), and says where as pprof does.
 */
export async function saveNumbered(binary: BinaryReport, dir = '.', write?: WriteBytes): Promise<BinaryOutcome> {
  const data = await binaryBytes(binary.bytes);
  if ('failure' in data) return { err: `${data.failure}\n`, failed: true };
  try {
    const path = writeNewFile(dir, numberedNames('profile', binary.ext), data, write);
    if (path !== null) return { err: `Generating report in ${path}\n`, failed: false };
  } catch (err) {
    if (err instanceof FileWriteError) return { err: `heapcli: ${err.message}\n`, failed: true };
    throw err;
  }
  return { err: `could not create file of the form profile001.${binary.ext}\n`, failed: true };
}
