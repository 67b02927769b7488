// Formats the benchmark results as a Markdown table (stdout), so a run can be
// pasted into an issue or docs as is.
import { median } from './measure.js';

const secs = (x) => (x === null ? '—' : `${x.toFixed(3)} s`);
const mib = (x) => (x === null ? 'n/a' : `${x.toFixed(1)} MiB`);
// Two significant digits below 0.1, where toFixed(2) would print 0.00× for
// the console's cached commands.
const ratio = (a, b) => {
  if (a === null || b === null || b === 0) return '—';
  const r = a / b;
  return `${r >= 0.1 || r === 0 ? r.toFixed(2) : r.toPrecision(2)}×`;
};
const cell = (r, v) => (r.failure ? 'FAIL' : v);
const ms = (x) => (x === null ? '—' : `${(x * 1000).toFixed(1)} ms`);

/** A Markdown table. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** `node -e 0` over the whole run: the median of every round's time, and the largest RSS. */
function baselineLine(rows) {
  const runs = rows.flatMap((r) => r.baseline.runs);
  if (runs.length === 0) return 'not run';
  const rss = runs.map((m) => m.rssMiB).filter((x) => x !== null);
  const spread = `${secs(Math.min(...runs.map((m) => m.seconds)))} to ${secs(Math.max(...runs.map((m) => m.seconds)))}`;
  return `${secs(median(runs.map((m) => m.seconds)))} (${runs.length} runs, ${spread}), ${mib(rss.length ? Math.max(...rss) : null)}`;
}

/** Prints the report: baseline, regexps and parity per size, the timing table and any failures. */
export function printReport({ rows, targetLines, parityLines, rss, heapcli, pprof }) {
  const out = [];
  out.push('## heapcli vs go tool pprof');
  out.push('');
  out.push(`heapcli: \`${heapcli.join(' ')}\`; pprof: \`${pprof ? pprof.join(' ') : 'none (go not on PATH)'}\`; peak RSS via ${rss}`);
  out.push(
    `time = median wall time of the runs; RSS = largest max RSS seen; ratio = heapcli / pprof (< 1 means heapcli is faster or smaller)`,
  );
  out.push("over node = median, over rounds, of heapcli's time minus that of a `node -e 0` run just before it");
  out.push('');
  out.push(`baseline \`node -e 0\`, one run before each heapcli run: ${baselineLine(rows)}`);
  out.push('');
  if (targetLines.length) out.push('regexp for list, peek and console focus:', ...targetLines.map((t) => `- ${t}`), '');
  for (const p of parityLines) out.push(`- ${p}`);
  out.push('');
  const header = [
    'size',
    'samples',
    'file',
    'case',
    'runs',
    'heapcli time',
    'over node',
    'pprof time',
    'time ratio',
    'heapcli RSS',
    'pprof RSS',
    'RSS ratio',
  ];
  const body = rows.map((r) => [
    r.size,
    String(r.samples),
    `${(r.fileBytes / 1e6).toFixed(2)} MB`,
    r.case,
    String(r.runs),
    cell(r.heapcli, secs(r.heapcli.seconds)),
    cell(r.heapcli, ms(r.excess)),
    cell(r.pprof, secs(r.pprof.seconds)),
    ratio(r.heapcli.seconds, r.pprof.seconds),
    cell(r.heapcli, mib(r.heapcli.rssMiB)),
    cell(r.pprof, mib(r.pprof.rssMiB)),
    ratio(r.heapcli.rssMiB, r.pprof.rssMiB),
  ]);
  if (body.length) out.push(table(header, body));
  else out.push('(no one-shot cases run)');
  const failures = rows.flatMap((r) =>
    [r.baseline, r.heapcli, r.pprof].filter((t) => t.failure).map((t) => `- FAIL ${r.size} ${r.case} ${t.name}: ${t.failure}`),
  );
  if (failures.length) out.push('', 'failures:', ...failures);
  process.stdout.write(out.join('\n') + '\n');
}

// A console cell: FAIL for the step that failed (even if earlier runs got
// past it, their median alone would flatter the tool), else the median or '—'.
function step(t, i) {
  if (t.failure && i === t.failedAt) return 'FAIL';
  return t.seconds[i] === null ? '—' : ms(t.seconds[i]);
}

/** Prints the console table: per size, each tool's load and command latencies, then the ratios. */
export function printConsoleReport({ rows, commands }) {
  const out = ['', '## console latency', ''];
  out.push('load = spawn to first prompt; a command = writing its line to the next prompt; medians of the runs');
  out.push('');
  const header = ['size', 'tool', 'runs', 'load', ...commands.map((c, i) => `${i + 1} ${c.label}`)];
  const body = [];
  for (const r of rows) {
    const [h, g] = r.tools;
    for (const t of r.tools) body.push([r.size, t.name, String(t.runs), step(t, 0), ...commands.map((_, i) => step(t, i + 1))]);
    body.push([r.size, 'ratio', '', ...h.seconds.map((x, i) => ratio(x, g.seconds[i]))]);
  }
  out.push(table(header, body));
  out.push('', 'commands:', ...commands.map((c, i) => `${i + 1}. \`${c.text}\``));
  out.push('', 'focus regexp per size:', ...rows.map((r) => `- ${r.size}: \`${r.regexp}\``));
  const failures = rows.flatMap((r) => r.tools.filter((t) => t.failure).map((t) => `- FAIL ${r.size} console ${t.name}: ${t.failure}`));
  if (failures.length) out.push('', 'failures:', ...failures);
  process.stdout.write(out.join('\n') + '\n');
}
