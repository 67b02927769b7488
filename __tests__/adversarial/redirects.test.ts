/**
 * A redirect never lowers security (issue 19): no https → http, and certificate checks are off
 * only for an https+insecure:// URL the user typed, on the host typed. The HTTPS servers use a
 * certificate signed by a CA made here, which the spawned heapcli trusts (NODE_EXTRA_CA_CERTS) as
 * a user's system would trust a real server's.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstHop, nextHop, RedirectRefused } from '../../src/inputs/redirects.js';
import { hasOpenssl, makeCertificates, redirectTo, serve, startHostile, type Certificates, type Hostile } from './hostile-server.js';
import { spawnHeapcli } from './spawn.js';

describe('nextHop: which redirects are followed', () => {
  const hop = (typed: string, location: string) => nextHop(firstHop(typed), location);
  it.each([
    ['http://a/x', 'https://b/y', 'https://b/y', false],
    ['http://a/x', '/y', 'http://a/y', false],
    ['https://a/x', 'https://b/y', 'https://b/y', false],
    ['https+insecure://a:1/x', '/y', 'https://a:1/y', true],
    ['https+insecure://a:1/x', 'https://a:1/z', 'https://a:1/z', true],
    // Another host, or another port, gets its certificate checked.
    ['https+insecure://a:1/x', 'https://b:1/y', 'https://b:1/y', false],
    ['https+insecure://a:1/x', 'https://a:2/y', 'https://a:2/y', false],
  ])('%s → %s: %s', (typed, location, href, insecure) => {
    expect(hop(typed, location)).toEqual({ url: new URL(href), insecure });
  });

  it.each([
    ['https://a/x', 'http://a/y', 'refused the redirect to http://a/y: it would leave TLS (https to http)'],
    ['https+insecure://a/x', 'http://a/y', 'refused the redirect to http://a/y: it would leave TLS (https to http)'],
    [
      'https://a/x',
      'https+insecure://b/y',
      'refused the redirect to https+insecure://b/y: only a URL given on the command line can turn certificate checks off',
    ],
    [
      'http://a/x',
      'https+insecure://a/y',
      'refused the redirect to https+insecure://a/y: only a URL given on the command line can turn certificate checks off',
    ],
    ['http://a/x', 'file:///etc/passwd', 'refused the redirect to file:///etc/passwd: only http and https are followed'],
    ['http://a/x', 'ftp://u:secret@a/y', 'refused the redirect to ftp://u:***@a/y: only http and https are followed'],
  ])('%s → %s is refused', (typed, location, message) => {
    expect(() => hop(typed, location)).toThrow(new RedirectRefused(message));
  });
});

const PROFILE = readFileSync('testdata/profiles/leakybuf.heap.pb.gz');
const scratch = mkdtempSync(join(tmpdir(), 'heapcli-redirects-'));
let dirs = 0;
const freshDir = () => join(scratch, `saved-${++dirs}`);

if (!hasOpenssl)
  console.warn(
    '__tests__/adversarial/redirects.test.ts: TLS redirect cases skipped: openssl is not installed (it makes their certificates)',
  );

(hasOpenssl ? describe : describe.skip)('a hostile server redirecting a fetch', () => {
  let certs: Certificates;
  let plain: Hostile;
  let trusted: Hostile;
  let other: Hostile;
  const trust = () => ({ NODE_EXTRA_CA_CERTS: certs.caFile });

  beforeAll(async () => {
    certs = makeCertificates(scratch);
    // `other` is a second TLS server: another port, as another host would be.
    other = await startHostile({ '/debug/pprof/heap': serve(PROFILE) }, certs);
    plain = await startHostile({ '/debug/pprof/heap': serve(PROFILE), '/up': redirectTo(() => `${trusted.base}/debug/pprof/heap`) });
    trusted = await startHostile(
      {
        '/debug/pprof/heap': serve(PROFILE),
        '/to-insecure': redirectTo(() => `https+insecure://127.0.0.1:${other.port}/debug/pprof/heap`),
        '/to-http': redirectTo(() => `${plain.base}/debug/pprof/heap`),
        '/to-other': redirectTo(() => `${other.base}/debug/pprof/heap`),
        '/to-self': redirectTo(() => '/debug/pprof/heap'),
      },
      certs,
    );
  });

  afterAll(async () => {
    await Promise.all([plain.close(), trusted.close(), other.close()]);
  });

  it('https → https+insecure://other-host: refused, the other host never asked, nothing saved', async () => {
    const dir = freshDir();
    const url = `${trusted.base}/to-insecure`;
    const run = await spawnHeapcli(['-top', url], { ...trust(), HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Fetching profile over HTTP from ${url}\n${url}: refused the redirect to https+insecure://127.0.0.1:${other.port}/debug/pprof/heap: only a URL given on the command line can turn certificate checks off\nfailed to fetch any source profiles\n`,
    );
    expect(other.requests).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });

  it('https → http: refused, the plain server never asked', async () => {
    const url = `${trusted.base}/to-http`;
    const run = await spawnHeapcli(['-top', url], { ...trust(), HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[1]).toBe(
      `${url}: refused the redirect to ${plain.base}/debug/pprof/heap: it would leave TLS (https to http)`,
    );
    expect(plain.requests).toEqual([]);
  });

  it('http → https and https → https (checked) are followed', async () => {
    const up = await spawnHeapcli(['-top', `${plain.base}/up`], { ...trust(), HEAPCLI_TMPDIR: freshDir() });
    expect(up.status).toBe(0);
    const across = await spawnHeapcli(['-top', `${trusted.base}/to-other`], { ...trust(), HEAPCLI_TMPDIR: freshDir() });
    expect(across.status).toBe(0);
    expect(across.stdout).toBe(up.stdout);
  });

  it('https+insecure:// typed for one host does not skip the check on the host it redirects to', async () => {
    // Without the CA, neither server's certificate verifies.
    const url = `https+insecure://127.0.0.1:${trusted.port}/to-other`;
    const asked = other.requests.length;
    const run = await spawnHeapcli(['-top', url], { HEAPCLI_TMPDIR: freshDir() });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[1]).toBe(
      `${url}: TLS: unable to verify the first certificate (after a redirect, the certificate is checked unless the host is the one typed with https+insecure://)`,
    );
    expect(other.requests).toHaveLength(asked);
    const self = await spawnHeapcli(['-top', `https+insecure://127.0.0.1:${trusted.port}/to-self`], { HEAPCLI_TMPDIR: freshDir() });
    expect(self.status).toBe(0);
  });
});
