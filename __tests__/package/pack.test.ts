/**
 * The package as a user gets it: `npm pack` (of the build `npm test` has just made), installed with
 * `--ignore-scripts` into an empty project, then run there with `npx heapcli`. It must work at
 * once, without dev tools, tests or test data in the tarball.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { golden } from '../helpers/goldens.js';
import { rawGet, startHeapcliWeb } from '../helpers/web-server.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const PROFILE = join(ROOT, 'testdata/profiles/leakybuf.heap.pb.gz');
const work = mkdtempSync(join(tmpdir(), 'heapcli-pack-'));
let tarball = '';
let project = '';

/** Runs a command; its output, or an error with what it printed. */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  // The build is npm test's; --ignore-scripts keeps `prepare` from building it again.
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(work, packed[0].filename);
  files = packed[0].files.map((f) => f.path);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-heapcli', version: '1.0.0', private: true, type: 'module' }));
  // From npm's cache when it has the few dependencies (npm ci filled it), else from the registry.
  run('npm', ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
}, 180000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

let files: string[] = [];

describe('the packed tarball', () => {
  it('holds the launcher and the built bundle, and no sources, tests or test data', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/heapcli.js',
        'bin/load-bundle.js',
        'dist/bundle/cli.cjs',
        'dist/bundle/first-prompt.cjs',
        'dist/bundle/session-worker.js',
        'dist/bundle/api.js',
        'dist/bundle/types/index.d.ts',
        'dist/bundle/web-server.js',
        'dist/bundle/web/app.js',
        'package.json',
        'README.md',
      ]),
    );
    expect(files.filter((f) => /^(src|__tests__|testdata|bench|scripts)\//.test(f))).toEqual([]);
  });

  it('installed with --ignore-scripts into an empty project, `npx heapcli -top` prints what pprof prints', () => {
    expect(run('npx', ['--no-install', 'heapcli', '-top', PROFILE], project)).toBe(golden('leakybuf.heap.top', 'out'));
  });

  it('installs only its run-time dependencies (the rest is bundled)', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed.sort()).toEqual(['@viz-js', 'fflate', 'heapcli', 're2js', 'readline-sync']);
  });

  it('writes -proto gzipped (fflate, loaded from the installed dependencies), which reads back to the same -top', () => {
    const saved = join(work, 'saved.pb.gz');
    run('npx', ['--no-install', 'heapcli', '-proto', `-output=${saved}`, PROFILE], project);
    expect([...readFileSync(saved).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(run('npx', ['--no-install', 'heapcli', '-top', saved], project)).toBe(golden('leakybuf.heap.top', 'out'));
  });

  it('reads a regexp that needs its RE2 engine (re2js, loaded from the installed dependencies)', () => {
    const out = run('npx', ['--no-install', 'heapcli', '-top', '-focus=(?i)GETLARGE(DATA)+', PROFILE], project);
    expect(out).toContain('main.GetLargeData');
  });

  it('draws -svg without Graphviz on PATH (its WebAssembly build, loaded from the installed dependencies)', () => {
    // A PATH with node, npx and the shell npx runs commands with, alone: dot is not found.
    const bin = join(work, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    for (const tool of ['npx', 'sh'])
      symlinkSync(spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), join(bin, tool));
    expect(spawnSync('sh', ['-c', 'command -v dot'], { env: { PATH: bin } }).status).not.toBe(0);
    const svg = run(join(bin, 'npx'), ['--no-install', 'heapcli', '-svg', PROFILE], project, { PATH: bin });
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<svg width="100%" height="100%"');
    expect(svg).toContain('main.GetLargeData (4501.21kB)');
    expect(svg).toMatch(/<\/svg>\n?$/);
  });

  it("an ES module script using the library API gets the console's text and typed rows", () => {
    const script = [
      "import { openProfile, HeapcliError } from 'heapcli';",
      `const profile = await openProfile(${JSON.stringify(PROFILE)});`,
      "const text = profile.execute('top3');",
      "const table = profile.top({ nodecount: 2, sample_index: 'inuse_space' });",
      "let error = '';",
      "try { await openProfile('missing.pb.gz'); } catch (e) { error = e instanceof HeapcliError ? e.message : 'not a HeapcliError'; }",
      'console.log(JSON.stringify({ text, rows: table.rows.map((r) => [r.name, r.flat, r.cum]), unit: table.unit, error }));',
    ].join('\n');
    writeFileSync(join(project, 'check.mjs'), script);
    const answer = JSON.parse(run('node', ['check.mjs'], project)) as {
      text: string;
      rows: [string, number, number][];
      unit: string;
      error: string;
    };
    expect(answer.text.split('\n').slice(0, 4)).toEqual([
      'Showing nodes accounting for 4646.66kB, 93.44% of 4972.95kB total',
      'Dropped 28 nodes (cum <= 24.86kB)',
      'Showing top 3 nodes out of 12',
      '      flat  flat%   sum%        cum   cum%',
    ]);
    // 4119kB and 288kB of pprof's -top, in bytes.
    expect(answer.rows).toEqual([
      ['main.growBuf', 4217856, 4217856],
      ['main.GetLargeData', 294912, 4609240],
    ]);
    expect(answer.unit).toBe('bytes');
    expect(answer.error).toBe('missing.pb.gz: open missing.pb.gz: no such file or directory');
  });

  it('ships its types: a TypeScript script using the API type-checks against the installed package', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import { openProfile, type TopRow } from 'heapcli';",
        'const profile = await openProfile(new Uint8Array(0));',
        'const rows: readonly TopRow[] = profile.top({ nodecount: 5 }).rows;',
        'const named: string = rows[0].name;',
        'const flat: number = rows[0].flat;',
        'export { named, flat };',
      ].join('\n'),
    );
    run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    // And a wrong use is caught: flat is a number.
    writeFileSync(
      join(project, 'check.ts'),
      "import { openProfile } from 'heapcli';\nconst p = await openProfile('x');\nconst s: string = p.top().rows[0].flat;\nexport { s };\n",
    );
    expect(() => run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project)).toThrow(
      /Type 'number' is not assignable to type 'string'/,
    );
  });

  it('serves the web UI with its page script (-http), which needs nothing outside the package', async () => {
    const web = await startHeapcliWeb(
      ['-http=localhost:0', '-no_browser', PROFILE],
      {},
      join(project, 'node_modules/heapcli/bin/heapcli.js'),
    );
    try {
      expect((await rawGet(web.port, '/ui/flamegraph')).body).toContain('<canvas id="flame-canvas">');
      expect((await rawGet(web.port, '/ui/static/app.js')).status).toBe(200);
    } finally {
      await web.stop();
    }
  });
});
