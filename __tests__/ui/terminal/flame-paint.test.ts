import type { FlameNode, FlameTree } from '../../../src/analysis/flame-tree.js';
import { hashText, packageOf, paintFlame, statusLine } from '../../../src/ui/terminal/flame/flame-paint.js';
import { type FlameView, openFlame, pressFlameKey } from '../../../src/ui/terminal/flame/flame-nav.js';
import type { Key } from '../../../src/ui/keys.js';
import { displayWidth } from '../../../src/ui/terminal/screen-text.js';

function frame(name: string, total: number, children: FlameNode[] = [], extra: Partial<FlameNode> = {}): FlameNode {
  return { name, self: 0, total, grown: total, shrunk: 0, children, ...extra };
}

const ROOT = frame('root', 4096, [
  frame('main.a', 2048, [frame('main.b', 1024, [], { self: 1024 })], { self: 1024 }),
  frame('runtime.mallocgc', 2048, [], { self: 2048 }),
]);
const TREE: FlameTree = { root: ROOT, typeName: 'inuse_space', unit: 'bytes', total: 8192, diff: false };
const SGR = /\x1b\[[0-9;]*m/g;
const plain = (row: string) => row.replace(SGR, '');
/** The styled cells of a row: their text and the SGR parameters they start with (a reset's plain text left out). */
const styles = (row: string) =>
  [...row.matchAll(/\x1b\[([0-9;]*)m([^\x1b]+)/g)].filter((m) => m[2].trim() !== '' && m[1] !== '0').map((m) => [m[2].trim(), m[1]]);

describe("paintFlame: the flame view's screen", () => {
  it("fills the screen: a title, a row per depth, the selected frame's numbers and the keys, none wider than the screen", () => {
    const rows = paintFlame(openFlame(TREE), { columns: 40, rows: 8 }, true);
    expect(rows).toHaveLength(8);
    expect(rows.map(plain)).toEqual([
      'flame: inuse_space, 8kB total',
      // Each frame's name, then blanks to its width (less the one-column gap, unless at the right edge).
      `root${' '.repeat(36)}`,
      `main.a${' '.repeat(14)}runtime.mallocgc${' '.repeat(4)}`,
      'main.b    ',
      '',
      '',
      'root  flat 0 (0%)  cum 4kB (50.00%)',
      'arrows move  Enter zoom in  u/Backspace…',
    ]);
    for (const row of rows) expect(displayWidth(plain(row))).toBeLessThanOrEqual(40);
  });

  it('colours frames by package, the same package alike, the root grey, the selection in inverse video', () => {
    const view = { ...openFlame(TREE), selected: [1] };
    const rows = paintFlame(view, { columns: 40, rows: 8 }, true);
    expect(styles(rows[1])).toEqual([['root', '0;30;48;5;250']]);
    const [a, mallocgc] = styles(rows[2]);
    expect(mallocgc).toEqual(['runtime.mallocgc', '0;1;7']);
    const [b] = styles(rows[3]);
    expect(a[1]).toBe(b[1]);
    expect(a[1]).toMatch(/^0;30;48;5;\d+$/);
  });

  it('without colour (NO_COLOR), frames have no colours and the selection is still in inverse video', () => {
    const rows = paintFlame({ ...openFlame(TREE), selected: [0] }, { columns: 40, rows: 8 }, false);
    expect(styles(rows[2])).toEqual([['main.a', '0;1;7']]);
    expect(rows[1]).toBe(`root${' '.repeat(36)}`);
  });

  it('without colour, a frame too narrow for a name is drawn as dots', () => {
    const rows = paintFlame(openFlame(TREE), { columns: 10, rows: 6 }, false);
    // main.a and runtime.mallocgc 5 columns each (main.a's last one its gap); main.b 3 (2.5 rounded), nameless.
    expect(rows.slice(2, 4)).toEqual(['mai… runt…', '.. ']);
  });

  it('scrolls the rows so a deep selection shows', () => {
    let node = frame('main.f9', 10);
    for (let i = 8; i >= 0; i--) node = frame(`main.f${i}`, 10, [node]);
    const deep: FlameTree = { ...TREE, root: frame('root', 10, [node]), total: 10 };
    const path = Array(10).fill(0);
    const rows = paintFlame({ ...openFlame(deep), selected: path }, { columns: 30, rows: 6 }, false).map(plain);
    // Three rows for the graph: depths 8 to 10, the selected one last.
    expect(rows.slice(1, 4).map((r) => r.trim())).toEqual(['main.f7', 'main.f8', 'main.f9']);
  });

  it("a title that names the zoomed frame, and a base's growth and shrinkage in the status", () => {
    const diff: FlameTree = {
      ...TREE,
      diff: true,
      root: frame('root', 1024, [frame('main.a', 1024, [], { grown: 3072, shrunk: -2048, self: 1024 })], { grown: 3072, shrunk: -2048 }),
    };
    const view = { ...openFlame(diff), zoom: [0], selected: [0], back: [[]] };
    const rows = paintFlame(view, { columns: 120, rows: 6 }, true).map(plain);
    expect(rows[0]).toBe('flame: inuse_space, 8kB total (red grew, blue shrank), zoomed into main.a');
    expect(statusLine(view)).toBe('main.a  flat 1kB (12.50%)  cum 1kB (12.50%)  grew 3kB, shrank 2kB');
  });
});

describe('packageOf: the Go package a frame is coloured by', () => {
  it.each([
    ['main.main', 'main'],
    ['runtime.mallocgc', 'runtime'],
    ['github.com/x/y.(*T).Method', 'github.com/x/y'],
    ['golang.org/x/net/http2.(*Framer).ReadFrame', 'golang.org/x/net/http2'],
    ['main.grow /src/main.go:12', 'main'],
    ['/src/leakybuf/main.go', '/src/leakybuf/main'],
  ])('%s is in %s', (name, pkg) => {
    expect(packageOf(name)).toBe(pkg);
  });

  it('hashes the same text to the same number in every run (FNV-1a)', () => {
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
  });
});

describe("the flame view's search", () => {
  const press = (view: FlameView | null, ...keys: Key[]) => keys.reduce<FlameView | null>((v, k) => v && pressFlameKey(v, k, 40), view);
  const text = (t: string): Key => ({ name: 'text', text: t });

  it('/ then a Go regexp and Enter marks the frames it matches and says what they weigh, each counted once', () => {
    // main.a (2048) matches and main.b under it too: 2kB, not 3kB; runtime.mallocgc does not.
    const view = press(openFlame(TREE), text('/main\\.'), { name: 'enter' })!;
    expect(view.search?.applied?.text).toBe('main\\.');
    const rows = paintFlame(view, { columns: 120, rows: 8 }, true);
    expect(plain(rows[0])).toBe('flame: inuse_space, 8kB total; /main\\./ matches 2kB (25.00%) in 2 frames');
    expect(styles(rows[2])).toEqual([
      ['main.a', '0;30;48;5;213'],
      ['runtime.mallocgc', expect.stringMatching(/^0;30;48;5;\d+$/)],
    ]);
    expect(styles(rows[2])[1][1]).not.toBe('0;30;48;5;213');
    expect(styles(rows[3])).toEqual([['main.b', '0;30;48;5;213']]);
    // Without colours, matches are underlined.
    expect(styles(paintFlame(view, { columns: 120, rows: 8 }, false)[3])).toEqual([['main.b', '0;4']]);
  });

  it('shows the search as it is typed on the last row, with its cursor; keys edit it and do not move', () => {
    const typing = press(openFlame(TREE), text('/'), text('mal'), { name: 'left' }, text('x'))!;
    expect(typing.search?.typing).toEqual({ text: 'maxl', cursor: 3 });
    expect(typing.selected).toEqual([]);
    const rows = paintFlame(typing, { columns: 40, rows: 8 }, true);
    expect(rows.at(-1)).toBe('/max\x1b[7ml\x1b[27m');
  });

  it('Esc gives up typing and keeps the search before; an empty search clears it; a bad one says why', () => {
    const applied = press(openFlame(TREE), text('/runtime'), { name: 'enter' })!;
    const cancelled = press(applied, text('/main'), { name: 'escape' })!;
    expect(cancelled.search).toEqual({ typing: null, applied: applied.search!.applied });
    // Esc with nothing typed leaves the view as before.
    expect(press(cancelled, { name: 'escape' })).toBeNull();
    expect(press(applied, text('/'), { name: 'enter' })!.search).toEqual({ typing: null, applied: null });
    const bad = press(openFlame(TREE), text('/(main'), { name: 'enter' })!;
    expect(plain(paintFlame(bad, { columns: 120, rows: 8 }, true)[0])).toBe(
      'flame: inuse_space, 8kB total; /(main/: error parsing regexp: missing closing ): `(main`',
    );
  });
});
