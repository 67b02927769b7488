// Formats the terminal cases (first prompt, a long report in the console) as Markdown tables.
import { table } from './report.js';

const ms = (x) => (x === null || x === undefined ? '—' : `${(x * 1000).toFixed(1)} ms`);
const secs = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(3)} s`);
const mib = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} MiB`);
const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

/** Prints the first-prompt table and the long-report table. */
export function printTerminalReport({ prompts, reports, report }) {
  const out = ['', '## the console in a terminal', ''];
  out.push('first prompt = start to `(pprof) ` in a pseudo-terminal (120x50), median of the runs; `node -e 0` = its whole run');
  out.push('');
  const promptRows = [];
  for (const p of prompts) {
    const [node, h, g] = p.tools;
    promptRows.push([
      p.profile,
      String(h.runs),
      ms(node.seconds),
      ms(h.seconds),
      ms(g.seconds),
      ratio(h.seconds, g.seconds),
      ratio(node.seconds, g.seconds),
    ]);
  }
  out.push(table(['profile', 'runs', 'node -e 0', 'heapcli', 'pprof', 'heapcli / pprof', 'node -e 0 / pprof'], promptRows));
  if (reports.length > 0) {
    out.push(
      '',
      `\`${report}\` in tmux (${'120x50'}): one-shot = the report printed into the terminal by \`-${report}\`; console = from Enter to the next prompt.`,
    );
    out.push("top before/after = `top` in the console before and after the report; RSS = resident memory then; peak = /usr/bin/time's;");
    out.push('Ctrl-C = pressed half a second into printing the report again, to the prompt back (or "left": the tool quit).');
    out.push('');
    const rows = reports.map((r) => [
      r.size,
      r.tool,
      secs(r.oneShot?.seconds),
      secs(r.console?.reportSeconds),
      ratio(r.console?.reportSeconds, r.oneShot?.seconds),
      mib(r.oneShot?.peakMiB),
      mib(r.console?.peakMiB),
      ms(r.console?.topBefore),
      ms(r.console?.topAfter),
      mib(r.console?.rssBefore),
      mib(r.console?.rssAfter),
      r.console?.stop?.left ? 'left' : ms(r.console?.stop?.seconds),
    ]);
    out.push(
      table(
        [
          'size',
          'tool',
          'one-shot',
          'console',
          'console / one-shot',
          'one-shot peak',
          'console peak',
          'top before',
          'top after',
          'RSS before',
          'RSS after',
          'Ctrl-C',
        ],
        rows,
      ),
    );
  }
  process.stdout.write(out.join('\n') + '\n');
}
