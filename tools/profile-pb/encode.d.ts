import { perftools } from './profile-pb.js';

/** The plain-object form of a profile.proto message, as the generated encoder takes it. */
export type ProfileMessage = perftools.profiles.IProfile;

/** Encodes a profile message to profile.proto bytes, gzipped unless `gzip` is false. */
export function encodeProfile(message: ProfileMessage, gzip?: boolean): Uint8Array;
