import { gzipSync } from 'fflate';
import { perftools } from './generated/profile-pb.js';

/** The plain-object form of a profile.proto message, as the generated encoder takes it. */
export type ProfileMessage = perftools.profiles.IProfile;

/** Encodes a profile message to profile.proto bytes, gzipped unless `gzip` is false. */
export function encodeProfile(message: ProfileMessage, gzip = true): Uint8Array {
  const raw = perftools.profiles.Profile.encode(message).finish();
  return gzip ? gzipSync(raw) : raw;
}
