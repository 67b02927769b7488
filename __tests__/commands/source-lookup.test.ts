import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { escapeModulePath, sourceLookup, unescapeModulePath, type SourceText } from '../../src/commands/source/lookup.js';
import { scanSource } from '../../src/commands/source/text.js';
import { diskSourceFiles } from '../../src/host/source-files.js';

/** Every line scanSource finds in `text`, from line 1. */
function scanLines(text: string): string[] {
  const lines = scanSource(new TextEncoder().encode(text));
  const out: string[] = [];
  for (let n = 1, line = lines.line(n); line !== undefined; line = lines.line(++n)) out.push(line);
  return out;
}

// Every rule is tried against real files in a temporary folder: a project (with go.mod and
// vendor/), a fake GOROOT, a module cache and a GOPATH, each file holding its own name.
let root: string;

function put(path: string, text = `// ${path}\n`): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'heapcli-lookup-'));
  put('proj/go.mod', 'module example.com/App // the main module\n\ngo 1.19\n');
  put('proj/cmd/app/main.go');
  put('proj/internal/store/store.go');
  put('proj/vendor/github.com/Vendored/lib/lib.go');
  put('proj/vendor/golang.org/x/text/width.go');
  put('proj/sub/dir/.keep');
  put('proj/rel/only.go');
  put('goroot/src/runtime/proc.go');
  put('goroot/src/fmt/print.go');
  put('goroot/src/vendor/golang.org/x/net/idna/idna.go');
  put('modcache/github.com/!burnt!sushi/toml@v1.2.0/decode.go');
  put('modcache/github.com/!vendored/lib@v0.1.0/lib.go');
  put('modcache/example.com/pseudo@v0.0.0-20200101000000-!a!b!c/p.go');
  put('gopath/pkg/mod/golang.org/x/sync@v0.1.0/errgroup/errgroup.go');
  put('home/go/pkg/mod/golang.org/x/exp@v0.0.1/maps/maps.go');
  put('crlf.go', 'package x\r\nfunc f() {}\r\n// no final newline');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Setup {
  readonly cwd?: string;
  readonly sourcePath?: string;
  readonly trimPath?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly profileFiles?: string[];
}

/** Looks `file` up and says which file was read (each holds its path), or the error. */
function lookup(file: string, s: Setup = {}): string {
  const sources = diskSourceFiles(s.env ?? {}, s.cwd ?? join(root, 'proj'));
  const find = sourceLookup(sources, { sourcePath: s.sourcePath ?? '', trimPath: s.trimPath ?? '', profileFiles: s.profileFiles ?? [] });
  return whatWasRead(find(file));
}

function whatWasRead(found: SourceText): string {
  if ('error' in found) return `error: ${found.error.split(root).join('<tmp>')}`;
  return found.lines.line(1)!.replace(/^\/\/ /, '');
}

describe('pprof rules', () => {
  it('opens an absolute path as it is', () => {
    expect(lookup(join(root, 'goroot/src/fmt/print.go'))).toBe('goroot/src/fmt/print.go');
  });

  it('reports an absolute path it cannot open with the open error', () => {
    expect(lookup('/nowhere/x.go')).toBe('error: open /nowhere/x.go: no such file or directory');
  });

  it('looks a relative path up in the working directory and each of its parents', () => {
    expect(lookup('rel/only.go')).toBe('proj/rel/only.go');
    expect(lookup('rel/only.go', { cwd: join(root, 'proj/sub/dir') })).toBe('proj/rel/only.go');
    expect(lookup('proj/rel/only.go', { cwd: join(root, 'proj/sub') })).toBe('proj/rel/only.go');
  });

  it('says which path it searched when a relative path is nowhere', () => {
    expect(lookup('missing/x.go')).toBe('error: could not find file missing/x.go on path <tmp>/proj');
    expect(lookup('missing/x.go', { sourcePath: '/a:/b' })).toBe('error: could not find file missing/x.go on path /a:/b');
  });

  it('searches each source_path entry (relative ones from the working directory) and their parents', () => {
    expect(lookup('only.go', { sourcePath: `/nowhere:${join(root, 'proj/rel')}` })).toBe('proj/rel/only.go');
    expect(lookup('only.go', { cwd: root, sourcePath: 'proj/rel' })).toBe('proj/rel/only.go');
    expect(lookup('rel/only.go', { sourcePath: join(root, 'proj/sub/dir') })).toBe('proj/rel/only.go');
  });

  it('guesses the prefix to drop from the last element of a search directory when trim_path is unset', () => {
    // /elsewhere/proj/rel/only.go under source_path .../proj: everything up to /proj/ goes.
    expect(lookup('/elsewhere/proj/rel/only.go', { sourcePath: join(root, 'proj') })).toBe('proj/rel/only.go');
    // The working directory (the default source_path) is a search directory too.
    expect(lookup('/elsewhere/proj/rel/only.go')).toBe('proj/rel/only.go');
  });

  it('trims the first trim_path prefix that matches, with or without a final slash, and then guesses nothing', () => {
    expect(lookup('/build/x/rel/only.go', { trimPath: '/other:/build/x' })).toBe('proj/rel/only.go');
    expect(lookup('/build/x/rel/only.go', { trimPath: '/build/x/' })).toBe('proj/rel/only.go');
    expect(lookup('/elsewhere/proj/rel/only.go', { trimPath: '/other' })).toBe(
      'error: open /elsewhere/proj/rel/only.go: no such file or directory',
    );
  });

  it('always drops /proc/self/cwd prefixes', () => {
    expect(lookup('/proc/self/cwd/./rel/only.go', { trimPath: '/other' })).toBe('proj/rel/only.go');
    expect(lookup('/proc/self/cwd/rel/only.go', { trimPath: '/other' })).toBe('proj/rel/only.go');
  });

  it('reads lines as bufio.Scanner does', () => {
    expect(lookup(join(root, 'crlf.go'))).toBe('package x');
    expect(scanLines('a\r\nb\n\nc')).toEqual(['a', 'b', '', 'c']);
    expect(scanLines('a\r\nb\r')).toEqual(['a', 'b']);
    expect(scanLines('a\n')).toEqual(['a']);
    expect(scanLines('')).toEqual([]);
    expect(scanLines(`a\n${'x'.repeat(70000)}\nb\n`)).toEqual(['a']);
    // The scanner's buffer is 64 KiB: a line and its `\r` up to one byte less, then the `\n`.
    expect(scanLines(`a\n${'x'.repeat(65535)}\nb`)).toEqual(['a', 'x'.repeat(65535), 'b']);
    expect(scanLines(`a\n${'x'.repeat(65534)}\r\nb`)).toEqual(['a', 'x'.repeat(65534), 'b']);
    expect(scanLines(`a\n${'x'.repeat(65535)}\r\nb`)).toEqual(['a']);
    expect(scanLines(`a\n${'x'.repeat(65536)}`)).toEqual(['a']);
  });

  it('keeps a byte-order mark and shows bad UTF-8 as U+FFFD, line by line', () => {
    expect(scanLines('\ufeffpackage x\n')).toEqual(['\ufeffpackage x']);
    expect(scanSource(Uint8Array.from([0x61, 0xe2, 0x82, 0x0a, 0xff, 0x62])).line(2)).toBe('\ufffdb');
    expect(scanSource(Uint8Array.from([0x61, 0xe2, 0x82, 0x0a])).line(1)).toBe('a\ufffd');
  });
});

describe('beyond pprof: Go sources', () => {
  const goroot = () => join(root, 'goroot');

  it('finds standard-library files of a -trimpath binary (import paths, or std/...) in $GOROOT/src', () => {
    const env = { GOROOT: goroot() };
    expect(lookup('runtime/proc.go', { env })).toBe('goroot/src/runtime/proc.go');
    expect(lookup('std/fmt/print.go', { env })).toBe('goroot/src/fmt/print.go');
    expect(lookup('vendor/golang.org/x/net/idna/idna.go', { env })).toBe('goroot/src/vendor/golang.org/x/net/idna/idna.go');
  });

  it("moves another machine's GOROOT (read from where its runtime sources were) to $GOROOT", () => {
    const profileFiles = ['/nonexistent-goroot/src/runtime/proc.go', '/home/me/app/main.go'];
    expect(lookup('/nonexistent-goroot/src/fmt/print.go', { env: { GOROOT: goroot() }, profileFiles })).toBe('goroot/src/fmt/print.go');
    expect(lookup('/nonexistent-goroot/src/fmt/print.go', { profileFiles })).toBe(
      'error: open /nonexistent-goroot/src/fmt/print.go: no such file or directory',
    );
  });

  it('without GOROOT set, uses the GOROOT the profile names', () => {
    const profileFiles = [join(goroot(), 'src/runtime/proc.go')];
    expect(lookup('fmt/print.go', { profileFiles })).toBe('goroot/src/fmt/print.go');
    expect(lookup('fmt/print.go')).toBe('error: could not find file fmt/print.go on path <tmp>/proj');
  });

  it('finds module@version paths in $GOMODCACHE, upper-case letters escaped with !', () => {
    const env = { GOMODCACHE: join(root, 'modcache') };
    expect(lookup('github.com/BurntSushi/toml@v1.2.0/decode.go', { env })).toBe('modcache/github.com/!burnt!sushi/toml@v1.2.0/decode.go');
    expect(lookup('example.com/pseudo@v0.0.0-20200101000000-ABC/p.go', { env })).toBe(
      'modcache/example.com/pseudo@v0.0.0-20200101000000-!a!b!c/p.go',
    );
  });

  it("moves another machine's module cache to this one, and finds a cache path with no pkg/mod in it", () => {
    const env = { GOMODCACHE: join(root, 'modcache') };
    expect(lookup('/nonexistent-home/go/pkg/mod/github.com/!burnt!sushi/toml@v1.2.0/decode.go', { env })).toBe(
      'modcache/github.com/!burnt!sushi/toml@v1.2.0/decode.go',
    );
    expect(lookup('/nonexistent-cache/github.com/!burnt!sushi/toml@v1.2.0/decode.go', { env })).toBe(
      'modcache/github.com/!burnt!sushi/toml@v1.2.0/decode.go',
    );
  });

  it('takes the module cache from the first GOPATH entry, else from ~/go', () => {
    const file = 'golang.org/x/sync@v0.1.0/errgroup/errgroup.go';
    expect(lookup(file, { env: { GOPATH: `${join(root, 'gopath')}:/other` } })).toBe(
      'gopath/pkg/mod/golang.org/x/sync@v0.1.0/errgroup/errgroup.go',
    );
    expect(lookup('golang.org/x/exp@v0.0.1/maps/maps.go', { env: { HOME: join(root, 'home') } })).toBe(
      'home/go/pkg/mod/golang.org/x/exp@v0.0.1/maps/maps.go',
    );
    expect(lookup(file, { env: { GOPATH: join(root, 'gopath'), GOMODCACHE: join(root, 'modcache') } })).toMatch(/^error: could not find/);
  });

  it('prefers vendor/ in a search directory to the module cache', () => {
    const env = { GOMODCACHE: join(root, 'modcache') };
    expect(lookup('github.com/Vendored/lib@v0.1.0/lib.go', { env })).toBe('proj/vendor/github.com/Vendored/lib/lib.go');
    expect(lookup('/nonexistent-home/go/pkg/mod/github.com/!vendored/lib@v0.1.0/lib.go', { env })).toBe(
      'proj/vendor/github.com/Vendored/lib/lib.go',
    );
    expect(lookup('github.com/Vendored/lib@v0.1.0/lib.go', { env, cwd: join(root, 'proj/sub/dir') })).toBe(
      'proj/vendor/github.com/Vendored/lib/lib.go',
    );
  });

  it("moves another checkout's vendor/ to the one here", () => {
    expect(lookup('/nonexistent-build/app/vendor/golang.org/x/text/width.go', { trimPath: '/other' })).toBe(
      'proj/vendor/golang.org/x/text/width.go',
    );
  });

  it('finds main-module files of a -trimpath binary from the go.mod of a search directory', () => {
    expect(lookup('example.com/App/cmd/app/main.go')).toBe('proj/cmd/app/main.go');
    expect(lookup('example.com/App/internal/store/store.go', { cwd: join(root, 'proj/sub') })).toBe('proj/internal/store/store.go');
    expect(lookup('example.com/Other/cmd/app/main.go')).toMatch(/^error: could not find file example.com\/Other/);
  });

  it('escapes and unescapes module paths as the module cache spells them', () => {
    expect(escapeModulePath('github.com/BurntSushi/toml')).toBe('github.com/!burnt!sushi/toml');
    expect(unescapeModulePath('github.com/!burnt!sushi/toml')).toBe('github.com/BurntSushi/toml');
    expect(escapeModulePath('golang.org/x/net')).toBe('golang.org/x/net');
  });
});
