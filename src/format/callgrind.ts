import type { CallgrindGraph } from '../analysis/reports/callgrind-graph.js';

/**
 * The callgrind file pprof writes (`positions: instr line`): a block per run of nodes of one binary,
 * file and function (`ob=`, `fl=`, `fn=`, names compressed as `(N) name` the first time and `(N)`
 * after), each node's address, line and flat value, then its calls with their weights. Addresses
 * after the first are relative to the previous node's when that is shorter, and `*` when equal.
 */
export function formatCallgrind(g: CallgrindGraph): string {
  const objfiles = new NameIds();
  const files = new NameIds();
  const names = new NameIds();
  const lines = ['positions: instr line', `events: ${g.event}`];
  let prev: CallgrindGraph['nodes'][number] | null = null;
  for (const n of g.nodes) {
    if (prev === null || n.objfile !== prev.objfile || n.file !== prev.file || n.name !== prev.name) {
      lines.push('', `ob=${objfiles.name(n.objfile)}`, `fl=${files.name(n.file)}`, `fn=${names.name(n.name)}`);
    }
    lines.push(`${address(prev?.address ?? null, n.address)} ${n.line} ${n.flat}`);
    for (const call of n.calls) {
      lines.push(`cfl=${files.name(call.file)}`, `cfn=${names.name(call.name)}`);
      // The callee's address is relative to the previous node's too, as pprof writes it.
      lines.push(`calls=0 ${address(prev?.address ?? null, call.address)} ${call.line}`, `* * ${call.weight}`);
    }
    prev = n;
  }
  return lines.join('\n') + '\n';
}

/** callgrind's name compression: `(N) name` when first written, `(N)` after; '' stays ''. */
class NameIds {
  private readonly ids = new Map<string, number>();

  name(name: string): string {
    if (name === '') return '';
    const id = this.ids.get(name);
    if (id !== undefined) return `(${id})`;
    this.ids.set(name, this.ids.size + 1);
    return `(${this.ids.size}) ${name}`;
  }
}

/** `0x…` for the first node, `*` for the same address, else `+d`/`-d` when shorter than `0x…`. */
function address(prev: number | null, current: number): string {
  const absolute = `0x${current.toString(16)}`;
  if (prev === null) return absolute;
  if (prev === current) return '*';
  const diff = current - prev;
  const relative = diff >= 0 ? `+${diff}` : String(diff);
  return relative.length < absolute.length ? relative : absolute;
}
