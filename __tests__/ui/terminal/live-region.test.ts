import { LiveRegion } from '../../../src/ui/terminal/live-region.js';
import { plainFrame } from '../../../src/ui/terminal/live-layout.js';
import type { ConsoleView } from '../../../src/ui/console-controller.js';
import { VirtualTerminal } from '../../helpers/virtual-terminal.js';

/** A live region on a virtual terminal, with the console's own layout of a prompt. */
function setUp(columns: number, rows = 30) {
  const term = new VirtualTerminal(columns, rows);
  const region = new LiveRegion({
    write: (text) => term.write(text),
    get columns() {
      return term.columns;
    },
    get rows() {
      return term.rows;
    },
  });
  const view = (text: string, candidates: string[] = [], cursor = text.length): ConsoleView => ({
    phase: 'editing',
    line: { text, cursor },
    candidates,
    busy: null,
  });
  const drawPrompt = (text: string, candidates: string[] = [], cursor?: number) =>
    region.draw(plainFrame(view(text, candidates, cursor), { columns: term.columns, rows: term.rows }, 'Loading'));
  return { term, region, drawPrompt };
}

describe('LiveRegion', () => {
  it('draws below the text already there and redraws in place, the cursor waiting on the row below', async () => {
    const { term, drawPrompt } = setUp(80);
    term.write('File: leakybuf\n');
    drawPrompt('to');
    drawPrompt('top');
    drawPrompt('top5');
    expect(await term.lines()).toEqual(['File: leakybuf', '(pprof) top5']);
    expect(await term.inverseCells()).toEqual([{ row: 1, column: 12 }]);
    expect(await term.cursor()).toEqual({ row: 2, column: 0 });
  });

  it('shows the cursor on the character it is at, on the row it is on', async () => {
    const { term, drawPrompt } = setUp(20);
    // 8 + 30 characters: two full rows and two more cells, the cursor on the 'b' in the second row.
    drawPrompt('aaaaaaaaaaaabaaaaaaaaaaaaaaaaa', [], 12);
    expect(await term.lines()).toEqual(['(pprof) aaaaaaaaaaaa', 'baaaaaaaaaaaaaaaaa']);
    expect(await term.inverseCells()).toEqual([{ row: 1, column: 0 }]);
  });

  it('takes away rows a shorter frame no longer has', async () => {
    const { term, drawPrompt } = setUp(40);
    drawPrompt('n', ['nodecount', 'nodefraction', 'noinlines', 'normalize', 'nodecount2', 'nodefraction2']);
    // Sorted down the columns, readline's way: the widest name and a gap of two, two columns to 40.
    expect(await term.lines()).toEqual([
      '(pprof) n',
      'nodecount      normalize',
      'nodefraction   nodecount2',
      'noinlines      nodefraction2',
    ]);
    drawPrompt('nod');
    expect(await term.lines()).toEqual(['(pprof) nod']);
  });

  it('clears itself for text that stays, and draws again below it', async () => {
    const { term, region, drawPrompt } = setUp(80);
    drawPrompt('top');
    region.clear();
    term.write('(pprof) top\nShowing nodes accounting for 4868.41kB\n');
    drawPrompt('');
    expect(await term.lines()).toEqual(['(pprof) top', 'Showing nodes accounting for 4868.41kB', '(pprof)']);
    expect(await term.inverseCells()).toEqual([{ row: 2, column: 8 }]);
  });

  it.each([
    [100, 60],
    [100, 33],
    [60, 17],
    [40, 100],
  ])('leaves one copy of a long line when the window goes from %i to %i columns and back', async (first, second) => {
    const { term, drawPrompt } = setUp(first);
    const typed = 'top main.GetLargeData main.growBuf -cum bytes.growSlice fmt.Sprint 20';
    /** The prompt's rows as the console lays them out at `columns` (one more cell for the cursor). */
    const rowsAt = (columns: number) => `(pprof) ${typed} `.match(new RegExp(`.{1,${columns}}`, 'g'))!.map((row) => row.trimEnd());
    term.write('report line\n');
    drawPrompt(typed);
    await term.resize(second);
    drawPrompt(typed);
    expect(await term.lines()).toEqual(['report line', ...rowsAt(second)]);
    await term.resize(first);
    drawPrompt(typed);
    expect(await term.lines()).toEqual(['report line', ...rowsAt(first)]);
  });

  it('keeps the report above intact through a resize, re-wrapped by the terminal only', async () => {
    const { term, drawPrompt } = setUp(80);
    const row = '    4119kB 82.83% 82.83%     4119kB 82.83%  main.growBuf (inline)';
    term.write(`${row}\n`);
    drawPrompt('top');
    await term.resize(40);
    drawPrompt('top');
    await term.resize(80);
    drawPrompt('top');
    expect(await term.logicalLines()).toEqual([row, '(pprof) top']);
  });

  it('draws wide characters in two cells and keeps them whole across rows', async () => {
    const { term, drawPrompt } = setUp(12);
    drawPrompt('focus=数据库');
    // "(pprof) " + "focus=" is 14 cells: the first row takes 12, no character is cut.
    expect(await term.lines()).toEqual(['(pprof) focu', 's=数据库']);
    expect(await term.inverseCells()).toEqual([{ row: 1, column: 8 }]);
  });

  it('writes nothing for the frame already drawn at this width, and redraws it at another', async () => {
    const written: string[] = [];
    let columns = 80;
    const region = new LiveRegion({
      write: (text) => written.push(text),
      get columns() {
        return columns;
      },
      rows: 24,
    });
    region.draw({ rows: ['(pprof) top'] });
    region.draw({ rows: ['(pprof) top'] });
    expect(written).toHaveLength(1);
    columns = 40;
    region.draw({ rows: ['(pprof) top'] });
    expect(written).toHaveLength(2);
  });

  it("shows the terminal's cursor again when released, with nothing left drawn", async () => {
    const { term, region, drawPrompt } = setUp(40);
    term.write('x\n');
    drawPrompt('top');
    region.release();
    expect(await term.lines()).toEqual(['x']);
    expect(await term.cursor()).toEqual({ row: 1, column: 0 });
  });
});
