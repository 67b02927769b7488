/**
 * The bundle bin/heapcli.js runs (dist/bundle, built by `npm run build`) against every golden:
 * golden.test.ts checks the sources, this checks what ships, in one child process, compiled with
 * its code cache as the launcher compiles it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { PROFILES, golden, manifests, sessionInput } from './helpers/goldens.js';

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

const oneShots = manifests('oneshot').map(([name, profile, ...args]) => ({ name, args: [...args, join(PROFILES, profile)], input: '' }));
const sessions = manifests('console').map(([name, profile]) => ({ name, args: [join(PROFILES, profile)], input: sessionInput(name) }));
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
  const copy = (name: string, cache: Buffer | null, sourceEnd = '') => {
    const bundle = join(dir, `${name}.cjs`);
    copyFileSync('dist/bundle/cli.cjs', bundle);
    if (sourceEnd) writeFileSync(bundle, readFileSync(bundle, 'utf8') + sourceEnd);
    if (cache) writeFileSync(`${bundle}.cache`, cache);
    return bundle;
  };
  const shipped = readFileSync('dist/bundle/cli.cjs.cache');
  /** The shipped cache with V8's version hash (bytes 4-7 of its data) changed, sealed again. */
  const otherVersion = (file: Buffer) => {
    const data = Buffer.from(file.subarray(8));
    data[4] ^= 0xff;
    const header = Buffer.from(file.subarray(0, 8));
    header.writeUInt32LE(crc32(data), 4);
    return Buffer.concat([header, data]);
  };

  it.each([
    ['no cache', () => copy('none', null), 'none'],
    // V8 would crash on this one: its header is intact, its data not.
    ['a damaged cache', () => copy('damaged', Buffer.concat([shipped.subarray(0, 64), Buffer.alloc(shipped.length - 64, 0x5a)])), 'damaged'],
    ['the cache of another bundle', () => copy('other', shipped, '\n// changed\n'), 'damaged'],
    ['a cache V8 refuses (as from another Node version)', () => copy('version', otherVersion(shipped)), 'refused'],
  ])('%s', (_what, make, expected) => {
    const { runs, cache } = runBundle(sample, make());
    expect(cache).toBe(expected);
    sample.forEach((c, i) => expect(runs[i].stdout).toBe(golden(c.name, 'out')));
  });
});
