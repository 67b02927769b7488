import { parseArgs, usageText } from '../../src/cli/flags.js';
import { runHeapcli } from '../helpers/run-cli.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
const CALLGRIND = "heapcli writes no callgrind files; -tree shows each function's callers and callees as text";

describe("pprof's flags that heapcli lacks: one line on stderr, exit status 1", () => {
  it.each<[string[], string]>([
    [['-kcachegrind', PROFILE], `-kcachegrind is not available in heapcli yet: ${CALLGRIND}`],
    [['--callgrind', '-nodecount=5', PROFILE], `-callgrind is not available in heapcli yet: ${CALLGRIND}`],
    [['-topproto', PROFILE], '-topproto is not available in heapcli yet: heapcli writes no profiles; -top prints the same entries as text'],
    // With another report flag, or none of the profile: the answer does not wait for either.
    [['-top', '-callgrind', PROFILE], `-callgrind is not available in heapcli yet: ${CALLGRIND}`],
    [['-callgrind', 'no-such-file.pb.gz'], `-callgrind is not available in heapcli yet: ${CALLGRIND}`],
  ])('%j', async (args, line) => {
    const run = await runHeapcli(args);
    expect(run).toEqual({ stdout: '', stderr: `heapcli: ${line}\n`, status: 1 });
  });

  it('turn off like any bool flag: -callgrind=false runs the report', async () => {
    const run = await runHeapcli(['-callgrind=false', '-top', '-nodecount=1', PROFILE], '', { TZ: 'UTC' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Showing top 1 nodes out of 12\n');
  });

  it('take a value as pprof does (-http): without one it is a usage error', async () => {
    const run = await runHeapcli([PROFILE, '-http']);
    expect(run).toEqual({ stdout: '', stderr: "heapcli: flag needs an argument: -http\nRun 'heapcli -h' for usage.\n", status: 2 });
    expect(parseArgs(['-http', ':0', PROFILE]).sources).toEqual([PROFILE]);
  });

  it('are listed by -h with their values', () => {
    expect(usageText()).toContain(
      'Not yet in heapcli (each says what to use instead):\n' +
        '  -callgrind -kcachegrind -topproto\n',
    );
  });
});

describe('-http and -no_browser (the web UI, __tests__/web/ serves it)', () => {
  it('are read as pprof reads them', () => {
    expect(parseArgs(['-http=:8080', '-no_browser', PROFILE])).toMatchObject({ http: ':8080', noBrowser: true, missing: null, sources: [PROFILE] });
    expect(parseArgs(['-http', 'localhost:0', PROFILE])).toMatchObject({ http: 'localhost:0', noBrowser: false });
  });

  it('with an output format: pprof\'s error, before anything is loaded', async () => {
    expect(await runHeapcli(['-http=:0', '-top', 'no-such-file'])).toEqual({ stdout: '', stderr: '-http is not compatible with an output format on the command line\n', status: 1 });
  });

  it('are listed by -h', () => {
    expect(usageText()).toContain('Web UI (docs/web.md):\n  -http=[host]:port ');
  });
});
