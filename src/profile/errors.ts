/**
 * Why a profile could not be read; the CLI prints it as pprof does, `FILE: message` (but a profile
 * with no sample types and no samples, which pprof loads, as its report's `profile has no samples`).
 * `parse` is a legacy profile's bad content, in pprof's words (`parsing profile: ...`).
 */
export type ProfileErrorKind = 'io' | 'not-a-profile' | 'gzip' | 'malformed' | 'parse' | 'too-large' | 'no-samples';

/** A failure to read or decode a profile, carrying the one-line reason shown to the user. */
export class ProfileError extends Error {
  constructor(
    readonly kind: ProfileErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** A profile that decodes as protobuf but breaks the model (a dangling id, a bad string index). */
export function malformed(what: string): ProfileError {
  return new ProfileError('malformed', `malformed profile: ${what}`);
}

/** Bytes that are neither gzip, nor profile.proto, nor a format we parse. */
export function notAProfile(detail: string): ProfileError {
  return new ProfileError('not-a-profile', `not a pprof profile: ${detail}`);
}
