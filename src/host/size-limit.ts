/** Powers of 1024 by unit letter, as pprof prints sizes (`kB` is 1024 bytes there). */
const UNIT_POWERS: Record<string, number> = { '': 0, k: 1, m: 2, g: 3, t: 4 };

/** A number (`4096`, `1.5`, `1e6`), then an optional unit: `k`/`kB`/`KiB`, `M`..., `T`..., or `B`. */
const SIZE = /^(\d+(?:\.\d*)?|\.\d+)(?:e(\d+))?\s*(?:([kmgt])(?:i?b)?|b)?$/i;

/** HEAPCLI_MAX_PROFILE's value read, or why it cannot be. */
export type SizeSetting = { readonly bytes: number | undefined } | { readonly error: string };

/**
 * The byte count a size setting names: a whole number of bytes or a number with a unit (`100kB`,
 * `512MB`, `2GiB`, `1.5g`; powers of 1024 whatever the spelling), case and spaces around it not
 * minding. Null for anything else, and for less than one byte or more than 2^53.
 */
export function parseByteSize(text: string): number | null {
  const match = SIZE.exec(text.trim());
  if (!match) return null;
  const [, digits, exponent, unit] = match;
  const power = UNIT_POWERS[(unit ?? '').toLowerCase()];
  const bytes = Math.floor(Number(digits) * 10 ** Number(exponent ?? 0) * 1024 ** power);
  return bytes >= 1 && bytes <= Number.MAX_SAFE_INTEGER ? bytes : null;
}

/**
 * The largest profile to read, from HEAPCLI_MAX_PROFILE: undefined when unset or empty (the
 * default applies), an error line when it is set to something else than a size, so that a typo is
 * not silently replaced by the default.
 */
export function maxProfileBytesFromEnv(env: NodeJS.ProcessEnv): SizeSetting {
  const value = env.HEAPCLI_MAX_PROFILE;
  if (value === undefined || value.trim() === '') return { bytes: undefined };
  const bytes = parseByteSize(value);
  if (bytes !== null) return { bytes };
  return {
    error: `HEAPCLI_MAX_PROFILE=${JSON.stringify(value)} is not a size: give a number of bytes of at least 1, or one with a unit (64MB, 2GB; powers of 1024)`,
  };
}
