import { Gunzip } from 'fflate';
import { crc32 } from './crc32.js';
import { ProfileError } from './errors.js';

/** The largest inflated profile we accept unless HEAPCLI_MAX_PROFILE says otherwise (2 GiB). */
export const DEFAULT_MAX_INFLATED = 2 * 1024 ** 3;

/** Deflate's largest expansion: one input byte can stand for at most about this many output bytes. */
const MAX_DEFLATE_RATIO = 1032;

/** The first slice of input too long for one push; later slices double (see gunzipBounded). */
const RAMP_FIRST_SLICE = 16384;

/** True when `bytes` start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** One gzip member's output, as measured while inflating. */
interface Member {
  size: number;
  crc: number;
  /** Where the member's input ends (its 8-byte trailer is just before). */
  end: number;
}

/**
 * Inflates gzip data with fflate's streaming decoder, refusing output past `maxBytes` as it grows
 * (a gzip bomb stops early). Several members (`cat a.gz b.gz`) are inflated in turn. fflate checks
 * neither the trailer's CRC-32 nor its length, and does not notice a cut-off input, so each
 * member's output is checked against its trailer here.
 */
export function gunzipBounded(bytes: Uint8Array, maxBytes = DEFAULT_MAX_INFLATED): Uint8Array {
  if (bytes.length < 18) throw new ProfileError('gzip', 'truncated gzip data (shorter than a gzip header and trailer)');
  const output = new OutputBuffer(bytes, maxBytes);
  let total = 0;
  const members: Member[] = [];
  let current: Member = { size: 0, crc: 0, end: bytes.length };
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > maxBytes) {
      throw new ProfileError('too-large', `inflates to more than ${maxBytes} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`);
    }
    current.size += chunk.length;
    current.crc = crc32(chunk, current.crc);
    output.add(chunk);
  });
  gunzip.onmember = (offset) => {
    members.push({ ...current, end: offset });
    current = { size: 0, crc: 0, end: bytes.length };
  };
  try {
    // Fed in slices so the limit applies as the output grows. A slice inflates to at most about
    // MAX_DEFLATE_RATIO times its size: big slices while the data inflates as profiles do, small
    // ones once it looks like a bomb or nears the limit. Input that fits one slice goes in one
    // push. Longer input starts with small slices that double: each push ends on paths V8 has
    // not seen before (a read past the slice's end, a block paused half way), and met while the
    // decoder is still unoptimised they cost nothing, where later each would throw TurboFan's
    // code for fflate's decoder away and wait for it to be compiled again.
    let ramp = RAMP_FIRST_SLICE;
    for (let at = 0; at < bytes.length; ) {
      const ratio = at > 0 ? total / at : 1;
      const room = Math.max(0, maxBytes - total);
      const bound = Math.min(ratio > 64 ? 65536 : 1 << 22, Math.max(1024, Math.floor(room / MAX_DEFLATE_RATIO)));
      const slice = at === 0 && bytes.length <= bound ? bound : Math.min(ramp, bound);
      ramp *= 2;
      gunzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
      at += slice;
    }
  } catch (err) {
    if (err instanceof ProfileError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    if (/unexpected EOF/i.test(reason)) throw new ProfileError('gzip', 'truncated gzip data (unexpected end of file)');
    throw new ProfileError('gzip', `corrupt gzip data (${reason})`);
  }
  members.push(current);
  for (const member of members) checkTrailer(bytes, member);
  return output.finish();
}

/** Compares a member's CRC-32 and length with its trailer; both wrong means the input was cut. */
function checkTrailer(bytes: Uint8Array, member: Member): void {
  const trailer = new DataView(bytes.buffer, bytes.byteOffset + member.end - 8, 8);
  const crcOk = trailer.getUint32(0, true) === member.crc;
  const sizeOk = trailer.getUint32(4, true) === member.size % 2 ** 32;
  if (!crcOk && !sizeOk) throw new ProfileError('gzip', 'truncated gzip data (unexpected end of file)');
  if (!crcOk) throw new ProfileError('gzip', 'corrupt gzip data (checksum mismatch)');
  if (!sizeOk) throw new ProfileError('gzip', 'corrupt gzip data (length mismatch)');
}

/**
 * Collects the inflated bytes. The last trailer's length field predicts the size (exactly, for a
 * single member under 4 GiB), so the bytes go straight into one buffer of that size instead of
 * being copied again at the end; a wrong prediction falls back to collecting chunks.
 */
class OutputBuffer {
  private buffer: Uint8Array | null;
  private length = 0;
  private chunks: Uint8Array[] = [];

  constructor(bytes: Uint8Array, maxBytes: number) {
    const predicted = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true);
    // The trailer is only a claim: no more than the input could inflate to is set aside for it.
    const possible = Math.min(maxBytes, bytes.length * MAX_DEFLATE_RATIO);
    this.buffer = predicted > 0 && predicted <= possible ? new Uint8Array(predicted) : null;
  }

  add(chunk: Uint8Array): void {
    if (this.buffer && this.length + chunk.length <= this.buffer.length) {
      this.buffer.set(chunk, this.length);
    } else {
      if (this.buffer) this.chunks.push(this.buffer.subarray(0, this.length));
      this.buffer = null;
      this.chunks.push(chunk);
    }
    this.length += chunk.length;
  }

  finish(): Uint8Array {
    if (this.buffer) return this.buffer.subarray(0, this.length);
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
