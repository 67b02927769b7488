import { parseArgs } from '../../src/cli/flags.js';
import { usageText } from '../../src/cli/usage.js';
import { runHeapcli } from '../helpers/run-cli.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
describe("pprof's flags: none is missing now", () => {
  it('-h has no "Not yet" section while the table of missing ones is empty', () => {
    expect(usageText()).not.toContain('Not yet in heapcli');
  });

  it("-http takes a value as pprof's does: without one it is a usage error", async () => {
    const run = await runHeapcli([PROFILE, '-http']);
    expect(run).toEqual({ stdout: '', stderr: "heapcli: flag needs an argument: -http\nRun 'heapcli -h' for usage.\n", status: 2 });
    expect(parseArgs(['-http', ':0', PROFILE]).sources).toEqual([PROFILE]);
  });
});

describe('-http and -no_browser (the web UI, __tests__/web/ serves it)', () => {
  it('are read as pprof reads them', () => {
    expect(parseArgs(['-http=:8080', '-no_browser', PROFILE])).toMatchObject({
      http: ':8080',
      noBrowser: true,
      missing: null,
      sources: [PROFILE],
    });
    expect(parseArgs(['-http', 'localhost:0', PROFILE])).toMatchObject({ http: 'localhost:0', noBrowser: false });
  });

  it("with an output format: pprof's error, before anything is loaded", async () => {
    expect(await runHeapcli(['-http=:0', '-top', 'no-such-file'])).toEqual({
      stdout: '',
      stderr: '-http is not compatible with an output format on the command line\n',
      status: 1,
    });
  });

  it('-no_browser=false is a bool flag turned off', () => {
    expect(parseArgs(['-no_browser=false', '-http=:0', PROFILE]).noBrowser).toBe(false);
  });

  it('are listed by -h', () => {
    expect(usageText()).toContain('Web UI (docs/web.md):\n  -http=[host]:port ');
  });
});
