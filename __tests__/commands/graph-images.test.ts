/**
 * Graph images and viewers (issue 17): images drawn by Graphviz's dot byte for byte as pprof's,
 * the SVG drawn without dot (Graphviz's WebAssembly build), and web/weblist handing a file to a
 * recording $BROWSER.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import { GOLDEN, golden, manifests, profilePath } from '../helpers/goldens.js';

process.env.TZ = 'UTC';

/** Runs heapcli in-process; stdout as bytes. */
async function run(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ stdout: Buffer; stderr: string; status: number }> {
  const out: Buffer[] = [];
  const err: string[] = [];
  const stdout = new Writable({ write: (c: Buffer, _e, done) => (out.push(Buffer.from(c)), done()) });
  const stderr = new Writable({ write: (c: Buffer, _e, done) => (err.push(c.toString()), done()) });
  const status = await runCli(args, { stdin: Readable.from([input]), stdout, stderr, env });
  return { stdout: Buffer.concat(out), stderr: err.join(''), status };
}

const LEAKYBUF = profilePath('leakybuf.heap.pb.gz');
const withDot = { PATH: process.env.PATH };
/** A PATH where no program is found, dot included. */
const withoutDot = { PATH: '/nonexistent' };

/** The texts of an SVG's <text> elements, sorted (node and edge labels). */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).sort();
}

describe("images drawn by Graphviz's dot equal pprof's byte for byte", () => {
  it.each(manifests('images'))('%s', async (name, profile, ...args) => {
    const r = await run([...args, profilePath(profile)], withDot);
    expect(r.status).toBe(0);
    expect(r.stdout.equals(readFileSync(join(GOLDEN, `${name}.out`)))).toBe(true);
  });
});

describe('without dot on PATH', () => {
  it("-svg is drawn by Graphviz's WebAssembly build, made pannable as pprof's, with pprof's texts", async () => {
    const r = await run(['-svg', LEAKYBUF], withoutDot);
    expect(r.status).toBe(0);
    const svg = r.stdout.toString('utf8');
    const pprofs = golden('leakybuf.heap.svg', 'out');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg width="100%" height="100%" xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<g id="viewport" transform="scale(0.5,0.5) translate(0,0)"><g id="graph0"');
    expect(svg).toMatch(/<\/g>\n?<\/svg>\n?$/);
    // The same script as pprof's, and the same node and edge texts.
    const script = (s: string) => s.slice(s.indexOf('<script'), s.indexOf('</script>'));
    expect(script(svg)).toBe(script(pprofs));
    expect(svgTexts(svg)).toEqual(svgTexts(pprofs));
    expect(svgTexts(svg).length).toBeGreaterThan(40);
  });

  it.each(['png', 'gif', 'pdf', 'ps'])('-%s says what to install, in one line, and fails', async (format) => {
    const r = await run([`-${format}`, LEAKYBUF], withoutDot);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe(
      `${format} needs Graphviz's dot program, which is not on PATH: install Graphviz (the graphviz package), or use svg or web, which work without it\n`,
    );
  });
});

describe('web, weblist and the viewers', () => {
  let dir = '';
  let browser = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'heapcli-web-'));
    // A browser that records what it was asked to open, and a copy of the file.
    browser = join(dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/args"\ncp "$1" "${dir}/opened"\n`);
    chmodSync(browser, 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const env = () => ({ ...withDot, BROWSER: browser, TMPDIR: dir });
  /** A PATH with Graphviz's dot on it and nothing else (no browser, no viewer). */
  function onlyDot(): string {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(spawnSync('sh', ['-c', 'command -v dot'], { encoding: 'utf8' }).stdout.trim(), join(bin, 'dot'));
    return bin;
  }

  /** What the recording browser got, once it has written it. */
  async function opened(): Promise<{ args: string[]; file: string }> {
    for (let i = 0; i < 100 && !existsSync(join(dir, 'opened')); i++) await new Promise((r) => setTimeout(r, 50));
    return { args: readFileSync(join(dir, 'args'), 'utf8').trimEnd().split('\n'), file: readFileSync(join(dir, 'opened'), 'utf8') };
  }

  it('`web` in a piped console opens the SVG pprof would draw, saved in the temporary folder', async () => {
    const r = await run([LEAKYBUF], env(), 'web\nquit\n');
    expect(r.status).toBe(0);
    const got = await opened();
    expect(got.args).toEqual([join(dir, 'pprof001.svg')]);
    expect(got.file).toBe(golden('leakybuf.heap.svg', 'out'));
    expect(r.stderr).not.toContain('no web browser');
  });

  it('-web waits for the browser and exits 0; a second run takes the next file name', async () => {
    await run(['-web', LEAKYBUF], env());
    rmSync(join(dir, 'opened'));
    const r = await run(['-web', '-focus=GetLargeData', LEAKYBUF], env());
    expect(r.status).toBe(0);
    expect((await opened()).args).toEqual([join(dir, 'pprof002.svg')]);
  });

  it('with no browser at all, web says where the file is', async () => {
    const r = await run(['-web', LEAKYBUF], { PATH: onlyDot(), TMPDIR: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`no web browser to open it with (set $BROWSER); the file is ${join(dir, 'pprof001.svg')}\n`);
    expect(readFileSync(join(dir, 'pprof001.svg'), 'utf8')).toBe(golden('leakybuf.heap.svg', 'out'));
  });

  it("`weblist` opens list's annotated source as a web page", async () => {
    const r = await run([LEAKYBUF], { ...env() }, 'weblist GetLargeData -source_path=testdata/programs\nquit\n');
    expect(r.status).toBe(0);
    const page = (await opened()).file;
    expect(page).toContain('<title>heapcli weblist GetLargeData</title>');
    expect(page).toContain('no disassembly');
    expect(page).toContain('ROUTINE ======================== main.GetLargeData');
  });

  it("a viewer that is not installed fails with the file's path", async () => {
    const r = await run(['-eog', LEAKYBUF], { PATH: onlyDot(), TMPDIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`exec: "eog": executable file not found in $PATH\nheapcli: the report is in ${join(dir, 'pprof001.svg')}\n`);
  });

  it('disasm says it needs the binary', async () => {
    const r = await run(['-disasm=main', LEAKYBUF], withDot);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("disasm needs the program's binary, which heapcli does not read; list shows annotated source\n");
  });
});
