/**
 * Hostile bodies (issue 19): endless, trickling, with a length that lies, a gzip bomb, a
 * certificate that does not verify. Each ends in one line naming the URL and why, exit 1, and
 * nothing saved; an endless or trickling body stops at -timeout (+5 s, as in pprof) and at
 * HEAPCLI_MAX_PROFILE.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runHeapcli } from '../helpers/run-cli.js';
import { endless, hasOpenssl, lyingLength, makeCertificates, serve, startHostile, trickle, type Hostile } from './hostile-server.js';
import { spawnHeapcli, treeOf } from './spawn.js';

const PROFILE = readFileSync('testdata/profiles/leakybuf.heap.pb.gz');
const scratch = mkdtempSync(join(tmpdir(), 'heapcli-bodies-'));
let dirs = 0;
const freshDir = () => join(scratch, `saved-${++dirs}`);
const MiB = 1024 * 1024;

let server: Hostile;
beforeAll(async () => {
  server = await startHostile({
    '/endless': endless(),
    '/trickle': trickle(PROFILE, 200),
    '/longer': lyingLength(PROFILE.subarray(0, 1000), PROFILE.length),
    '/shorter': lyingLength(PROFILE, 1000),
    '/huge-length': (_req, res) => {
      res.writeHead(200, { 'Content-Length': String(10 * MiB) });
      res.write(PROFILE.subarray(0, 10));
    },
    // 1 GiB of zeros in about 1 MB: the decoder stops at the limit, not at the end.
    '/bomb': serve(gzipSync(Buffer.alloc(256 * MiB), { level: 9 })),
  });
});
afterAll(() => server.close());

/** Runs `-top URL` and checks the common outcome: `URL: reason` and pprof's `failed to fetch any source profiles`, exit 1, nothing saved. */
async function refused(path: string, env: NodeJS.ProcessEnv = {}, flags: string[] = []) {
  const dir = freshDir();
  const url = `${server.base}${path}`;
  const started = Date.now();
  const run = await runHeapcli(['-top', ...flags, url], '', { HEAPCLI_TMPDIR: dir, ...env });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n');
  expect(lines.slice(-1)).toEqual(['']);
  expect(lines.at(-2)).toBe('failed to fetch any source profiles');
  expect(lines.at(-3)?.startsWith(`${url}: `)).toBe(true);
  expect(treeOf(dir)).toEqual([]);
  return { reason: lines.at(-3)!.slice(`${url}: `.length), ms: Date.now() - started };
}

describe('bodies that never end, or end wrong', () => {
  it('an endless body stops at HEAPCLI_MAX_PROFILE', async () => {
    const { reason, ms } = await refused('/endless', { HEAPCLI_MAX_PROFILE: String(4 * MiB) });
    expect(reason).toBe(`the answer is larger than ${4 * MiB} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`);
    expect(ms).toBeLessThan(5000);
  });

  it('a Content-Length over the limit is refused before the body is read', async () => {
    const { reason, ms } = await refused('/huge-length', { HEAPCLI_MAX_PROFILE: String(MiB) });
    expect(reason).toBe(`the answer is larger than ${MiB} bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)`);
    expect(ms).toBeLessThan(2000);
  });

  it('a gzip bomb stops inflating at the limit', async () => {
    const { reason } = await refused('/bomb', { HEAPCLI_MAX_PROFILE: String(16 * MiB) });
    expect(reason).toMatch(/16777216/);
  });

  it('a Content-Length longer than the body: cut off', async () => {
    expect((await refused('/longer')).reason).toBe('the server closed the connection before the end of the body');
  });

  it('a Content-Length shorter than the body: what it declared is read, and is not a whole profile', async () => {
    expect((await refused('/shorter')).reason).toMatch(/^truncated gzip data|^malformed profile|^not a pprof profile/);
  });

  it("endless and trickling bodies stop at -timeout + 5 s (pprof's grace), both at once", async () => {
    const [flood, drip] = await Promise.all([
      refused('/endless', { HEAPCLI_MAX_PROFILE: String(1024 * MiB) }, ['-timeout=1']),
      refused('/trickle', {}, ['-timeout=1']),
    ]);
    for (const { reason, ms } of [flood, drip]) {
      expect(reason).toBe('timed out after 6s (-timeout 1s + 5s grace, as in pprof)');
      expect(ms).toBeGreaterThanOrEqual(5900);
      expect(ms).toBeLessThan(12_000);
    }
  });
});

if (!hasOpenssl)
  console.warn('__tests__/adversarial/bodies.test.ts: self-signed TLS case skipped: openssl is not installed (it makes the certificate)');

(hasOpenssl ? describe : describe.skip)('a certificate that does not verify', () => {
  let tls: Hostile;
  beforeAll(async () => {
    // The CA made here is not given to heapcli: to it, this server's certificate is unknown.
    tls = await startHostile({ '/debug/pprof/heap': serve(PROFILE) }, makeCertificates(mkdtempSync(join(scratch, 'ca-'))));
  });
  afterAll(() => tls.close());

  it('is refused even with NODE_TLS_REJECT_UNAUTHORIZED=0 (only https+insecure:// skips the check)', async () => {
    const url = `${tls.base}/debug/pprof/heap`;
    const run = await spawnHeapcli(['-top', url], { HEAPCLI_TMPDIR: freshDir(), NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(-3)).toEqual([
      `${url}: TLS: unable to verify the first certificate (https+insecure:// skips the certificate check)`,
      'failed to fetch any source profiles',
      '',
    ]);
    expect(tls.requests).toEqual([]);
  });
});
