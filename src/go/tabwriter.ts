/**
 * Column alignment as Go's text/tabwriter lays it out (minwidth 0, a pad character of ' ', no
 * flags other than AlignRight), for reports pprof prints through one. Cells end at '\t'; the text
 * after a line's last tab is not part of any column. A column block is a run of consecutive lines
 * that have a cell in that column; each block is as wide as its widest cell plus `padding`. A
 * line without a tab ends every block (tabwriter flushes there). Widths count code points.
 */
export function tabwrite(text: string, padding: number, alignRight: boolean): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  let out = '';
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const last = i === lines.length - 1;
    if (last || lines[i].length === 1) {
      out += formatBlock(lines.slice(start, i + 1), padding, alignRight, last);
      start = i + 1;
    }
  }
  return out;
}

const width = (cell: string) => [...cell].length;

/** Lays out buffered lines; every line but an unterminated last one ends with a newline. */
function formatBlock(lines: string[][], padding: number, alignRight: boolean, endsUnterminated: boolean): string {
  const out: string[] = [];
  const write = (from: number, to: number, widths: readonly number[]) => {
    for (let l = from; l < to; l++) {
      let text = '';
      lines[l].forEach((cell, j) => {
        const pad = j < widths.length ? ' '.repeat(Math.max(0, widths[j] - width(cell))) : '';
        text += alignRight ? pad + cell : cell + pad;
      });
      out.push(endsUnterminated && l === lines.length - 1 ? text : text + '\n');
    }
  };
  const layout = (from: number, to: number, widths: readonly number[]) => {
    const column = widths.length;
    let unwritten = from;
    for (let l = from; l < to; l++) {
      if (column >= lines[l].length - 1) continue;
      write(unwritten, l, widths);
      let end = l;
      let w = 0;
      for (; end < to && column < lines[end].length - 1; end++) w = Math.max(w, width(lines[end][column]) + padding);
      layout(l, end, [...widths, w]);
      unwritten = end;
      l = end - 1;
    }
    write(unwritten, to, widths);
  };
  layout(0, lines.length, []);
  return out.join('');
}
