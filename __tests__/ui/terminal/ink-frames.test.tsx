import { renderToString } from 'ink';
import type { ConsoleView } from '../../../src/ui/console-controller.js';
import { LiveArea, SPINNER_DELAY_MS } from '../../../src/ui/terminal/LiveArea.js';
import { startInkFrames } from '../../../src/ui/terminal/ink-frames.js';
import { plainFrame } from '../../../src/ui/terminal/live-layout.js';
import type { Frame } from '../../../src/ui/terminal/live-region.js';
import { paintFlame } from '../../../src/ui/terminal/flame/flame-paint.js';

const SIZE = { columns: 40, rows: 20 };
const editing = (text: string, candidates: string[] = []): ConsoleView => ({ phase: 'editing', line: { text, cursor: text.length }, candidates, busy: null });
const running = (busy: string): ConsoleView => ({ phase: 'running', line: { text: '', cursor: 0 }, candidates: [], busy });
const INVERSE_BLANK = '\x1b[7m \x1b[27m';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LiveArea (Ink)', () => {
  it('draws the prompt and the completion list exactly as the plain frames before Ink do', () => {
    for (const view of [editing(''), editing('sample_index='), editing('n', ['nodecount', 'nodefraction', 'noinlines', 'normalize']), editing('x'.repeat(90))]) {
      const ink = renderToString(<LiveArea view={view} size={SIZE} loading="Loading" />, { columns: SIZE.columns });
      // Ink drops the blanks at the ends of rows; the plain frames keep them.
      expect(ink.split('\n').map((row) => row.trimEnd())).toEqual(plainFrame(view, SIZE, 'Loading').rows.map((row) => row.trimEnd()));
    }
  });

  it('shows the cursor as an inverse cell after the prompt', () => {
    expect(renderToString(<LiveArea view={editing('top')} size={SIZE} loading="" />, { columns: 40 })).toBe(`(pprof) top${INVERSE_BLANK}`);
  });

  it('shows a spinner and what loads while loading, and nothing while a report prints', () => {
    const loading: ConsoleView = { phase: 'loading', line: { text: '', cursor: 0 }, candidates: [], busy: null };
    expect(renderToString(<LiveArea view={loading} size={SIZE} loading="Loading heap.pb.gz" />, { columns: 40 })).toMatch(/^\S Loading heap\.pb\.gz$/);
    expect(renderToString(<LiveArea view={{ ...loading, phase: 'printing' }} size={SIZE} loading="" />, { columns: 40 })).toBe('');
  });
});

describe('startInkFrames', () => {
  it('hands each frame to draw as rows, the spinner only after a command has run a while', async () => {
    const frames: Frame[] = [];
    const source = startInkFrames({ size: () => SIZE, loading: 'Loading', draw: (frame) => frames.push(frame) });
    source.show(editing('top'));
    expect(frames.at(-1)).toEqual({ rows: [`(pprof) top${INVERSE_BLANK}`] });
    source.show(running('top'));
    expect(frames.at(-1)).toEqual({ rows: [] });
    await sleep(SPINNER_DELAY_MS + 150);
    expect(frames.at(-1)!.rows).toHaveLength(1);
    expect(frames.at(-1)!.rows[0]).toMatch(/^\S top   \(Ctrl-C stops it\)$/);
    source.show(editing(''));
    expect(frames.at(-1)).toEqual({ rows: [`(pprof) ${INVERSE_BLANK}`] });
    source.close();
    const count = frames.length;
    await sleep(150);
    expect(frames).toHaveLength(count);
  });
});

describe('the flame view (Ink)', () => {
  const leaf = (name: string, total: number) => ({ name, self: total, total, grown: total, shrunk: 0, children: [] });
  const tree = {
    root: { name: 'root', self: 0, total: 100, grown: 100, shrunk: 0, children: [leaf('main.a', 70), leaf('runtime.b', 30)] },
    typeName: 'inuse_space', unit: 'bytes', total: 100, diff: false,
  };
  const flame: ConsoleView = { ...editing(''), phase: 'flame', flame: { tree, zoom: [], selected: [0], back: [] } };
  /** Rows without their colours, and without the blanks Ink drops at their ends. */
  const plainRows = (rows: readonly string[]) => rows.map((row) => row.replace(/\x1b\[[0-9;]*m/g, '').trimEnd());

  it('draws the rows the plain painter draws, colours and selection included', () => {
    const ink = renderToString(<LiveArea view={flame} size={SIZE} loading="" />, { columns: SIZE.columns }).split('\n');
    const painted = paintFlame(flame.flame!, SIZE, true);
    expect(plainRows(ink)).toEqual(plainRows(painted));
    expect(ink).toHaveLength(SIZE.rows);
    // The root grey (256-colour 250) under black text; main.a selected, bold in inverse video.
    expect(ink[1]).toMatch(/^(?=.*\x1b\[30m)(?=.*\x1b\[48;5;250m).*root/);
    expect(ink[2]).toMatch(/^\x1b\[1m\x1b\[7mmain\.a {21}\x1b\[27m\x1b\[22m \x1b\[30m\x1b\[48;5;\d+mruntime\.b/);
  });

  it('sends the view\'s frames to drawFullScreen, and the prompt\'s to the live region again after it', () => {
    const frames: Frame[] = [];
    const screens: string[][] = [];
    const source = startInkFrames({ size: () => SIZE, loading: '', draw: (frame) => frames.push(frame), drawFullScreen: (rows) => screens.push(rows) });
    source.show(editing('flame'));
    source.show(flame);
    expect(screens).toHaveLength(1);
    expect(plainRows(screens[0])).toEqual(plainRows(paintFlame(flame.flame!, SIZE, true)));
    const before = frames.length;
    source.show(editing(''));
    expect(frames.length).toBe(before + 1);
    expect(frames.at(-1)).toEqual({ rows: [`(pprof) ${INVERSE_BLANK}`] });
    source.close();
  });
});
