import type { FlameNode, FlameTree } from '../../../src/analysis/flame-tree.js';
import { cutName, layOutFlame, type FlameCell, type FlameLayout } from '../../../src/ui/terminal/flame/flame-layout.js';
import { openFlame, pressFlameKey, type FlameView } from '../../../src/ui/terminal/flame/flame-nav.js';
import type { Key } from '../../../src/ui/keys.js';

/** A frame: `total` its cum, `self` 0 unless given, no base (grown = total). */
function frame(name: string, total: number, children: FlameNode[] = [], extra: Partial<FlameNode> = {}): FlameNode {
  return { name, self: 0, total, grown: total, shrunk: 0, children, ...extra };
}

//            root 100
//   main.a 60                 | pkg/b.B 30 | c 0.4 (a sliver)
//   main.a1 30 | main.a2 20
const ROOT = frame('root', 100, [
  frame('main.a', 60, [frame('main.a1', 30), frame('main.a2', 20)], { self: 10 }),
  frame('github.com/x/pkg/b.B', 30),
  frame('c', 0.4),
]);
const TREE: FlameTree = { root: ROOT, typeName: 'inuse_space', unit: 'bytes', total: 100, diff: false };

/** Each row as `name@column+width`, with `*` on the selected cell and `^` on the zoomed frame's callers. */
function shape(layout: FlameLayout): string[][] {
  return layout.rows.map((row) =>
    row.map((c: FlameCell) => `${c.node.name}@${c.column}+${c.width}${c === layout.selected ? '*' : ''}${c.above ? '^' : ''}`),
  );
}

describe('layOutFlame: an icicle in rows of cells', () => {
  it('puts the root across the width and each frame under its caller, as wide as its share of the cum, leaving out slivers', () => {
    const layout = layOutFlame(ROOT, 100, { zoom: [], selected: [] });
    expect(shape(layout)).toEqual([['root@0+100*'], ['main.a@0+60', 'github.com/x/pkg/b.B@60+30'], ['main.a1@0+30', 'main.a2@30+20']]);
    expect(layout.selected?.node.name).toBe('root');
  });

  it('cuts names to the cell less its one-column gap: the package folders first, then with an ellipsis', () => {
    const layout = layOutFlame(ROOT, 20, { zoom: [], selected: [1] });
    // Another selection at the same width and zoom: the same cells, laid out once.
    expect(layOutFlame(ROOT, 20, { zoom: [], selected: [0] }).rows).toBe(layout.rows);
    // main.a 12 columns, b.B 6: `github.com/x/pkg/b.B` becomes `b.B`; main.a1 6 columns, main.a2 4.
    expect(layout.rows[1].map((c) => [c.label, c.width, c.gap])).toEqual([
      ['main.a', 12, true],
      ['b.B', 6, true],
    ]);
    expect(layout.rows[2].map((c) => [c.label, c.width])).toEqual([
      ['main…', 6],
      ['ma…', 4],
    ]);
    // The root reaches the right edge: no gap, its name has every column.
    expect(layOutFlame(ROOT, 4, { zoom: [], selected: [] }).rows[0][0]).toMatchObject({ label: 'root', gap: false });
    expect(layout.selected?.path).toEqual([1]);
    expect(layout.selected).toBe(layout.rows[1][1]);
  });

  it('shows no name in a cell with room for fewer than three columns', () => {
    const layout = layOutFlame(ROOT, 10, { zoom: [], selected: [] });
    expect(layout.rows[1].map((c) => [c.label, c.width])).toEqual([
      ['main…', 6],
      ['', 3],
    ]);
    expect(layout.rows[2].map((c) => [c.label, c.width])).toEqual([
      ['', 3],
      ['', 2],
    ]);
  });

  it('zoomed into a frame: its callers across the width above it, the frame across the width, its callees scaled to it', () => {
    const layout = layOutFlame(ROOT, 100, { zoom: [0], selected: [0, 1] });
    expect(shape(layout)).toEqual([
      ['root@0+100^'],
      ['main.a@0+100'],
      // 30/60 and 20/60 of 100 columns: 50, then 50..83.
      ['main.a1@0+50', 'main.a2@50+33*'],
    ]);
    expect(layout.selected?.node.name).toBe('main.a2');
  });

  it('under a base, a frame is as wide as its growth and shrinkage together', () => {
    const root = frame('root', 0, [frame('grew', 30, [], { grown: 30, shrunk: 0 }), frame('mixed', -30, [], { grown: 10, shrunk: -40 })], {
      grown: 40,
      shrunk: -40,
    });
    expect(shape(layOutFlame(root, 80, { zoom: [], selected: [] }))[1]).toEqual(['grew@0+30', 'mixed@30+50']);
  });

  it("never draws a frame past its caller's end, when callees are wider than it (mean values)", () => {
    const root = frame('root', 10, [frame('mean', 10, [frame('big', 8), frame('bigger', 7, [frame('under', 7)])])]);
    const rows = shape(layOutFlame(root, 50, { zoom: [], selected: [] }));
    expect(rows[2]).toEqual(['big@0+40', 'bigger@40+10']);
    expect(rows[3]).toEqual(['under@40+10']);
  });

  it('keeps a cell too narrow for a gap whole, and a one-column name whole', () => {
    expect(cutName('main.main', 1)).toBe('m');
    expect(cutName('main.main', 9)).toBe('main.main');
    expect(cutName('main.main', 0)).toBe('');
    expect(cutName('github.com/a/b.(*T).Method', 14)).toBe('b.(*T).Method');
    expect(cutName('github.com/a/b.(*T).Method', 8)).toBe('b.(*T).…');
  });
});

const press = (view: FlameView | null, ...keys: (Key['name'] | string)[]) =>
  keys.reduce<FlameView | null>(
    (v, k) => v && pressFlameKey(v, (k.length === 1 ? { name: 'text', text: k } : { name: k }) as Key, 100),
    view,
  );

describe('pressFlameKey: moving, zooming and leaving', () => {
  const start = openFlame(TREE);

  it('down goes to the widest callee, left and right among the callees drawn, up to the caller', () => {
    expect(press(start, 'down')?.selected).toEqual([0]);
    expect(press(start, 'down', 'right')?.selected).toEqual([1]);
    // The sliver `c` is not drawn: right stays on b.
    expect(press(start, 'down', 'right', 'right')?.selected).toEqual([1]);
    expect(press(start, 'down', 'left')?.selected).toEqual([0]);
    expect(press(start, 'down', 'down', 'right', 'up')?.selected).toEqual([0]);
    expect(press(start, 'up')?.selected).toEqual([]);
    // vi's letters move as the arrows do.
    expect(press(start, 'j', 'j', 'l')?.selected).toEqual([0, 1]);
  });

  it('Enter zooms into the selected frame; its siblings are not drawn then, and u or Backspace zooms back out', () => {
    const zoomed = press(start, 'down', 'enter')!;
    expect(zoomed.zoom).toEqual([0]);
    expect(press(zoomed, 'right')?.selected).toEqual([0]);
    expect(press(zoomed, 'down', 'enter')?.zoom).toEqual([0, 0]);
    expect(press(zoomed, 'down', 'enter', 'u')).toMatchObject({ zoom: [0], selected: [0, 0] });
    expect(press(zoomed, 'down', 'enter', 'backspace', 'backspace')).toMatchObject({ zoom: [], selected: [0, 0] });
    // Already the whole graph: nothing to zoom out of.
    expect(press(start, 'u')).toBe(start);
  });

  it('a frame selected outside the zoom it goes back to is given up for that zoom', () => {
    // Zoom into a, then into a1; up to root, zoom to it, pick b, and go back to a1's zoom.
    const view = press(start, 'down', 'enter', 'down', 'enter', 'up', 'up', 'enter', 'down', 'right', 'u');
    expect(view).toMatchObject({ zoom: [0, 0], selected: [0, 0] });
  });

  it.each(['escape', 'q', 'interrupt', 'eof'])('%s leaves the view', (key) => {
    expect(press(start, 'down', key)).toBeNull();
  });
});
