import { ProfileError, notAProfile } from './errors.js';
import { gunzipZlib } from './gunzip-zlib.js';
import { DEFAULT_MAX_INFLATED, isGzip } from './gzip-format.js';
import type { Profile } from './model.js';
import { readProfileProto } from './decode-proto.js';
import { parseLegacy } from './legacy.js';
import { resolveProfile } from './resolve.js';

/** Limits applied while decoding. */
export interface DecodeLimits {
  /** Refuse gzip data that inflates past this many bytes. */
  readonly maxInflatedBytes?: number;
}

/**
 * Decodes a profile from its bytes: gzip is recognised by its magic number and inflated, then
 * the data is read as profile.proto, or failing that as one of the legacy formats, in pprof's
 * order. Throws ProfileError with a one-line reason.
 */
export function parseProfile(bytes: Uint8Array, limits: DecodeLimits = {}): Profile {
  if (bytes.length === 0) throw emptyInput();
  const data = isGzip(bytes) ? gunzipZlib(bytes, limits.maxInflatedBytes ?? DEFAULT_MAX_INFLATED) : bytes;
  if (data.length === 0) throw emptyInput();
  let raw;
  try {
    raw = readProfileProto(data);
  } catch (err) {
    // A count past the decoder's limits is a ProfileError of its own; wire damage is a plain Error.
    if (err instanceof ProfileError) throw err;
    const what = isGzip(bytes) ? 'the inflated data is not profile.proto' : 'neither gzip nor profile.proto';
    // A file of neither format is reported as not profile.proto, which is what most files mean to be.
    return parseLegacy(data) ?? fail(notAProfile(`${what} (${(err as Error).message})`));
  }
  if (raw.strings.length === 0) return parseLegacy(data) ?? fail(notAProfile('no string table (is it profile.proto?)'));
  return resolveProfile(raw);
}

/** An empty file, or gzip of nothing: pprof's words. */
function emptyInput(): ProfileError {
  return new ProfileError('not-a-profile', 'parsing profile: empty input file');
}

function fail(err: ProfileError): never {
  throw err;
}
