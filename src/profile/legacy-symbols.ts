/**
 * The `#` symbol lines Go's runtime/pprof writes under each record of a legacy text heap profile
 * (`#\t0x4b54ed\tmain.growBuf+0xed\t/src/main.go:33`), matched to the record's addresses. pprof
 * ignores them and needs the binary to name frames; heapcli names frames from them instead.
 */

/** One frame of a `#` line. `entry` is the frame's PC less its `+0x..` offset, when it has one. */
export interface SymbolFrame {
  readonly pc: bigint;
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly entry: bigint | null;
}

/** A location of a sample: its address, an identity for sharing it, its frames innermost first. */
export interface StackLocation {
  readonly address: bigint;
  readonly key: string;
  readonly frames: readonly SymbolFrame[];
}

const PC = /^0x[0-9a-f]+$/i;
const NAME_OFFSET = /^(.+)\+(0x[0-9a-f]+)$/i;
const FILE_LINE = /^(.*):(\d+)$/;

/**
 * The frame of a trimmed `#` line, or null for any other comment (`# runtime.MemStats`, `# Alloc
 * = ...`). Go separates the fields by tabs (several, for alignment); a frame Go could not name is
 * a PC alone.
 */
export function parseSymbolLine(line: string): SymbolFrame | null {
  const fields = line
    .slice(1)
    .split('\t')
    .filter((f) => f !== '');
  if (fields.length === 0 || !PC.test(fields[0])) return null;
  const pc = BigInt(fields[0]);
  const nameField = fields[1] ?? '';
  const named = NAME_OFFSET.exec(nameField);
  const fileField = fields.slice(2).join('\t');
  const fileLine = FILE_LINE.exec(fileField);
  return {
    pc,
    name: named ? named[1] : nameField,
    file: fileLine ? fileLine[1] : fileField,
    line: fileLine ? Number(fileLine[2]) : 0,
    entry: named ? pc - BigInt(named[2]) : null,
  };
}

/**
 * The locations of one record, leaf first, from its addresses (already less 1, as the `#` lines
 * show them) and its frames. Without frames every address is a location of its own, as in pprof.
 *
 * With frames, an address that has none is dropped: Go leaves out exactly the runtime frames on
 * the leaf side of the first other frame, which pprof's drop_frames would remove, and
 * `runtime.goexit`, which Go's own profile.proto leaves out too. Since Go 1.12 the runtime gives an
 * inlined call a PC of its own, so frames inlined into one function arrive as consecutive
 * addresses: they become one location with several lines, as in Go's profile.proto.
 */
export function locateStack(addresses: readonly bigint[], frames: readonly SymbolFrame[]): StackLocation[] {
  const units = frames.length === 0 ? null : matchFrames(addresses, frames);
  if (units === null) return addresses.map((address) => ({ address, key: `0x${address.toString(16)}`, frames: [] }));
  return groupInlined(units).map(toLocation);
}

/** An address and the frames of its `#` lines (usually one). */
interface Unit {
  readonly address: bigint;
  readonly frames: readonly SymbolFrame[];
}

/**
 * Pairs addresses with frames in order. A run of q equal addresses (recursion) takes the run of
 * frames with that PC in q equal shares; more than one frame per address means Go expanded the
 * inlined calls at one PC itself. Returns null when no frame matches any address.
 */
function matchFrames(addresses: readonly bigint[], frames: readonly SymbolFrame[]): Unit[] | null {
  const units: Unit[] = [];
  // Where each address last occurs, so "is this PC among the addresses left" costs no scan.
  const lastIndex = new Map<bigint, number>();
  addresses.forEach((address, i) => lastIndex.set(address, i));
  let j = 0;
  for (let i = 0; i < addresses.length;) {
    // A frame whose PC is not among the addresses left belongs to none of them.
    while (j < frames.length && (lastIndex.get(frames[j].pc) ?? -1) < i) j++;
    if (j === frames.length || frames[j].pc !== addresses[i]) {
      i++;
      continue;
    }
    const q = runLength(addresses, i, (a) => a === addresses[i]);
    const r = runLength(frames, j, (f) => f.pc === addresses[i]);
    const share = Math.max(1, Math.floor(r / q));
    for (let k = 0; k < q; k++) {
      const from = j + (k * share < r ? k * share : 0);
      units.push({ address: addresses[i + k], frames: frames.slice(from, from + share) });
    }
    i += q;
    j += r;
  }
  return units.length === 0 ? null : units;
}

function runLength<T>(items: readonly T[], from: number, same: (item: T) => boolean): number {
  let end = from;
  while (end < items.length && same(items[end])) end++;
  return end - from;
}

/**
 * Joins consecutive single-frame units into one when the leaf-side frame is inlined into the next:
 * both are in the same compiled function (same entry) but are different functions. That is the
 * test Go's profile.proto writer makes; recursion (same function) stays apart.
 */
function groupInlined(units: readonly Unit[]): Unit[][] {
  const groups: Unit[][] = [];
  for (const unit of units) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (last && last.frames.length === 1 && unit.frames.length === 1 && inlinedInto(last.frames[0], unit.frames[0])) group.push(unit);
    else groups.push([unit]);
  }
  return groups.flatMap(splitAtHost);
}

function inlinedInto(callee: SymbolFrame, caller: SymbolFrame): boolean {
  return callee.entry !== null && callee.entry === caller.entry && callee.name !== caller.name && callee.name !== '';
}

/**
 * A function is never inlined into itself, so a frame with the name of the group's outermost
 * frame is a real frame of that function (recursion through an inlined call): the group ends there.
 */
function splitAtHost(group: Unit[]): Unit[][] {
  // From the outermost end: each piece ends at its host, and starts after the previous frame of
  // that name. A loop, not recursion, so a record of thousands of such frames cannot overflow the stack.
  const pieces: Unit[][] = [];
  let end = group.length;
  for (let k = end - 2; k >= -1; k--) {
    if (k === -1 || group[k].frames[0].name === group[end - 1].frames[0].name) {
      pieces.push(group.slice(k + 1, end));
      end = k + 1;
      k = end - 1;
    }
  }
  return pieces.reverse();
}

function toLocation(group: readonly Unit[]): StackLocation {
  const frames = group.flatMap((u) => u.frames);
  const addresses = group.map((u) => u.address.toString(16)).join(',');
  return { address: group[0].address, key: `${addresses}|${frames.map((f) => `${f.name}\u0000${f.file}:${f.line}`).join('|')}`, frames };
}
