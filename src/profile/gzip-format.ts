/** The largest inflated profile we accept unless HEAPCLI_MAX_PROFILE says otherwise (2 GiB). */
export const DEFAULT_MAX_INFLATED = 2 * 1024 ** 3;

/** True when `bytes` start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
