/**
 * profile.proto bytes as a tree of fields, kept exactly as written (tag, length and value bytes),
 * so the mutator can change one field deep inside and re-encode the rest byte for byte, with the
 * enclosing lengths fixed up (or deliberately not). Bytes that do not parse are kept as a message's
 * `rest`, so the tree of already-damaged bytes still encodes back to them. Fields keep offsets into
 * the parsed bytes; only what a mutation replaces is held as new bytes.
 */

/** Which length-delimited fields hold messages, by message name and field number. */
const MESSAGE_FIELDS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  profile: { 1: 'valueType', 2: 'sample', 3: 'mapping', 4: 'location', 5: 'function', 11: 'valueType' },
  sample: { 3: 'label' },
  location: { 4: 'line' },
};

export type Layout = 'varint' | 'fixed64' | 'len' | 'fixed32';

/** One field as written, and what a mutation replaced in it. */
export class WireField {
  /** New tag bytes (another field number or wire type). */
  tag: Uint8Array | null = null;
  /** New value bytes: the varint or fixed bytes, or a LEN field's payload. */
  value: Uint8Array | null = null;
  /** A length prefix to write instead of the true one (a lie). */
  lengthOverride: Uint8Array | null = null;
  /** The payload parsed as a message, once asked for. */
  private nested: WireMessage | null = null;

  constructor(
    /** The bytes the field was parsed from. */
    readonly src: Uint8Array,
    /** Where the tag starts; where it ends; where the value (after a LEN field's length) starts and ends. */
    readonly start: number,
    readonly tagEnd: number,
    readonly valueStart: number,
    readonly valueEnd: number,
    readonly field: number,
    readonly wire: number,
    /** How the value is laid out (what the original wire type said; a retagged field keeps it). */
    readonly layout: Layout,
    /** The message type the field is in ('profile', 'sample', ...). */
    readonly type: string,
    /** The message type of a LEN field the schema knows as a message, else null. */
    readonly nestedType: string | null,
    private readonly depth: number,
  ) {}

  /** The length a LEN field's prefix said. */
  get length(): number {
    return this.valueEnd - this.valueStart;
  }

  tagBytes(): Uint8Array {
    return this.tag ?? this.src.subarray(this.start, this.tagEnd);
  }

  valueBytes(): Uint8Array {
    return this.value ?? this.src.subarray(this.valueStart, this.valueEnd);
  }

  /** The payload as a message (parsed when first asked for), or null for other fields. */
  message(): WireMessage | null {
    if (this.nestedType !== null && this.nested === null && this.value === null && this.depth < 8) {
      this.nested = parseMessage(this.src, this.nestedType, this.valueStart, this.valueEnd, this.depth + 1);
    }
    return this.nested;
  }

  /** The payload to encode: the message if it was parsed (and perhaps changed), else the bytes. */
  payload(): Uint8Array {
    return this.nested !== null && this.value === null ? encodeMessage(this.nested) : this.valueBytes();
  }

  /** A copy, sharing the parsed payload. */
  copy(): WireField {
    const f = new WireField(
      this.src,
      this.start,
      this.tagEnd,
      this.valueStart,
      this.valueEnd,
      this.field,
      this.wire,
      this.layout,
      this.type,
      this.nestedType,
      this.depth,
    );
    f.tag = this.tag;
    f.value = this.value;
    f.lengthOverride = this.lengthOverride;
    f.nested = this.nested;
    return f;
  }
}

/** A message: its fields, then any bytes that did not parse. */
export interface WireMessage {
  fields: WireField[];
  rest: Uint8Array;
  readonly type: string;
  /** The bytes it was parsed from, which it encodes to until something in it changes. */
  readonly original: Uint8Array;
  /** Set on a message and all that enclose it when anything in it changes. */
  dirty: boolean;
}

/** Where the varint at `pos` ends (at most 10 bytes, before `end`), or -1 when it does not. */
export function varintEnd(bytes: Uint8Array, pos: number, end: number): number {
  for (let i = 0; i < 10 && pos + i < end; i++) if (bytes[pos + i] < 0x80) return pos + i + 1;
  return -1;
}

/** The value of a varint of at most 5 bytes (a tag or a length) as a number. */
function smallVarint(bytes: Uint8Array, pos: number, next: number): number {
  let value = 0;
  for (let i = next - 1; i >= pos; i--) value = value * 128 + (bytes[i] & 0x7f);
  return value;
}

/** The minimal varint encoding of a non-negative integer (bigint values may pass 2^53). */
export function varint(value: number | bigint): Uint8Array {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

/** The bytes of several arrays one after another. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Parses `bytes[start, end)` as a message of `type`. */
export function parseMessage(bytes: Uint8Array, type = 'profile', start = 0, end = bytes.length, depth = 0): WireMessage {
  const fields: WireField[] = [];
  let pos = start;
  while (pos < end) {
    const field = parseField(bytes, pos, end, type, depth);
    if (field === null) break;
    fields.push(field);
    pos = field.valueEnd;
  }
  return { fields, rest: bytes.subarray(pos, end), type, original: bytes.subarray(start, end), dirty: false };
}

function parseField(bytes: Uint8Array, start: number, end: number, type: string, depth: number): WireField | null {
  const tagEnd = varintEnd(bytes, start, end);
  if (tagEnd === -1 || tagEnd - start > 5) return null;
  const tag = smallVarint(bytes, start, tagEnd);
  const field = Math.floor(tag / 8);
  const wire = tag % 8;
  if (field === 0) return null;
  if (wire === 0) {
    const valueEnd = varintEnd(bytes, tagEnd, end);
    return valueEnd === -1 ? null : new WireField(bytes, start, tagEnd, tagEnd, valueEnd, field, wire, 'varint', type, null, depth);
  }
  if (wire === 1 || wire === 5) {
    const valueEnd = tagEnd + (wire === 1 ? 8 : 4);
    return valueEnd > end
      ? null
      : new WireField(bytes, start, tagEnd, tagEnd, valueEnd, field, wire, wire === 1 ? 'fixed64' : 'fixed32', type, null, depth);
  }
  if (wire !== 2) return null;
  const valueStart = varintEnd(bytes, tagEnd, end);
  if (valueStart === -1 || valueStart - tagEnd > 5) return null;
  const length = smallVarint(bytes, tagEnd, valueStart);
  if (length > end - valueStart) return null;
  return new WireField(
    bytes,
    start,
    tagEnd,
    valueStart,
    valueStart + length,
    field,
    wire,
    'len',
    type,
    MESSAGE_FIELDS[type]?.[field] ?? null,
    depth,
  );
}

/** The bytes of a message, with every untouched part as it was written. */
export function encodeMessage(m: WireMessage): Uint8Array {
  if (!m.dirty) return m.original;
  const parts: Uint8Array[] = [];
  for (const f of m.fields) {
    parts.push(f.tagBytes());
    if (f.layout !== 'len') {
      parts.push(f.valueBytes());
      continue;
    }
    const payload = f.payload();
    const length = f.lengthOverride ?? (payload.length === f.length ? f.src.subarray(f.tagEnd, f.valueStart) : varint(payload.length));
    parts.push(length, payload);
  }
  parts.push(m.rest);
  return concat(...parts);
}

/** A field and where it sits: its message, its index there, and the messages enclosing it. */
export interface FieldSlot {
  readonly parent: WireMessage;
  readonly index: number;
  readonly field: WireField;
  /** The messages from the root down to `parent`. */
  readonly path: readonly WireMessage[];
}

/**
 * A random field of the tree for which `filter` holds, or null: from the top, a random field of
 * each message, descending into a nested message three times in four.
 */
export function pickField(random: () => number, tree: WireMessage, filter: (s: FieldSlot) => boolean, tries = 40): FieldSlot | null {
  for (let t = 0; t < tries; t++) {
    let m = tree;
    const path = [tree];
    while (m.fields.length > 0) {
      const index = Math.floor(random() * m.fields.length);
      const field = m.fields[index];
      const nested = field.message();
      if (nested !== null && nested.fields.length > 0 && random() < 0.75) {
        m = nested;
        path.push(nested);
        continue;
      }
      const slot = { parent: m, index, field, path };
      if (filter(slot)) return slot;
      break;
    }
  }
  return null;
}

/** Marks the messages around a slot as changed, so they are encoded again. */
export function touch(slot: FieldSlot): void {
  for (const m of slot.path) m.dirty = true;
}

/** A short name for a field, for case descriptions: `location#4[2]@1517` (type, field, index, offset). */
export function fieldName(slot: FieldSlot): string {
  return `${slot.field.type}#${slot.field.field}[${slot.index}]@${slot.field.start}`;
}

/** The values of a packed (or single) varint field, exactly. */
export function readPacked(value: Uint8Array): bigint[] | null {
  const out: bigint[] = [];
  let pos = 0;
  while (pos < value.length) {
    const next = varintEnd(value, pos, value.length);
    if (next === -1) return null;
    let v = 0n;
    for (let i = next - 1; i >= pos; i--) v = (v << 7n) | BigInt(value[i] & 0x7f);
    out.push(v);
    pos = next;
  }
  return out;
}
