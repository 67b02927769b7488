import { renderToString } from 'ink';
import type { ConsoleView } from '../../../src/ui/console-controller.js';
import { LiveArea, SPINNER_DELAY_MS } from '../../../src/ui/terminal/LiveArea.js';
import { startInkFrames } from '../../../src/ui/terminal/ink-frames.js';
import { plainFrame } from '../../../src/ui/terminal/live-layout.js';
import type { Frame } from '../../../src/ui/terminal/live-region.js';

const SIZE = { columns: 40, rows: 20 };
const editing = (text: string, candidates: string[] = []): ConsoleView => ({
  phase: 'editing',
  line: { text, cursor: text.length },
  candidates,
  busy: null,
});
const running = (busy: string): ConsoleView => ({ phase: 'running', line: { text: '', cursor: 0 }, candidates: [], busy });
const INVERSE_BLANK = '\x1b[7m \x1b[27m';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LiveArea (Ink)', () => {
  it('draws the prompt and the completion list exactly as the plain frames before Ink do', () => {
    for (const view of [
      editing(''),
      editing('sample_index='),
      editing('n', ['nodecount', 'nodefraction', 'noinlines', 'normalize']),
      editing('x'.repeat(90)),
    ]) {
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
    expect(renderToString(<LiveArea view={loading} size={SIZE} loading="Loading heap.pb.gz" />, { columns: 40 })).toMatch(
      /^\S Loading heap\.pb\.gz$/,
    );
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
