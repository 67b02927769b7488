import { percentage, scaledLabel } from '../../analysis/values/units.js';
import { type FlameData, type Frame, decodeFlame } from '../flame-data.js';
import { type Placed, frameAt, frameColour, frameWeight, layout, matchShare, maxDepth } from './flame-layout.js';

const ROW = 18;
const FONT = '12px ui-monospace, Menlo, Consolas, monospace';
const MATCH_COLOUR = '#c86ee6';

/** What the page exposes of the drawing, for tests in a browser and for the curious. */
export interface FlameState {
  zoom: string;
  drawn: { name: string; x: number; y: number; width: number; above: boolean }[];
  matched: number;
}

/** Draws the flame graph of `data` on the page's canvas and wires its zoom, search and hover. */
export function startFlameGraph(data: FlameData, search: HTMLInputElement): void {
  const root = decodeFlame(data);
  const canvas = document.getElementById('flame-canvas') as HTMLCanvasElement;
  const tip = document.getElementById('flame-tip') as HTMLElement;
  const crumbs = document.getElementById('flame-crumbs') as HTMLElement;
  const matchLine = document.getElementById('flame-match') as HTMLElement;
  const format = (v: number) => scaledLabel(Math.trunc(v * (data.ratio ?? 1)), data.unit, data.shownUnit ?? 'minimum');
  const share = (v: number, of: number) => percentage(v, of).trim();
  let zoom: Frame = root;
  let placed: Placed[] = [];
  let matches = new Set<Frame>();
  const state: FlameState = { zoom: root.name, drawn: [], matched: 0 };
  (window as unknown as { heapcliFlame: FlameState }).heapcliFlame = state;
  if (data.diff)
    (document.getElementById('flame-legend') as HTMLElement).innerHTML =
      '<span style="background:hsl(0,90%,60%)"></span>growth<span style="background:hsl(215,90%,60%)"></span>shrinkage';

  const draw = () => {
    const width = canvas.clientWidth;
    placed = layout(zoom, width, ROW);
    const height = (maxDepth(placed) + 1) * ROW;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = FONT;
    const charWidth = ctx.measureText('m').width;
    for (const p of placed) {
      ctx.globalAlpha = p.above ? 0.55 : 1;
      ctx.fillStyle = matches.has(p.frame) ? MATCH_COLOUR : frameColour(p.frame, data.diff);
      ctx.fillRect(p.x, p.y, Math.max(p.width - 1, 0.5), ROW - 1);
      const chars = Math.floor((p.width - 6) / charWidth);
      if (chars >= 3) {
        ctx.fillStyle = '#000';
        const name = p.frame.name.length > chars ? `${p.frame.name.slice(0, chars - 1)}…` : p.frame.name;
        ctx.fillText(name, p.x + 3, p.y + ROW - 5);
      }
    }
    ctx.globalAlpha = 1;
    state.zoom = zoom.name;
    state.drawn = placed.map((p) => ({ name: p.frame.name, x: p.x, y: p.y, width: p.width, above: p.above }));
    canvas.dataset.zoom = zoom.name;
    const path: string[] = [];
    for (let f: Frame | null = zoom; f !== null; f = f.parent) path.unshift(f.name);
    crumbs.textContent = path.join(' › ');
  };

  const findMatches = () => {
    const text = search.value;
    let re: RegExp | null = null;
    try {
      re = text === '' ? null : new RegExp(text);
    } catch {
      matchLine.textContent = 'not a regexp';
    }
    if (re === null) {
      matches = new Set();
      if (text === '') matchLine.textContent = '';
      state.matched = 0;
      return draw();
    }
    const found = matchShare(root, re);
    matches = found.frames;
    state.matched = found.value;
    matchLine.textContent = `Matched: ${format(found.value)}, ${share(found.value, data.total)} of total (${found.frames.size} frames)`;
    draw();
  };

  canvas.addEventListener('click', (e) => {
    const hit = frameAt(placed, e.offsetX, e.offsetY, ROW);
    if (hit) {
      zoom = hit.frame;
      draw();
    }
  });
  canvas.addEventListener('mousemove', (e) => {
    const hit = frameAt(placed, e.offsetX, e.offsetY, ROW);
    if (!hit) return void (tip.style.display = 'none');
    tip.textContent = details(hit.frame);
    tip.style.display = 'block';
    tip.style.left = `${Math.min(e.clientX + 12, window.innerWidth - tip.offsetWidth - 8)}px`;
    tip.style.top = `${e.clientY + 14}px`;
  });
  canvas.addEventListener('mouseleave', () => (tip.style.display = 'none'));
  document.getElementById('flame-reset')?.addEventListener('click', () => {
    zoom = root;
    draw();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.activeElement !== search) {
      zoom = root;
      draw();
    }
  });
  search.addEventListener('input', findMatches);
  window.addEventListener('resize', draw);

  const details = (f: Frame): string => {
    const lines = [
      f.name,
      `Flat: ${format(f.self)} (${share(f.self, data.total)} of total)`,
      `Cum: ${format(f.total)} (${share(f.total, data.total)} of total, ${share(frameWeight(f) === 0 ? 0 : f.total, zoom.total)} of ${zoom.name})`,
    ];
    if (data.diff) lines.push(`Growth: ${format(f.grown)}   Shrinkage: ${format(f.shrunk)}`);
    lines.push(`${data.typeName}, click to zoom`);
    return lines.join('\n');
  };

  findMatches();
}
