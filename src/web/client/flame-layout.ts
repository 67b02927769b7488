import type { Frame } from '../flame-data.js';

/** A frame placed on the canvas, in CSS pixels. */
export interface Placed {
  readonly frame: Frame;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** An ancestor of the zoomed frame, drawn across the whole width and dimmed. */
  readonly above: boolean;
}

/** A frame's width in values: growth and shrinkage both (equal to total without a base). */
export function frameWeight(f: Frame): number {
  return f.grown - f.shrunk;
}

/** Frames narrower than this many pixels are not drawn, nor their callees. */
export const MIN_WIDTH = 0.5;

/**
 * Lays frames out for a canvas `width` pixels wide with `zoom` spanning it: the zoomed frame's
 * ancestors across the whole width above it, its callees side by side below, each as wide as its
 * share of the zoomed frame (children in the tree's order: by name).
 */
export function layout(zoom: Frame, width: number, rowHeight: number): Placed[] {
  const placed: Placed[] = [];
  for (let a = zoom.parent; a !== null; a = a.parent) placed.push({ frame: a, x: 0, y: a.depth * rowHeight, width, above: true });
  const scale = frameWeight(zoom) === 0 ? 0 : width / frameWeight(zoom);
  const visit = (f: Frame, x: number, w: number) => {
    placed.push({ frame: f, x, y: f.depth * rowHeight, width: w, above: false });
    let at = x;
    for (const c of f.children) {
      const cw = frameWeight(c) * scale;
      if (cw >= MIN_WIDTH) visit(c, at, cw);
      at += cw;
    }
  };
  visit(zoom, 0, width);
  return placed;
}

/** The frame drawn at (x, y), if any. */
export function frameAt(placed: readonly Placed[], x: number, y: number, rowHeight: number): Placed | null {
  for (const p of placed) if (y >= p.y && y < p.y + rowHeight && x >= p.x && x < p.x + p.width) return p;
  return null;
}

/** The deepest depth among `placed`, for the canvas height. */
export function maxDepth(placed: readonly Placed[]): number {
  let depth = 0;
  for (const p of placed) depth = Math.max(depth, p.frame.depth);
  return depth;
}

/**
 * What a search matches under `from`: the frames whose names match, and the value they account
 * for (each sample once: a match inside another match adds nothing).
 */
export function matchShare(from: Frame, re: RegExp): { frames: Set<Frame>; value: number } {
  const frames = new Set<Frame>();
  let value = 0;
  const visit = (f: Frame, inside: boolean) => {
    const hit = re.test(f.name);
    if (hit) frames.add(f);
    if (hit && !inside) value += f.total;
    for (const c of f.children) visit(c, inside || hit);
  };
  visit(from, false);
  return { frames, value };
}

/** The package part of a Go-style name (`net/http.(*Server).Serve` → `net/http`), for colours. */
export function packageOf(name: string): string {
  const slash = name.lastIndexOf('/');
  const dot = name.indexOf('.', slash + 1);
  return dot < 0 ? name : name.slice(0, dot);
}

/** A frame's colour: warm hues by package; under a base, red for growth and blue for shrinkage. */
export function frameColour(f: Frame, diff: boolean): string {
  if (diff) {
    const w = frameWeight(f);
    const net = w === 0 ? 0 : f.total / w;
    const strength = Math.round(Math.abs(net) * 60);
    if (strength === 0) return 'hsl(0,0%,85%)';
    return net > 0 ? `hsl(0,${30 + strength}%,${80 - strength / 3}%)` : `hsl(215,${30 + strength}%,${80 - strength / 3}%)`;
  }
  let hash = 0;
  for (const c of packageOf(f.name)) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  const h = Math.abs(hash);
  return `hsl(${10 + (h % 40)},${70 + ((h >> 8) % 20)}%,${58 + ((h >> 16) % 12)}%)`;
}
