import { ReportPrinter } from '../../../src/ui/terminal/report-printer.js';

/** A printer whose writes take `msPerChar` of a fake clock each, recorded piece by piece. */
function setUp(msPerChar = 0) {
  let clock = 0;
  const pieces: string[] = [];
  const printer = new ReportPrinter(
    (text) => {
      pieces.push(text);
      clock += text.length * msPerChar;
    },
    () => clock,
  );
  return { printer, pieces };
}

const lines = (count: number, width = 63) =>
  Array.from({ length: count }, (_, i) => `${String(i).padStart(8)} ${'x'.repeat(width - 9)}\n`).join('');

describe('ReportPrinter', () => {
  it('writes the whole text, in pieces that end at line ends', async () => {
    const { printer, pieces } = setUp();
    const text = lines(5000);
    expect(await printer.print(text)).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    expect(printer.endsLine).toBe(true);
  });

  it('makes pieces smaller on a slow terminal and larger on a fast one', async () => {
    const slow = setUp(0.01);
    await slow.printer.print(lines(20000));
    const fast = setUp(0);
    await fast.printer.print(lines(20000));
    // 30 ms a write at 10 us a character is 3,000 characters; a fast terminal takes up to 1 MiB.
    expect(Math.max(...slow.pieces.slice(-5).map((p) => p.length))).toBeLessThanOrEqual(4096);
    expect(Math.max(...fast.pieces.map((p) => p.length))).toBeGreaterThan(256 * 1024);
  });

  it('stops between two pieces once asked, and says it stopped', async () => {
    const { printer, pieces } = setUp();
    const text = lines(20000);
    const printing = printer.print(text);
    printer.stop();
    expect(await printing).toBe(false);
    expect(printer.stopped).toBe(true);
    expect(pieces.length).toBe(1);
    // A new report forgets the stop.
    printer.begin();
    expect(await printer.print('next\n')).toBe(true);
  });

  it('hears a stop requested from the event loop while it prints (as Ctrl-C comes)', async () => {
    const { printer, pieces } = setUp();
    const text = lines(100000);
    setImmediate(() => printer.stop());
    expect(await printer.print(text)).toBe(false);
    expect(pieces.join('').length).toBeLessThan(text.length);
  });

  it('cuts a line longer than a piece and knows the text then ends mid-line', async () => {
    const { printer, pieces } = setUp();
    const long = 'y'.repeat(100000);
    const printing = printer.print(long + '\n');
    printer.stop();
    await printing;
    expect(pieces).toEqual(['y'.repeat(16 * 1024)]);
    expect(printer.endsLine).toBe(false);
    printer.printWhole('\n');
    expect(printer.endsLine).toBe(true);
  });
});
