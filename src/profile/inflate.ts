import { Gunzip } from 'fflate';
import { ProfileError } from './errors.js';

/** The largest inflated profile we accept unless HEAPCLI_MAX_PROFILE says otherwise (2 GiB). */
export const DEFAULT_MAX_INFLATED = 2 * 1024 ** 3;

/** True when `bytes` start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates gzip data with fflate's streaming decoder, refusing output past `maxBytes` (a gzip
 * bomb stops early instead of exhausting memory). The streaming decoder does not notice a cut-off
 * input, so the gzip trailer's length field is checked against what was produced.
 */
export function gunzipBounded(bytes: Uint8Array, maxBytes = DEFAULT_MAX_INFLATED): Uint8Array {
  if (bytes.length < 18) throw new ProfileError('gzip', 'truncated gzip data (shorter than a gzip header and trailer)');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > maxBytes) {
      throw new ProfileError('too-large', `inflates to more than ${maxBytes} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`);
    }
    chunks.push(chunk);
  });
  try {
    gunzip.push(bytes, true);
  } catch (err) {
    if (err instanceof ProfileError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    if (/unexpected EOF/i.test(reason)) throw new ProfileError('gzip', 'truncated gzip data (unexpected end of file)');
    throw new ProfileError('gzip', `corrupt gzip data (${reason})`);
  }
  const declared = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true);
  if (declared !== total % 2 ** 32) throw new ProfileError('gzip', 'truncated gzip data (unexpected end of file)');
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
