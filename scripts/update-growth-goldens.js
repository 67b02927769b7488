// Writes heapcli's own goldens for the growth report (run after `npm run build`): one
// __tests__/golden/growth/<name>.out per line of cases.txt, from the series in
// testdata/profiles/growing, or from the profiles the line names. Rerun it after the profiles are
// regenerated (scripts/update-goldens.sh).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Before any Date is made: the Snapshots line shows the time in TZ, and the goldens read UTC.
process.env.TZ = 'UTC';
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root); // paths in the report are relative to the repo root, as in the tests
const { parseArgs } = await import('../dist/cli/flags.js');
const { runGrowthReport } = await import('../dist/cli/growth.js');

const dir = '__tests__/golden/growth';
const series = readdirSync('testdata/profiles/growing')
  .filter((f) => f.endsWith('.pb.gz'))
  .sort()
  .map((f) => join('testdata/profiles/growing', f));
const cases = readFileSync(join(dir, 'cases.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
for (const line of cases) {
  const [name, ...flags] = line.split(/\s+/);
  const request = parseArgs(['-growth', ...flags]);
  const run = await runGrowthReport(request.sources.length > 0 ? request.sources : series, request.assignments);
  if (run.status !== 'ok') throw new Error(`${name}: ${run.result.err}`);
  writeFileSync(join(dir, `${name}.out`), run.result.out);
  console.log(`update-growth-goldens: ${name}.out, ${run.result.out.length} bytes`);
}
