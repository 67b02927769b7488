/** The `growth` console command: it needs a series, and it takes a report's arguments. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { Session } from '../../src/session.js';

const DIR = 'testdata/profiles/growing';
const series = readdirSync(DIR)
  .filter((f) => f.endsWith('.pb.gz'))
  .sort()
  .map((f) => loadProfileFile(join(DIR, f)));
const latest = series[series.length - 1];

describe('growth in the console', () => {
  it('says how to load a series when the session has a single profile', () => {
    const session = new Session(loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz'), { interactive: true });
    expect(session.execute('growth')).toEqual({
      out: '',
      err: 'growth needs a series of snapshots: heapcli -growth s1.pb.gz s2.pb.gz ...\n',
      quit: false,
      failed: true,
    });
  });

  it('ranks the series with compact labels, the row count and focus taken from its arguments', () => {
    const session = new Session(latest, { interactive: true, series });
    const result = session.execute('growth 2 main\\.');
    expect(result.err).toBe('');
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^Snapshots: 8 over [\d.]+s, from /);
    expect(lines.slice(1, 4)).toEqual([
      'Active filters:',
      '   focus=main\\.',
      'Ranked by flat: (change - freed) * rising/steps, then slope',
    ]);
    expect(lines[4]).toMatch(/^Showing top 2 nodes out of \d+$/);
    expect(lines[6]).toMatch(/\+28kB +7\/7 .* leak\? +main\.leakStep$/);
    // The command line's arguments applied to this command only.
    expect(session.options.nodecount).toBe(-1);
  });

  it('ranks by cum with -cum, and writes to a file with >', () => {
    const session = new Session(latest, { interactive: true, series });
    expect(session.execute('growth -cum').out).toContain('Ranked by cum:');
    const redirected = session.execute('growth >growth.txt');
    expect([redirected.out, redirected.file?.path]).toEqual(['', 'growth.txt']);
    expect(redirected.file?.text).toContain('main.leakStep');
  });

  it('has help that explains the score and the verdicts', () => {
    const help = new Session(latest, { interactive: true, series }).execute('help growth').err;
    expect(help).toContain('Score: (change - freed) * rising/steps');
    expect(help).toContain('leak?: rose at 3/4 of the steps and at 3 or more, and never fell');
    expect(help).toContain('slope: least-squares against profile time, per second, minute or hour (the longest the series spans)');
  });
});
