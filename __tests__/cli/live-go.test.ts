/**
 * Live sources against a real Go server: testdata/programs/pprofserver (net/http/pprof on
 * 127.0.0.1, an ephemeral port), built with `go build` into a temp dir and started here. Skipped,
 * with a message, when `go` is not on PATH; live-http.test.ts covers the same paths without Go.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasGo) console.warn('__tests__/cli/live-go.test.ts: skipped, `go` is not on PATH (it builds the net/http/pprof test server)');
const describeWithGo = hasGo ? describe : describe.skip;

const SAVED = (n: string) => `pprof.pprofserver.alloc_objects.alloc_space.inuse_objects.inuse_space.${n}.pb.gz`;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a command without blocking the event loop; `go build` and the server need it free. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Promise<Run> {
  const started = Date.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr, ms: Date.now() - started })));
}

const heapcli = (args: string[], env: NodeJS.ProcessEnv) => run(process.execPath, ['bin/heapcli.js', ...args], env);

describeWithGo('fetching from a real net/http/pprof server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapcli-live-go-'));
  let server: ChildProcessWithoutNullStreams | null = null;
  let base = '';

  beforeAll(async () => {
    const build = await run('go', ['build', '-o', join(dir, 'pprofserver'), './pprofserver'], {}, resolve('testdata/programs'));
    if (build.status !== 0) throw new Error(`go build failed: ${build.stderr}`);
    server = spawn(join(dir, 'pprofserver'), [], { stdio: ['pipe', 'pipe', 'pipe'] });
    // Its first line on stdout is its address; it exits when its stdin closes.
    const first = createInterface({ input: server.stdout });
    base = await new Promise<string>((done, fail) => {
      first.once('line', (line) => done(line.trim()));
      server!.once('exit', (code) => fail(new Error(`pprofserver exited (${code})`)));
    });
    first.close();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  }, 120000);

  afterAll(() => {
    server?.stdin.end();
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('-top over HTTP equals -top on the saved copy, byte for byte', async () => {
    const saveDir = join(dir, 'top');
    const url = `${base}/debug/pprof/heap`;
    const live = await heapcli(['-top', url], { HEAPCLI_TMPDIR: saveDir });
    expect(live.status).toBe(0);
    const saved = join(saveDir, SAVED('001'));
    expect(live.stderr).toBe(`Fetching profile over HTTP from ${url}\nSaved profile in ${saved}\n`);
    expect(live.stdout).toMatch(/^File: pprofserver\nType: inuse_space\n/);
    expect(live.stdout).toContain('main.retain');
    const copy = await heapcli(['-top', saved], {});
    expect(copy.status).toBe(0);
    expect(copy.stdout).toBe(live.stdout);
  });

  it('host:port alone fetches the heap profile', async () => {
    const saveDir = join(dir, 'shorthand');
    const live = await heapcli(['-top', '-nodecount=1', base.replace('http://', '')], { HEAPCLI_TMPDIR: saveDir });
    expect(live.status).toBe(0);
    expect(live.stderr.split('\n')[0]).toBe(`Fetching profile over HTTP from ${base}/debug/pprof/heap`);
    expect(live.stdout).toMatch(/^File: pprofserver\nType: inuse_space\n/);
  });

  it('-seconds=1 gets a delta profile: it takes a second and carries a duration', async () => {
    const saveDir = join(dir, 'delta');
    const live = await heapcli(['-top', '-seconds=1', '-sample_index=alloc_space', `${base}/debug/pprof/heap`], {
      HEAPCLI_TMPDIR: saveDir,
    });
    expect(live.status).toBe(0);
    expect(live.stderr.split('\n').slice(0, 2)).toEqual([
      `Fetching profile over HTTP from ${base}/debug/pprof/heap?seconds=1`,
      'Please wait... (1s)',
    ]);
    expect(live.ms).toBeGreaterThanOrEqual(1000);
    expect(live.stdout).toMatch(/\nDuration: 1(\.\d+)?s, Total samples = /);
    expect(live.stdout).toContain('main.churn');
    expect(readdirSync(saveDir)).toEqual([SAVED('001')]);
  });

  it("reports net/http/pprof's own error message with the status", async () => {
    const url = `${base}/debug/pprof/nosuch`;
    const live = await heapcli(['-top', url], { HEAPCLI_TMPDIR: join(dir, 'error') });
    expect(live.status).toBe(1);
    expect(live.stdout).toBe('');
    expect(live.stderr).toBe(
      `Fetching profile over HTTP from ${url}\n${url}: server response: 404 Not Found - Unknown profile\nfailed to fetch any source profiles\n`,
    );
  });

  it('names its copy as go tool pprof names its own', async () => {
    const pprofDir = join(dir, 'pprof');
    const pprof = await run('go', ['tool', 'pprof', '-raw', `${base}/debug/pprof/heap`], { PPROF_TMPDIR: pprofDir, HOME: dir });
    expect(pprof.status).toBe(0);
    expect(readdirSync(pprofDir)).toEqual([SAVED('001')]);
    expect(pprof.stderr).toContain(`Saved profile in ${join(pprofDir, SAVED('001'))}\n`);
  });
});
