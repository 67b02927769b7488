import { Gunzip } from 'fflate';
import { crc32 } from './crc32.js';
import { ProfileError } from './errors.js';

import { DEFAULT_MAX_INFLATED } from './gzip-format.js';

export { DEFAULT_MAX_INFLATED, isGzip } from './gzip-format.js';

/** Deflate's largest expansion: one input byte can stand for at most about this many output bytes. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * About how much output one push should make, at most. fflate grows its output buffer by doubling
 * within a push and copies what came out, and heapcli copies it once more: a push that makes 70 MB
 * (4 MB of a string table that inflates 19 times) goes through memory six times, one that makes
 * a megabyte stays in the processor's cache (3 million strings: 3.7-4.5 s to inflate, 2.5-3.4 s).
 */
const OUTPUT_PER_PUSH = 1 << 20;

/** The first slice of input too long for one push; later slices double (see gunzipBounded). */
const RAMP_FIRST_SLICE = 16384;

/** One gzip member's output, as measured while inflating. */
interface Member {
  size: number;
  crc: number;
  /** Where the member's input ends (its 8-byte trailer is just before). */
  end: number;
}

/** Thrown from fflate's onmember to stop at the start of the next member (see gunzipBounded). */
class NextMember {
  constructor(readonly offset: number) {}
}

/** The first slice of a member after the first: empty or small members are common there. */
const LATER_MEMBER_FIRST_SLICE = 256;

/**
 * Inflates gzip data with fflate's streaming decoder, refusing output past `maxBytes` as it grows
 * (a gzip bomb stops early). Several members (`cat a.gz b.gz`) are inflated one at a time, each by
 * a decoder of its own: fflate goes on to a following member by calling itself, one level deeper
 * and with a copy of the rest of the input per member, so 10,000 empty members after a profile
 * overflowed the stack. fflate checks neither the trailer's CRC-32 nor its length, and does not
 * notice a cut-off input, so each member's output is checked against its trailer here.
 */
export function gunzipBounded(bytes: Uint8Array, maxBytes = DEFAULT_MAX_INFLATED): Uint8Array {
  if (bytes.length < 18) throw new ProfileError('gzip', 'truncated gzip data (shorter than a gzip header and trailer)');
  const output = new OutputBuffer(bytes, maxBytes);
  const inflated = { total: 0 };
  for (let start = 0, first = true; ; first = false) {
    const member = emptyMember(bytes, start) ?? inflateMember(bytes, start, first, maxBytes, output, inflated);
    checkTrailer(bytes, member);
    if (member.end >= bytes.length) break;
    start = member.end;
  }
  return output.finish();
}

/**
 * Inflates the member starting at `start` (and, when the data ends inside it, what follows).
 * Returns its output's size and CRC-32, and where its input ends.
 */
function inflateMember(
  bytes: Uint8Array,
  start: number,
  first: boolean,
  maxBytes: number,
  output: OutputBuffer,
  inflated: { total: number },
): Member {
  const member: Member = { size: 0, crc: 0, end: bytes.length };
  const gunzip = new Gunzip((chunk) => {
    inflated.total += chunk.length;
    if (inflated.total > maxBytes) {
      throw new ProfileError('too-large', `inflates to more than ${maxBytes} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`);
    }
    member.size += chunk.length;
    member.crc = crc32(chunk, member.crc);
    output.add(chunk);
  });
  // Called once the next member's header has been read, all of this member's output given.
  gunzip.onmember = (offset) => {
    throw new NextMember(start + offset);
  };
  try {
    let ramp = first ? RAMP_FIRST_SLICE : LATER_MEMBER_FIRST_SLICE;
    for (let at = start; at < bytes.length; ramp *= 2) {
      const room = Math.max(0, maxBytes - inflated.total);
      const slice = sliceLength({ at, start, first, ramp, room, inflatedSoFar: member.size, inputLength: bytes.length });
      gunzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
      at += slice;
    }
  } catch (err) {
    if (err instanceof NextMember) return { ...member, end: err.offset };
    throw gzipFailure(err);
  }
  return member;
}

/** What a failure while inflating means: ours (the limit) as it is, fflate's as truncated or corrupt. */
function gzipFailure(err: unknown): unknown {
  if (err instanceof ProfileError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  if (/unexpected EOF/i.test(reason)) return new ProfileError('gzip', 'truncated gzip data (unexpected end of file)');
  return new ProfileError('gzip', `corrupt gzip data (${reason})`);
}

/** Where inflating a member stands, for choosing the next slice of its input. */
interface SliceState {
  readonly at: number;
  readonly start: number;
  readonly first: boolean;
  readonly ramp: number;
  /** Output still allowed under the limit. */
  readonly room: number;
  /** The member's output so far. */
  readonly inflatedSoFar: number;
  readonly inputLength: number;
}

/**
 * How much input to push next. Fed in slices so the limit applies as the output grows: a slice
 * inflates to at most about MAX_DEFLATE_RATIO times its size, so slices make about OUTPUT_PER_PUSH
 * while the data inflates as profiles do, and are small once it looks like a bomb or nears the
 * limit. A first member that fits one slice goes in one push. Longer input starts with small
 * slices that double (`ramp`): each push ends on paths V8 has not seen before (a read past the
 * slice's end, a block paused half way), and met while the decoder is still unoptimised they cost
 * nothing, where later each would throw TurboFan's code for fflate's decoder away and wait for it
 * to be compiled again. A later member starts smaller still: each push copies what is left of its
 * slice once the member ends.
 */
function sliceLength(s: SliceState): number {
  const ratio = s.at > s.start ? s.inflatedSoFar / (s.at - s.start) : 1;
  const byRatio = ratio > 64 ? 65536 : s.at === s.start ? 1 << 22 : Math.max(65536, Math.min(1 << 22, Math.floor(OUTPUT_PER_PUSH / ratio)));
  const bound = Math.min(byRatio, Math.max(1024, Math.floor(s.room / MAX_DEFLATE_RATIO)));
  return s.first && s.at === s.start && s.inputLength <= bound ? bound : Math.min(s.ramp, bound);
}

/** The final empty deflate blocks writers end an empty member with: fixed Huffman, and stored. */
const EMPTY_DEFLATE = [
  [0x03, 0x00],
  [0x01, 0x00, 0x00, 0xff, 0xff],
];

/**
 * The member at `start` when it holds nothing (a header, one final empty block, a trailer of zero
 * CRC-32 and length), stepped over without fflate, which sets aside 128 KiB for every member it
 * starts: 10,000 empty members after a profile took a second that way. Null for any other member.
 */
function emptyMember(bytes: Uint8Array, start: number): Member | null {
  const header = gzipHeaderLength(bytes, start);
  if (header < 0) return null;
  for (const block of EMPTY_DEFLATE) {
    const at = start + header;
    const end = at + block.length + 8;
    if (at + block.length > bytes.length || block.some((b, i) => bytes[at + i] !== b)) continue;
    if (end > bytes.length) throw new ProfileError('gzip', 'truncated gzip data (unexpected end of file)');
    for (let i = end - 8; i < end; i++) if (bytes[i] !== 0) return null;
    return { size: 0, crc: 0, end };
  }
  return null;
}

/** FLG bits of a gzip header (RFC 1952): a header CRC, extra field, file name, comment follow. */
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** The length of the gzip header at `at`, or -1 when there is none (or it runs past the data). */
function gzipHeaderLength(bytes: Uint8Array, at: number): number {
  if (at + 10 > bytes.length || bytes[at] !== 0x1f || bytes[at + 1] !== 0x8b || bytes[at + 2] !== 8) return -1;
  const flags = bytes[at + 3];
  let p = at + 10;
  if (flags & FEXTRA) p += 2 + (bytes[p] | (bytes[p + 1] << 8));
  for (const field of [FNAME, FCOMMENT]) {
    if (!(flags & field)) continue;
    while (p < bytes.length && bytes[p] !== 0) p++;
    p++;
  }
  if (flags & FHCRC) p += 2;
  return p <= bytes.length ? p - at : -1;
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
