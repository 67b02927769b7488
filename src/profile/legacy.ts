/**
 * The legacy formats pprof reads when the bytes are not profile.proto, tried in pprof's order:
 * binary CPU, text heap, Go goroutine/threadcreate counts, threads, contention, Java heap and
 * contention. The first that recognizes the bytes reads them; an error there is final.
 */
import { ProfileError } from './errors.js';
import { parseLegacyContention } from './legacy-contention.js';
import { parseLegacyCount } from './legacy-count.js';
import { parseLegacyCpu } from './legacy-cpu.js';
import { parseLegacyHeap } from './legacy-heap.js';
import { parseLegacyJava } from './legacy-java.js';
import { type LegacyProfile, buildLegacyProfile } from './legacy-profile.js';
import { legacyFrameRules } from './legacy-prune.js';
import { parseLegacyThread } from './legacy-thread.js';
import { binaryString } from './legacy-text.js';
import type { Profile } from './model.js';

/**
 * A text is read as one string, and V8's strings hold at most 2^29 - 24 characters: a longer
 * text (a gzip of a few MB can inflate to one) is refused by name, not by a crash.
 */
export const MAX_LEGACY_TEXT_BYTES = 2 ** 29 - 24;

const TEXT_FORMATS: readonly ((text: string) => LegacyProfile | null)[] = [
  parseLegacyHeap,
  parseLegacyCount,
  parseLegacyThread,
  parseLegacyContention,
  parseLegacyJava,
];

/**
 * Decodes a legacy profile, or returns null when no legacy format recognizes the bytes. Throws
 * ProfileError (in pprof's words where pprof reports the problem) for a format's bad content.
 */
export function parseLegacy(data: Uint8Array): Profile | null {
  const cpu = parseLegacyCpu(data);
  if (cpu) return finish(cpu);
  if (data.length > MAX_LEGACY_TEXT_BYTES) {
    throw new ProfileError(
      'too-large',
      `a text profile of ${data.length} bytes is more than heapcli reads as text (${MAX_LEGACY_TEXT_BYTES} bytes)`,
    );
  }
  const text = binaryString(data);
  for (const parse of TEXT_FORMATS) {
    const lp = parse(text);
    if (lp) return finish(lp);
  }
  return null;
}

/** The profile, with the drop_frames and keep_frames pprof gives its kind. */
function finish(lp: LegacyProfile): Profile {
  const rules = legacyFrameRules(lp.sampleTypes);
  lp.dropFrames = rules.drop;
  lp.keepFrames = rules.keep;
  return buildLegacyProfile(lp);
}
