// Test and benchmark code only (the run-time decoder reads the wire format itself): plain
// JavaScript, so the benchmark generator runs it with no build step.
import { gzipSync } from 'fflate';
import { perftools } from './profile-pb.js';

/** Encodes a profile message to profile.proto bytes, gzipped unless `gzip` is false. */
export function encodeProfile(message, gzip = true) {
  const raw = perftools.profiles.Profile.encode(message).finish();
  return gzip ? gzipSync(raw) : raw;
}
