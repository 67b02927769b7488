/**
 * The bundle bin/heapcli.js runs (dist/bundle, built by `npm run build`) against every golden:
 * golden.test.ts checks the sources, this checks what ships, in one child process.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROFILES, golden, manifests, sessionInput } from './helpers/goldens.js';

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

const oneShots = manifests('oneshot').map(([name, profile, ...args]) => ({ name, args: [...args, join(PROFILES, profile)], input: '' }));
const sessions = manifests('console').map(([name, profile]) => ({ name, args: [join(PROFILES, profile)], input: sessionInput(name) }));
const cases = [...oneShots, ...sessions];

function runBundle(): Run[] {
  const child = spawnSync(process.execPath, ['__tests__/helpers/run-bundle.mjs'], {
    input: JSON.stringify(cases.map(({ args, input }) => ({ args, input }))),
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the bundle runner failed: ${child.stderr.toString()}`);
  return JSON.parse(child.stdout.toString()) as Run[];
}

describe('the shipped bundle prints what go tool pprof printed', () => {
  const runs = runBundle();

  it('runs every golden case', () => {
    expect(runs).toHaveLength(cases.length);
    expect(cases.length).toBeGreaterThan(400);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (name, i) => {
    expect(runs[i].stdout).toBe(golden(name, 'out'));
  });
});
