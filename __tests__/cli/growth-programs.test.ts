/**
 * `heapcli -growth` on snapshots that do not come from one program: refused in one line with exit
 * status 1 when their numbers are other quantities, reported with a one-line warning when only the
 * program differs. Real profiles from testdata, through the whole CLI.
 */
import { runHeapcli } from '../helpers/run-cli.js';

const P = 'testdata/profiles';
const growth = (args: string[]) => runHeapcli(['-growth', '-nodecount=3', ...args], '', { TZ: 'UTC' });

describe('-growth over snapshots of different programs', () => {
  it('refuses other sample types, naming the file that differs and why, exit 1', async () => {
    const run = await growth([`${P}/growing/growing-01.pb.gz`, `${P}/growing/growing-02.pb.gz`, `${P}/nodeleak.heap.pb.gz`]);
    expect(run).toEqual({
      status: 1,
      stdout: '',
      stderr: `heapcli: ${P}/nodeleak.heap.pb.gz: cannot be ranked with ${P}/growing/growing-01.pb.gz: sample types [inuse_objects/count inuse_space/bytes] instead of [alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes]\n`,
    });
  });

  it('refuses an allocs profile among heap ones unless a sample type is picked for all', async () => {
    const pair = [`${P}/leakybuf.heap.pb.gz`, `${P}/leakybuf.allocs.pb.gz`];
    const run = await growth(pair);
    expect([run.status, run.stdout, run.stderr]).toEqual([
      1,
      '',
      `heapcli: ${P}/leakybuf.allocs.pb.gz: cannot be ranked with ${P}/leakybuf.heap.pb.gz: default sample type alloc_space instead of inuse_space (-sample_index picks one for all)\n`,
    ]);
    for (const pick of ['-sample_index=inuse_space', '-inuse_space', '-alloc_space']) {
      const picked = await growth([pick, ...pair]);
      expect([pick, picked.status, picked.stderr]).toEqual([pick, 0, '']);
    }
  });

  it('warns in one line when only the program differs, and still reports, exit 0', async () => {
    const run = await growth([`${P}/leakybuf.base.pb.gz`, `${P}/growing/growing-08.pb.gz`, `${P}/httpleak.heap.pb.gz`]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `heapcli: warning: ${P}/growing/growing-08.pb.gz is from program growing, ${P}/leakybuf.base.pb.gz from leakybuf (1 more snapshot differs too); ranked as one series all the same\n`,
    );
    expect(run.stdout).toMatch(/^File: growing\nType: inuse_space\nSnapshots: 3 over /);
  });

  it('says nothing about snapshots of one program', async () => {
    const run = await growth([`${P}/leakybuf.base.pb.gz`, `${P}/leakybuf.heap.pb.gz`]);
    expect([run.status, run.stderr]).toEqual([0, '']);
  });
});
