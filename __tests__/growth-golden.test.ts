/**
 * heapcli's own goldens for the growth report over testdata/profiles/growing (the series written by
 * testdata/programs/growing), byte for byte. No pprof-family tool makes this report, so the goldens
 * are ours: regenerate them with `npm run build && node scripts/update-growth-goldens.js`, read the
 * diff, and keep the assertions below (the story of the series) true.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../src/cli/flags.js';
import { runGrowthReport } from '../src/cli/growth.js';
import { loadProfileFile } from '../src/host/profile-file.js';

const GOLDEN = '__tests__/golden/growth';
const DIR = 'testdata/profiles/growing';
const SERIES = readdirSync(DIR)
  .filter((f) => f.endsWith('.pb.gz'))
  .sort()
  .map((f) => join(DIR, f));
const CASES = readFileSync(join(GOLDEN, 'cases.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split(/\s+/));

/** `heapcli -growth <flags> <sources>` as main.ts will run it; profiles named in `flags` replace the series. */
async function growth(flags: readonly string[], sources: readonly string[] = SERIES) {
  const request = parseArgs(['-growth', ...flags]);
  return runGrowthReport(request.sources.length > 0 ? request.sources : sources, request.assignments);
}

/** The table rows of a report: [verdict, name, change]. */
function rows(out: string): [string, string, string][] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => /^ *first +last +change +rising +slope +verdict$/.test(l)) + 1;
  return lines.slice(start, -1).map((l) => {
    // first, last, change, rising, slope, verdict, then the name (which may hold spaces).
    const m = /^ *\S+ +\S+ +(\S+) +\S+ +\S+ +(\S+) +(.+)$/.exec(l)!;
    return [m[2], m[3], m[1]];
  });
}

describe('growth over testdata/profiles/growing', () => {
  it.each(CASES)('%s', async (name, ...flags) => {
    const run = await growth(flags);
    expect(run.result.err).toBe('');
    expect(run.status).toBe('ok');
    expect(run.result.out).toBe(readFileSync(join(GOLDEN, `${name}.out`), 'utf8'));
  });

  it('puts the steady leak first and names each story', async () => {
    const table = rows((await growth([])).result.out);
    expect(table[0].slice(0, 2)).toEqual(['leak?', 'main.leakStep']);
    const verdict = (fn: string) => table.find((r) => r[1] === fn)?.[0];
    expect([verdict('main.burst'), verdict('main.churn'), verdict('main.loadTable')]).toEqual(['released', 'churn', 'flat']);
    // Between the first and last snapshot the burst gained more (what -base would rank first).
    const change = (fn: string) => table.find((r) => r[1] === fn)?.[2];
    expect([change('main.burst'), change('main.leakStep')]).toEqual(['+256kB', '+28kB']);
  });

  it('never says leak? over fewer than 4 snapshots, and says why in the header', async () => {
    const short = 'Too few snapshots to tell a leak from a one-time step: leak? needs 3 rising steps (4 snapshots or more)';
    const pair = (await growth([], ['testdata/profiles/leakybuf.base.pb.gz', 'testdata/profiles/leakybuf.heap.pb.gz'])).result.out;
    expect(pair.split('\n').slice(2, 5)).toEqual([
      'Snapshots: 2 over 89ms, from Nov 26, 2026 at 10:33am (UTC)',
      short,
      'Ranked by flat: (change - freed) * rising/steps, then slope',
    ]);
    expect(rows(pair)[0]).toEqual(['growing', 'main.growBuf (inline)', '+2746kB']);
    expect(rows(pair).filter((r) => r[0] === 'leak?')).toEqual([]);
    // Three snapshots: leakStep rose at both steps, still too few; the fourth makes the third.
    const leakStep = (out: string) => rows(out).find((r) => r[1] === 'main.leakStep')?.[0];
    const three = (await growth([], SERIES.slice(0, 3))).result.out;
    expect([three.includes(short), leakStep(three)]).toEqual([true, 'growing']);
    const four = (await growth([], SERIES.slice(0, 4))).result.out;
    expect([four.includes(short), leakStep(four)]).toEqual([false, 'leak?']);
  });

  it('reads the series in time order whatever order the files are given in', async () => {
    const reversed = await growth([], [...SERIES].reverse());
    expect(reversed.result.out).toBe(readFileSync(join(GOLDEN, 'growing.growth.out'), 'utf8'));
  });

  it('loads each source through the given loader, in the order given', async () => {
    const asked: string[] = [];
    const load = async (source: string) => {
      asked.push(source);
      return loadProfileFile(SERIES[Number(source.slice(-1))]);
    };
    const run = await runGrowthReport(['snap:2', 'snap:0', 'snap:1'], [], load);
    expect([asked, run.status]).toEqual([['snap:2', 'snap:0', 'snap:1'], 'ok']);
  });

  it('fails in one line on a missing file, a bad option or a single snapshot', async () => {
    const missing = await growth([], [SERIES[0], 'testdata/profiles/growing/nope.pb.gz']);
    expect([missing.status, missing.result.err]).toEqual([
      'failed',
      'heapcli: testdata/profiles/growing/nope.pb.gz: open testdata/profiles/growing/nope.pb.gz: no such file or directory\n',
    ]);
    const bad = await growth(['-sample_index=bogus']);
    expect([bad.status, bad.result.err]).toEqual([
      'failed',
      'heapcli: sample_index "bogus" must be one of: [alloc_objects alloc_space inuse_objects inuse_space]\n',
    ]);
    const one = await growth([], [SERIES[0]]);
    expect(one.status).toBe('usage');
    expect(one.result.err).toBe(`heapcli: -growth needs two snapshots or more, got one (${SERIES[0]})\nRun 'heapcli -h' for usage.\n`);
  });
});
