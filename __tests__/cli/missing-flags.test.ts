import { parseArgs, usageText } from '../../src/cli/flags.js';
import { runHeapcli } from '../helpers/run-cli.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
const GRAPH = 'heapcli draws no graphs; -top, -peek=<regexp> and -tree show the call graph as text';
const WEB_UI = 'heapcli has no web UI; open the console (heapcli profile.pb.gz) for the same reports';

describe("pprof's flags that heapcli lacks: one line on stderr, exit status 1", () => {
  it.each<[string[], string]>([
    [['-web', PROFILE], `-web is not available in heapcli yet: ${GRAPH}`],
    [['--svg', PROFILE], `-svg is not available in heapcli yet: ${GRAPH}`],
    [['-dot', PROFILE], `-dot is not available in heapcli yet: ${GRAPH}`],
    [['-png', '-nodecount=5', PROFILE], `-png is not available in heapcli yet: ${GRAPH}`],
    [['-disasm=growBuf', PROFILE], '-disasm is not available in heapcli yet: heapcli reads no binaries, so it has no disassembly; -list=<regexp> shows annotated source'],
    [['-weblist', 'GetLargeData', PROFILE], '-weblist is not available in heapcli yet: heapcli has no web view; -list=<regexp> shows annotated source as text'],
    [['-http=:8080', PROFILE], `-http is not available in heapcli yet: ${WEB_UI}`],
    [['-http', 'localhost:8080', PROFILE], `-http is not available in heapcli yet: ${WEB_UI}`],
    // -no_browser goes with -http: the line names -http.
    [['-no_browser', '-http=:0', PROFILE], `-http is not available in heapcli yet: ${WEB_UI}`],
    [['-no_browser', PROFILE], `-no_browser is not available in heapcli yet: ${WEB_UI}`],
    // With another report flag, or none of the profile: the answer does not wait for either.
    [['-top', '-web', PROFILE], `-web is not available in heapcli yet: ${GRAPH}`],
    [['-http=:8080'], `-http is not available in heapcli yet: ${WEB_UI}`],
    [['-web', 'no-such-file.pb.gz'], `-web is not available in heapcli yet: ${GRAPH}`],
  ])('%j', async (args, line) => {
    const run = await runHeapcli(args);
    expect(run).toEqual({ stdout: '', stderr: `heapcli: ${line}\n`, status: 1 });
  });

  it('turn off like any bool flag: -web=false runs the report', async () => {
    const run = await runHeapcli(['-web=false', '-top', '-nodecount=1', PROFILE], '', { TZ: 'UTC' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Showing top 1 nodes out of 12\n');
  });

  it('take a value as pprof does (-http, -disasm, -weblist): without one it is a usage error', async () => {
    const run = await runHeapcli([PROFILE, '-http']);
    expect(run).toEqual({ stdout: '', stderr: "heapcli: flag needs an argument: -http\nRun 'heapcli -h' for usage.\n", status: 2 });
    expect(parseArgs(['-disasm', 're', PROFILE]).sources).toEqual([PROFILE]);
  });

  it('are listed by -h with their values', () => {
    expect(usageText()).toContain(
      'Not yet in heapcli (each says what to use instead):\n' +
        '  -disasm=<regexp> -dot -eog -evince -gif -gv -pdf -png -ps -svg -web -weblist=<regexp>\n' +
        '  -http=<host:port> -no_browser\n',
    );
  });
});
