import { golden, manifests, profilePath, sessionInput, withoutSymbolizationNotes } from './helpers/goldens.js';
import { runHeapcli } from './helpers/run-cli.js';

// pprof printed the goldens with TZ=UTC; Date reads TZ when it is first used.
process.env.TZ = 'UTC';

const pprofStatus = new Map(
  [...manifests('oneshot', '.status'), ...manifests('console', '.status')].map(([name, status]) => [name, Number(status)]),
);

describe('one-shot reports match go tool pprof byte for byte', () => {
  it.each(manifests('oneshot'))('%s', async (name, profile, ...args) => {
    const run = await runHeapcli([...args, profilePath(profile)]);
    expect(run.stdout).toBe(golden(name, 'out'));
    // Where pprof succeeded we do too; where it refused the flags, so do we (with our own words).
    expect(run.status === 0).toBe(pprofStatus.get(name) === 0);
  });

  // Profiles other projects wrote (testdata/realworld): stderr and the exit status too, as pprof's.
  const realworld = manifests('oneshot-realworld');
  if (realworld.length > 0) {
    it.each(realworld)('%s: stderr and exit status', async (name, profile, ...args) => {
      const run = await runHeapcli([...args, profilePath(profile)]);
      expect(run.stderr).toBe(withoutSymbolizationNotes(golden(name, 'err')));
      expect(run.status).toBe(pprofStatus.get(name));
    });
  }
});

describe('console sessions match go tool pprof byte for byte', () => {
  it.each(manifests('console'))('%s', async (name, profile) => {
    const input = sessionInput(name);
    const run = await runHeapcli([profilePath(profile)], input);
    expect(run.stdout).toBe(golden(name, 'out'));
    expect(run.status).toBe(0);
  });

  // Errors, the greeting and `o` go to stderr as pprof writes them; only `help`'s prose is our own.
  it.each(manifests('console').filter(([name]) => !/extras/.test(name)))('%s: stderr', async (name, profile) => {
    const input = sessionInput(name);
    const run = await runHeapcli([profilePath(profile)], input);
    // pprof adds a symbolization notice for profiles without a binary; heapcli never symbolizes.
    expect(run.stderr).toBe(withoutSymbolizationNotes(golden(name, 'err')));
  });
});
