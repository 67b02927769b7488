/**
 * The bundle bin/heapcli.js runs (dist/bundle, built by `npm run build`) against every golden:
 * golden.test.ts checks the sources, this checks what ships, in one child process, compiled with
 * its code cache as the launcher compiles it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { golden, manifests, profilePath, sessionInput } from './helpers/goldens.js';

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

const oneShots = manifests('oneshot').map(([name, profile, ...args]) => ({ name, args: [...args, profilePath(profile)], input: '' }));
const sessions = manifests('console').map(([name, profile]) => ({ name, args: [profilePath(profile)], input: sessionInput(name) }));
const cases = [...oneShots, ...sessions];

/** Runs `which` cases through the bundle (a copy at `bundle` if given); also says how its code cache went. */
function runBundle(which: typeof cases, bundle?: string): { runs: Run[]; cache: string } {
  const child = spawnSync(process.execPath, ['__tests__/helpers/run-bundle.mjs', ...(bundle ? [`--bundle=${bundle}`] : [])], {
    input: JSON.stringify(which.map(({ args, input }) => ({ args, input }))),
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the bundle runner failed: ${child.stderr.toString()}`);
  return { runs: JSON.parse(child.stdout.toString()) as Run[], cache: /code cache: (\w+)/.exec(child.stderr.toString())?.[1] ?? '' };
}

describe('the shipped bundle prints what go tool pprof printed', () => {
  const { runs, cache } = runBundle(cases);

  it('runs every golden case, with the code cache the build made', () => {
    expect(runs).toHaveLength(cases.length);
    expect(cases.length).toBeGreaterThan(400);
    expect(cache).toBe('taken');
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (name, i) => {
    expect(runs[i].stdout).toBe(golden(name, 'out'));
  });
});

describe('a code cache that does not fit is not used, and the bundle runs as without one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapcli-cache-'));
  const sample = oneShots.slice(0, 12);
  const shippedSource = readFileSync('dist/bundle/cli.cjs', 'utf8');
  const copy = (name: string, cache: Buffer | null, source = shippedSource) => {
    const bundle = join(dir, `${name}.cjs`);
    writeFileSync(bundle, source);
    if (cache) writeFileSync(`${bundle}.cache`, cache);
    return bundle;
  };
  const shipped = readFileSync('dist/bundle/cli.cjs.cache');
  /** The cache file's header is the bundle's id, 32 characters, and the CRC-32 of V8's data in 8 hex digits; V8's data follows. */
  const ID = 32;
  const HEADER = ID + 8;
  /** The shipped cache with one byte of V8's data changed (`at` counts from the data's start). */
  const changed = (at: number, mask: number) => {
    const file = Buffer.from(shipped);
    file[HEADER + at] ^= mask;
    return file;
  };
  /** The same, with a CRC that fits the changed data: only V8 can tell. */
  const changedPastTheCrc = (at: number, mask: number) => {
    const file = changed(at, mask);
    file.write(crc32(file.subarray(HEADER)).toString(16).padStart(8, '0'), ID, 'latin1');
    return file;
  };

  it('is made for the bundle it ships with', () => {
    expect(shippedSource).toMatch(/^\/\/ heapcli bundle [0-9a-f]{32}\n/);
    expect(shipped.subarray(0, ID).toString('latin1')).toBe(shippedSource.slice(18, 18 + ID));
    expect(shipped.subarray(ID, HEADER).toString('latin1')).toBe(crc32(shipped.subarray(HEADER)).toString(16).padStart(8, '0'));
  });

  it.each([
    ['no cache', () => copy('none', null), 'none'],
    // V8 would crash on these without the loader's CRC check.
    [
      'a damaged cache',
      () => copy('damaged', Buffer.concat([shipped.subarray(0, HEADER + 64), Buffer.alloc(shipped.length - HEADER - 64, 0x5a)])),
      'refused',
    ],
    [
      'a cache with one bit of its data flipped',
      () => copy('flipped', changed(Math.floor((shipped.length - HEADER) / 2), 0x10)),
      'refused',
    ],
    ['a cache cut short', () => copy('short', shipped.subarray(0, shipped.length - 1000)), 'refused'],
    [
      'the cache of another bundle',
      () => copy('other', shipped, shippedSource.replace(/^(\/\/ heapcli bundle )[0-9a-f]{4}/, '$1ffff')),
      'stale',
    ],
    ['a bundle without an id', () => copy('no-id', shipped, shippedSource.replace(/^[^\n]*\n/, '')), 'stale'],
    ['a bundle edited by hand after its id', () => copy('edited', shipped, shippedSource + '\n// changed\n'), 'refused'],
    // Bytes 4-7 of V8's data hold its version hash.
    ['a cache V8 refuses (as from another Node version)', () => copy('version', changedPastTheCrc(4, 0xff)), 'refused'],
  ])('%s', (_what, make, expected) => {
    const { runs, cache } = runBundle(sample, make());
    expect(cache).toBe(expected);
    sample.forEach((c, i) => expect(runs[i].stdout).toBe(golden(c.name, 'out')));
  });
});

describe("the first prompt's bundle", () => {
  it('takes its code cache, and greets and draws the prompt on the example as the sources do', () => {
    // A fresh process, as the launcher loads it, with a terminal that records what it is sent.
    const script = `
      const { FIRST_PROMPT, loadBundle } = require('./bin/load-bundle.js');
      const { exports, cache } = loadBundle({ bundle: FIRST_PROMPT, builtinsOnly: true });
      let out = '', err = '';
      const terminal = { isTerminal: () => true, open: () => ({ writeOut: (t) => (out += t), writeError: (t) => (err += t), stdin: () => ({ setRawMode() {} }) }) };
      const shown = exports.showFirstPrompt(['testdata/profiles/leakybuf.heap.pb.gz'], {}, terminal);
      shown.stopSignals();
      process.stdout.write(JSON.stringify({ cache, out, err, normalized: shown.takeProfile().normalized }));`;
    const child = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const shown = JSON.parse(child.stdout) as { cache: string; out: string; err: string; normalized: boolean };
    expect(shown.cache).toBe('taken');
    // pprof's greeting on the example: the whole stderr of a console session that prints no errors.
    expect(shown.err).toBe(golden('leakybuf.heap.console.basic', 'err'));
    expect(shown.out).toContain('(pprof) ');
    expect(shown.normalized).toBe(false);
  });

  it("requires none but Node's own modules (the launcher lends it its require)", () => {
    const required = [...readFileSync('dist/bundle/first-prompt.cjs', 'latin1').matchAll(/\brequire\("([^"]*)"\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((id) => !id.startsWith('node:'))).toEqual([]);
  });
});
