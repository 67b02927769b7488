import { parseProfile } from '../profile/decode.js';
import { ProfileError } from '../profile/errors.js';
import { composeProfiles } from '../profile/compose.js';
import { normalizeProfile } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';
import { Session } from '../session.js';
import { SourceError, loadSource, type SourceSettings } from '../inputs/inputs.js';
import { diskSourceFiles } from '../host/source-files.js';
import { HeapcliError } from './errors.js';
import { HeapProfile } from './heap-profile.js';
import type { OpenOptions, ProfileInput } from './types.js';

/**
 * Opens profiles as `heapcli` does: each a path, a URL or the profile's bytes (gzipped or not,
 * profile.proto or a legacy format); several are merged, and also kept as a series for `growth`;
 * `base`/`diffBase` are subtracted. Throws HeapcliError with the console's one-line message.
 */
export async function openProfile(input: ProfileInput | readonly ProfileInput[], options: OpenOptions = {}): Promise<HeapProfile> {
  const onMessage = options.onMessage ?? (() => {});
  const settings: SourceSettings = {
    seconds: options.seconds ?? 0,
    timeout: options.timeout ?? 0,
    maxBytes: options.maxBytes,
    saveDir: undefined,
    home: undefined,
    saveCopies: false,
  };
  const load = (one: ProfileInput) => loadInput(one, settings, onMessage);
  const sources = await Promise.all(inputs(input).map(load));
  const bases = await Promise.all(inputs(options.base ?? options.diffBase ?? []).map(load));
  if (sources.length === 0) throw new HeapcliError('no profile given');
  const profile = guarded(() =>
    composeProfiles(sources, bases, {
      diff: options.base === undefined && options.diffBase !== undefined,
      normalize: options.normalize ?? false,
    }),
  );
  const series = sources.length > 1 && bases.length === 0 ? sources : [];
  const assignments = Object.entries(options.settings ?? {}).map(([name, value]) => ({ name, value: String(value), bare: false }));
  const goSources = diskSourceFiles(options.env ?? process.env, options.cwd ?? process.cwd());
  const { session, failure } = Session.open(profile, { interactive: true, sources: goSources, series, assignments });
  if (failure !== null) throw new HeapcliError(failure);
  return new HeapProfile(session, onMessage);
}

/** One input or a list of them, as a list. */
function inputs(input: ProfileInput | readonly ProfileInput[]): ProfileInput[] {
  return Array.isArray(input) ? [...input] : [input as ProfileInput];
}

/** A profile from a path or URL (fetch notices to onMessage, as the console's stderr) or from bytes. */
async function loadInput(input: ProfileInput, settings: SourceSettings, onMessage: (line: string) => void): Promise<Profile> {
  if (typeof input === 'string') {
    try {
      return await loadSource(input, settings, onMessage);
    } catch (err) {
      if (err instanceof SourceError) throw new HeapcliError(err.message);
      throw err;
    }
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  return guarded(() => normalizeProfile(parseProfile(bytes, { maxInflatedBytes: settings.maxBytes })), 'profile bytes: ');
}

/** Runs `make`, a ProfileError becoming a HeapcliError with its message (after `prefix`). */
function guarded<T>(make: () => T, prefix = ''): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof ProfileError) throw new HeapcliError(`${prefix}${err.message}`);
    throw err;
  }
}
