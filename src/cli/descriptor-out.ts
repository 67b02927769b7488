import { writeSync } from 'node:fs';

/**
 * Writes `text` to descriptor `fd` with plain writes, all of it before returning. A descriptor that
 * another program set non-blocking can fill up (EAGAIN): the bytes not yet written then go to
 * `rest`, which can wait for room. Any other failure is thrown (EPIPE: the reader has gone).
 */
export function writeToDescriptor(fd: number, text: string, rest: (bytes: Uint8Array) => void): void {
  const bytes = Buffer.from(text);
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(fd, bytes, at);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    rest(bytes.subarray(at));
  }
}
