// Formats the benchmark results as a Markdown table (stdout), so a run can be
// pasted into an issue or docs as is.

const secs = (x) => (x === null ? '—' : `${x.toFixed(3)} s`);
const mib = (x) => (x === null ? 'n/a' : `${x.toFixed(1)} MiB`);
const ratio = (a, b) => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
const cell = (r, v) => (r.failure ? 'FAIL' : v);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Prints the report: baseline, parity per size, the timing table and any failures. */
export function printReport({ baseline, rows, parityLines, rss, heapcli, pprof }) {
  const out = [];
  out.push('## heapcli vs go tool pprof');
  out.push('');
  out.push(`heapcli: \`${heapcli.join(' ')}\`; pprof: \`${pprof ? pprof.join(' ') : 'none (go not on PATH)'}\`; peak RSS via ${rss}`);
  out.push(`time = median wall time of the runs; RSS = largest max RSS seen; ratio = heapcli / pprof (< 1 means heapcli is faster or smaller)`);
  out.push('');
  const base = baseline.failure ? `FAILED (${baseline.failure})` : `${secs(baseline.seconds)}, ${mib(baseline.rssMiB)}`;
  out.push(`baseline \`node -e 0\`: ${base}`);
  out.push('');
  for (const p of parityLines) out.push(`- ${p}`);
  out.push('');
  const header = ['size', 'samples', 'file', 'case', 'runs', 'heapcli time', 'pprof time', 'time ratio', 'heapcli RSS', 'pprof RSS', 'RSS ratio'];
  const body = rows.map((r) => [
    r.size,
    String(r.samples),
    `${(r.fileBytes / 1e6).toFixed(2)} MB`,
    r.case,
    String(r.runs),
    cell(r.heapcli, secs(r.heapcli.seconds)),
    cell(r.pprof, secs(r.pprof.seconds)),
    ratio(r.heapcli.seconds, r.pprof.seconds),
    cell(r.heapcli, mib(r.heapcli.rssMiB)),
    cell(r.pprof, mib(r.pprof.rssMiB)),
    ratio(r.heapcli.rssMiB, r.pprof.rssMiB),
  ]);
  out.push(table(header, body));
  const failures = rows.flatMap((r) =>
    [r.heapcli, r.pprof].filter((t) => t.failure).map((t) => `- FAIL ${r.size} ${r.case} ${t.name}: ${t.failure}`),
  );
  if (failures.length) out.push('', 'failures:', ...failures);
  process.stdout.write(out.join('\n') + '\n');
}
