import { hostAllowed, isLoopback, parseHttpAddress } from '../../src/web/address.js';
import { browserCommands } from '../../src/web/browser.js';
import { decodeFlame, encodeFlame } from '../../src/web/flame-data.js';
import { frameAt, layout, matchShare, packageOf } from '../../src/web/client/flame-layout.js';
import { escapeHtml, scriptJson } from '../../src/web/page.js';
import { queryAssignments } from '../../src/web/query.js';
import { ProfileAnalysis } from '../../src/analysis/analysis.js';
import { flameTree } from '../../src/analysis/flame-build.js';
import { DEFAULT_OPTIONS } from '../../src/analysis/options.js';
import { profileOf } from '../helpers/stack-profile.js';

describe('-http addresses', () => {
  it('reads [host]:port as pprof does, localhost when no host is given', () => {
    expect(parseHttpAddress(':8080')).toEqual({ host: 'localhost', port: 8080 });
    expect(parseHttpAddress('0.0.0.0:0')).toEqual({ host: '0.0.0.0', port: 0 });
    expect(parseHttpAddress('[::1]:99')).toEqual({ host: '::1', port: 99 });
    expect(parseHttpAddress('bad')).toEqual({ error: 'could not split http address: address bad: missing port in address' });
    expect(parseHttpAddress('a:b:1')).toEqual({ error: 'could not split http address: address a:b:1: too many colons in address' });
    expect(parseHttpAddress('localhost:http')).toEqual({ error: 'listen tcp: address localhost:http: invalid port' });
    expect(parseHttpAddress('localhost:65536')).toEqual({ error: 'listen tcp: address localhost:65536: invalid port' });
  });

  it('knows loopback names', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', 'app.localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '10.0.0.1', 'example.com', 'localhost.example.com'].some(isLoopback)).toBe(false);
  });

  it('accepts a Host header naming this server only (DNS rebinding)', () => {
    const local = { host: 'localhost', port: 8080 };
    expect(['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST:8080'].map((h) => hostAllowed(h, local))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['evil.com:8080', 'localhost:8081', 'localhost', undefined, '10.0.0.1:8080'].map((h) => hostAllowed(h, local))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const lan = { host: '10.0.0.5', port: 80 };
    expect(['10.0.0.5', '10.0.0.5:80', 'evil.com', '10.0.0.6'].map((h) => hostAllowed(h, lan))).toEqual([true, true, false, false]);
    const any = { host: '0.0.0.0', port: 9000 };
    expect(['10.0.0.6:9000', 'localhost:9000', 'evil.com:9000'].map((h) => hostAllowed(h, any))).toEqual([true, true, false]);
  });

  it("opens $BROWSER first, xdg-open last (pprof's order)", () => {
    expect(browserCommands({ BROWSER: 'my-browser --new' }, 'linux')).toEqual(['my-browser --new', 'sensible-browser', 'xdg-open']);
    expect(browserCommands({ DISPLAY: ':0' }, 'linux')).toEqual([
      'chrome',
      'google-chrome',
      'chromium',
      'firefox',
      'sensible-browser',
      'xdg-open',
    ]);
    expect(browserCommands({}, 'darwin')).toEqual(['/usr/bin/open', 'xdg-open']);
  });
});

describe('web query parameters', () => {
  it("reads pprof's short names and options by name, never options that name files", () => {
    const q = new URLSearchParams(
      'si=alloc_space&f=a&i=b&h=c&s=d&sf=e&tf=x=1&ti=y&ts=k&th=j&g=lines&unit=mb&output=/tmp/x&source_path=/etc&trim_path=/&nope=1&mean=true',
    );
    expect(queryAssignments(q).map((a) => `${a.name}=${a.value}`)).toEqual([
      'sample_index=alloc_space',
      'focus=a',
      'ignore=b',
      'hide=c',
      'show=d',
      'show_from=e',
      'tagfocus=x=1',
      'tagignore=y',
      'tagshow=k',
      'taghide=j',
      'granularity=lines',
      'mean=true',
      'unit=mb',
    ]);
  });
});

describe('the page', () => {
  it('escapes text and keeps JSON inside its script element', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect(scriptJson({ name: '</script><script>alert(1)</script>' })).toBe(
      '{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
    );
  });
});

describe("the flame graph's layout", () => {
  const tree = flameTree(
    new ProfileAnalysis(
      profileOf([
        ['main>a>x', 6],
        ['main>b', 2],
        ['main>a>y', 2],
      ]),
    ).prepare(DEFAULT_OPTIONS),
  );
  const root = decodeFlame(encodeFlame(tree));

  it('sends the tree and gets it back', () => {
    expect(root.children[0].children.map((c) => [c.name, c.total, c.self])).toEqual([
      ['a', 8, 0],
      ['b', 2, 2],
    ]);
  });

  it('places callees side by side by their share, and a zoomed frame across the width', () => {
    const at = (placed: ReturnType<typeof layout>) => placed.map((p) => `${p.frame.name}@${p.x}+${p.width}${p.above ? '^' : ''}`);
    expect(at(layout(root, 100, 10))).toEqual(['root@0+100', 'main@0+100', 'a@0+80', 'x@0+60', 'y@60+20', 'b@80+20']);
    const a = root.children[0].children[0];
    expect(at(layout(a, 100, 10))).toEqual(['main@0+100^', 'root@0+100^', 'a@0+100', 'x@0+75', 'y@75+25']);
    expect(frameAt(layout(a, 100, 10), 80, 35, 10)?.frame.name).toBe('y');
  });

  it('finds what a search matches and its share, each sample once', () => {
    const found = matchShare(root, /^(a|x)$/);
    expect([[...found.frames].map((f) => f.name), found.value]).toEqual([['a', 'x'], 8]);
  });

  it('colours by package', () => {
    expect(['net/http.(*conn).serve', 'main.main', 'runtime/internal/sys.Foo', 'root'].map(packageOf)).toEqual([
      'net/http',
      'main',
      'runtime/internal/sys',
      'root',
    ]);
  });
});
