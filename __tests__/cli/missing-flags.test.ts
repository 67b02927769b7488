import { parseArgs, usageText } from '../../src/cli/flags.js';
import { runHeapcli } from '../helpers/run-cli.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
const WEB_UI = 'heapcli has no web UI; open the console (heapcli profile.pb.gz) for the same reports';

describe("pprof's flags that heapcli lacks: one line on stderr, exit status 1", () => {
  it.each<[string[], string]>([
    [['-http=:8080', PROFILE], `-http is not available in heapcli yet: ${WEB_UI}`],
    [['-http', 'localhost:8080', PROFILE], `-http is not available in heapcli yet: ${WEB_UI}`],
    // -no_browser goes with -http: the line names -http.
    [['-no_browser', '-http=:0', PROFILE], `-http is not available in heapcli yet: ${WEB_UI}`],
    [['-no_browser', PROFILE], `-no_browser is not available in heapcli yet: ${WEB_UI}`],
    // With another report flag, or none of the profile: the answer does not wait for either.
    [['-top', '-http=:0', PROFILE], `-http is not available in heapcli yet: ${WEB_UI}`],
    [['-http=:8080'], `-http is not available in heapcli yet: ${WEB_UI}`],
    [['-http=:0', 'no-such-file.pb.gz'], `-http is not available in heapcli yet: ${WEB_UI}`],
  ])('%j', async (args, line) => {
    const run = await runHeapcli(args);
    expect(run).toEqual({ stdout: '', stderr: `heapcli: ${line}\n`, status: 1 });
  });

  it('turn off like any bool flag: -no_browser=false runs the report', async () => {
    const run = await runHeapcli(['-no_browser=false', '-top', '-nodecount=1', PROFILE], '', { TZ: 'UTC' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Showing top 1 nodes out of 12\n');
  });

  it('take a value as pprof does (-http): without one it is a usage error', async () => {
    const run = await runHeapcli([PROFILE, '-http']);
    expect(run).toEqual({ stdout: '', stderr: "heapcli: flag needs an argument: -http\nRun 'heapcli -h' for usage.\n", status: 2 });
    expect(parseArgs(['-http', ':0', PROFILE]).sources).toEqual([PROFILE]);
  });

  it('are listed by -h with their values', () => {
    expect(usageText()).toContain('Not yet in heapcli (each says what to use instead):\n' + '  -http=<host:port> -no_browser\n');
  });
});
