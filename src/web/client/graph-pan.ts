/**
 * Pan and zoom for the graph view's SVG: the wheel zooms about the pointer, a drag pans. Both
 * move the SVG's viewBox, so text stays sharp at any scale.
 */
export function startPanZoom(svg: SVGSVGElement): void {
  const base = svg.viewBox.baseVal;
  if (!base || base.width === 0) return;
  let box = { x: base.x, y: base.y, w: base.width, h: base.height };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.style.width = '100%';
  svg.style.height = '100%';
  const apply = () => svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
  /** The point of the graph under client coordinates (cx, cy). */
  const toGraph = (cx: number, cy: number) => {
    const r = svg.getBoundingClientRect();
    const scale = Math.max(box.w / r.width, box.h / r.height);
    const ox = box.x - (r.width * scale - box.w) / 2;
    const oy = box.y - (r.height * scale - box.h) / 2;
    return { x: ox + (cx - r.left) * scale, y: oy + (cy - r.top) * scale, scale };
  };
  svg.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const p = toGraph(e.clientX, e.clientY);
      const f = Math.exp(e.deltaY * 0.0015);
      box = { x: p.x - (p.x - box.x) * f, y: p.y - (p.y - box.y) * f, w: box.w * f, h: box.h * f };
      apply();
    },
    { passive: false },
  );
  let drag: { x: number; y: number } | null = null;
  svg.addEventListener('mousedown', (e) => {
    drag = { x: e.clientX, y: e.clientY };
    svg.style.cursor = 'grabbing';
  });
  window.addEventListener('mousemove', (e) => {
    if (!drag) return;
    const { scale } = toGraph(e.clientX, e.clientY);
    box = { ...box, x: box.x - (e.clientX - drag.x) * scale, y: box.y - (e.clientY - drag.y) * scale };
    drag = { x: e.clientX, y: e.clientY };
    apply();
  });
  window.addEventListener('mouseup', () => {
    drag = null;
    svg.style.cursor = '';
  });
  svg.addEventListener('dblclick', () => {
    box = { x: base.x, y: base.y, w: base.width, h: base.height };
    apply();
  });
}
