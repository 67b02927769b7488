/**
 * heapcli -http: each view's numbers against the console's for the same settings, the Host
 * check, paths outside the app, and pprof's errors. Runs the built CLI (npm test builds first).
 */
import { existsSync } from 'node:fs';
import { type WebServer, heapcliReport, rawGet, startHeapcliWeb, unescapeHtml } from '../helpers/web-server.js';

const PROFILE = 'testdata/profiles/leakybuf.heap.pb.gz';
const built = existsSync('dist/bundle/cli.cjs') && existsSync('dist/bundle/web/app.js');
if (!built) console.warn('__tests__/web/server.test.ts: skipped, dist/ is not built (npm run build)');
const maybe = built ? describe : describe.skip;

/** The console's top rows as [flat, flat%, sum%, cum, cum%, name]. */
function consoleRows(text: string): string[][] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^\s+flat\s+flat%/.test(l));
  return lines
    .slice(header + 1)
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)  (.*)$/.exec(l)!;
      return m.slice(1);
    });
}

/** The page's top table rows, in the same form. */
function pageRows(html: string): string[][] {
  return [...html.matchAll(/<tr data-flat="[^"]*" data-cum="[^"]*">(.*?)<\/tr>/g)].map((m) => {
    const cells = [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => unescapeHtml(c[1]));
    return [...cells.slice(0, 5), cells[6] ? `${cells[5]} ${cells[6]}` : cells[5]];
  });
}

/** The lines of the details box (the report's header lines). */
function details(html: string): string[] {
  const box = /<div id="detailsbox">(.*?)<\/div><\/details>/.exec(html)![1];
  return [...box.matchAll(/<div>(.*?)<\/div>/g)].map((m) => unescapeHtml(m[1]));
}

/** The <pre> text of a text view. */
function preText(html: string): string {
  return unescapeHtml(/<pre>([\s\S]*?)<\/pre>/.exec(html)![1]);
}

maybe('heapcli -http', () => {
  let web: WebServer;
  beforeAll(async () => {
    web = await startHeapcliWeb(['-http=localhost:0', '-no_browser', PROFILE]);
  });
  afterAll(() => web?.stop());

  it("prints pprof's line with the port it got", () => {
    expect(web.stderr).toBe(`Serving web UI on http://localhost:${web.port}\n`);
  });

  it.each([
    ['', []],
    ['?si=alloc_space&f=grow', ['-sample_index=alloc_space', '-focus=grow']],
    ['?h=runtime&g=lines', ['-hide=runtime', '-lines']],
    ['?i=Sprint&sort=cum', ['-ignore=Sprint', '-cum']],
  ])("top%s has the console's rows and header", async (query, flags) => {
    const page = await rawGet(web.port, `/ui/top${query}`);
    expect(page.status).toBe(200);
    const text = heapcliReport(['-top', '-nodecount=500', ...flags, PROFILE]);
    const rows = consoleRows(text);
    expect(rows.length).toBeGreaterThan(3);
    expect(pageRows(page.body)).toEqual(rows);
    expect(details(page.body)).toEqual(
      text.split('\n').slice(
        0,
        text.split('\n').findIndex((l) => /^\s+flat\s+flat%/.test(l)),
      ),
    );
  });

  it("peek is the console's peek of every node at line granularity (pprof's web peek)", async () => {
    const page = await rawGet(web.port, '/ui/peek?f=grow');
    expect(preText(page.body)).toBe(heapcliReport(['-peek=.*', '-lines', '-focus=grow', PROFILE]));
  });

  it("source is the console's list of what f matches", async () => {
    const page = await rawGet(web.port, '/ui/source?f=GetLargeData');
    const text = preText(page.body);
    expect(text).toBe(heapcliReport(['-list=GetLargeData', '-focus=GetLargeData', PROFILE]));
    expect(text).toContain('ROUTINE ======================== main.GetLargeData');
  });

  it("the flame graph's frames sum to the console's numbers", async () => {
    const page = await rawGet(web.port, '/ui/flamegraph?si=alloc_space');
    const data = JSON.parse(/<script id="view-data" type="application\/json">(.*?)<\/script>/.exec(page.body)![1]) as {
      names: string[];
      frames: number[];
      total: number;
      unit: string;
      diff: boolean;
    };
    expect([data.unit, data.diff]).toEqual(['bytes', false]);
    const self = new Map<string, number>();
    for (let at = 0; at < data.frames.length; at += 4)
      self.set(data.names[data.frames[at]], (self.get(data.names[data.frames[at]]) ?? 0) + data.frames[at + 2]);
    // -unit=b prints raw bytes: the root's total is the report's, each heavy function's self its flat.
    const rows = consoleRows(heapcliReport(['-top', '-unit=b', '-sample_index=alloc_space', PROFILE]));
    const bytes = (text: string) => Number(text.replace(/B$/, ''));
    expect(data.frames[3]).toBe(data.total);
    expect(rows.reduce((sum, r) => sum + bytes(r[0]), 0)).toBeLessThanOrEqual(data.total);
    for (const r of rows.slice(0, 4)) expect([r[5], self.get(r[5].replace(/ \(.*inline\)$/, ''))]).toEqual([r[5], bytes(r[0])]);
  });

  it("has a sample-type menu, the views' links and the page script", async () => {
    const page = await rawGet(web.port, '/ui/flamegraph?f=grow');
    for (const t of ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'])
      expect(page.body).toContain(`href="?f=grow&#38;si=${t}"`);
    for (const v of ['top', '', 'flamegraph', 'peek', 'source']) expect(page.body).toContain(`href="./${v}?f=grow"`);
    const script = await rawGet(web.port, '/ui/static/app.js');
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(script.body).toContain('heapcliFlame');
  });

  it("draws the graph view as the console's svg draws it, inline for pan and zoom", async () => {
    const page = await rawGet(web.port, '/ui/?f=grow');
    const inline = /<div id="graph">(<svg[\s\S]*?<\/svg>)\n?<\/div>/.exec(page.body)![1];
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const console = heapcliReport(['-svg', '-focus=grow', PROFILE]);
    expect(texts(inline).length).toBeGreaterThan(10);
    expect(texts(inline)).toEqual(texts(console));
    expect(texts(inline)).toEqual(expect.arrayContaining(['growBuf', '4119kB (82.83%)']));
    // One profile: no growth view in the menu.
    expect(page.body).not.toContain('href="./growth"');
  });

  it("answers a bad regexp with pprof's message and status 400", async () => {
    expect(await rawGet(web.port, '/ui/top?f=(')).toMatchObject({
      status: 400,
      body: 'parsing focus regexp: error parsing regexp: missing closing ): `(`\n',
    });
    expect(await rawGet(web.port, '/ui/top?si=nosuch')).toMatchObject({ status: 400 });
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    const port = web.port;
    expect((await rawGet(port, '/ui/top', { Host: 'evil.example' })).status).toBe(403);
    expect((await rawGet(port, '/ui/top', { Host: `evil.example:${port}` })).status).toBe(403);
    expect((await rawGet(port, '/ui/top', { Host: `localhost:${port + 1}` })).status).toBe(403);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])
      expect((await rawGet(port, '/ui/top', { Host: host })).status).toBe(200);
  });

  it('serves no path outside the app', async () => {
    for (const path of [
      '/ui/static/../../package.json',
      '/ui/static/%2e%2e/%2e%2e/package.json',
      '/ui/static/..%2f..%2fpackage.json',
      '/../../etc/passwd',
      '/ui/static/',
      '/ui/static/app.js/..',
      '/dist/bundle/web/app.js',
      '/ui/top/../../package.json',
    ]) {
      const answer = await rawGet(web.port, path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).not.toContain('"name": "heapcli"');
    }
    expect((await rawGet(web.port, '/')).headers.location).toBe('/ui/');
  });
});

maybe('heapcli -http, other runs', () => {
  it("with an output format: pprof's error", () => {
    expect(() => heapcliReport(['-http=localhost:0', '-top', PROFILE])).toThrow(
      /-http is not compatible with an output format on the command line/,
    );
  });

  it("an address without a port: pprof's error", () => {
    expect(() => heapcliReport(['-http=bad', '-no_browser', PROFILE])).toThrow(
      /could not split http address: address bad: missing port in address/,
    );
  });

  it('opens $BROWSER on the URL unless -no_browser', async () => {
    const { mkdtempSync, writeFileSync, readFileSync, chmodSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/heapcli-browser-');
    writeFileSync(`${dir}/browser`, `#!/bin/sh\necho "$@" > ${dir}/opened\n`);
    chmodSync(`${dir}/browser`, 0o755);
    const web = await startHeapcliWeb(['-http=:0', PROFILE], { BROWSER: `${dir}/browser` });
    try {
      for (let i = 0; i < 100 && !existsSync(`${dir}/opened`); i++) await new Promise((r) => setTimeout(r, 50));
      expect(readFileSync(`${dir}/opened`, 'utf8')).toBe(`${web.url}\n`);
      expect(web.url).toBe(`http://localhost:${web.port}`);
    } finally {
      await web.stop();
    }
  });

  it('shows -base as a differential flame graph: growth and shrinkage apart', async () => {
    const web = await startHeapcliWeb(['-http=localhost:0', '-no_browser', '-base=testdata/profiles/leakybuf.base.pb.gz', PROFILE]);
    try {
      const page = await rawGet(web.port, '/ui/flamegraph');
      const data = JSON.parse(/<script id="view-data" type="application\/json">(.*?)<\/script>/.exec(page.body)![1]) as {
        frames: number[];
        diff: boolean;
        total: number;
      };
      expect(data.diff).toBe(true);
      const [self, total, grown, shrunk] = data.frames.slice(2, 6);
      expect([self, total]).toEqual([0, grown + shrunk]);
      expect(shrunk).toBeLessThan(0);
      const rows = consoleRows(heapcliReport(['-top', '-unit=b', '-trim=false', '-base=testdata/profiles/leakybuf.base.pb.gz', PROFILE]));
      expect(rows.reduce((sum, r) => sum + Number(r[0].replace(/B$/, '')), 0)).toBe(total);
    } finally {
      await web.stop();
    }
  });

  it("with several snapshots: the growth view, the console's growth report beside a chart (beyond pprof)", async () => {
    const series = Array.from({ length: 8 }, (_, i) => `testdata/profiles/growing/growing-0${i + 1}.pb.gz`);
    const web = await startHeapcliWeb(['-http=localhost:0', '-no_browser', '-growth', ...series]);
    try {
      const page = await rawGet(web.port, '/ui/growth');
      expect(preText(page.body)).toBe(heapcliReport(['-growth', ...series]));
      expect(page.body.match(/<polyline /g)).toHaveLength(8);
      expect(page.body).toContain('<title>main.leakStep</title>');
      expect(page.body).toContain('href="./growth"');
    } finally {
      await web.stop();
    }
  });
});
