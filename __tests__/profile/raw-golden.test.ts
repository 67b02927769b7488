process.env.TZ = 'UTC'; // pprof made the goldens with TZ=UTC; Time: lines print in the local zone.

/**
 * The decoder and the load-time merge against pprof itself: formatRaw of every testdata profile
 * must equal what `go tool pprof -raw` printed for it, byte for byte.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { framelessSamples } from '../../src/analysis/filters/filter.js';
import { formatRaw } from '../../src/format/raw.js';
import { manifests } from '../helpers/goldens.js';

const stems = readdirSync('testdata/profiles')
  .filter((f) => f.endsWith('.pb.gz'))
  .map((f) => f.slice(0, -'.pb.gz'.length))
  .sort();
const withGolden = stems.filter((s) => existsSync(`testdata/golden/${s}.raw.out`));

// Jest hands each test file a copy of process.env, so the assignment above cannot change the
// zone of an already running process: the run itself needs TZ=UTC (or a UTC host). Say so plainly.
it('runs in UTC', () => {
  expect(
    new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(new Date(0)).find((p) => p.type === 'timeZoneName')?.value,
  ).toBe('UTC');
});

it('finds profiles with raw goldens, and a profile for every raw golden', () => {
  expect(withGolden.length).toBeGreaterThanOrEqual(6);
  // The real-world profiles' -raw goldens are cases of their own manifests (golden.test.ts).
  const realworld = new Set(manifests('oneshot-realworld').map(([name]) => name));
  const goldens = readdirSync('testdata/golden')
    .filter((f) => f.endsWith('.raw.out') && !realworld.has(f.slice(0, -'.out'.length)))
    .map((f) => f.slice(0, -'.raw.out'.length))
    .sort();
  expect(goldens).toEqual(withGolden);
});

it.each(withGolden)('%s: formatRaw(loadProfileFile) equals pprof -raw', (stem) => {
  const expected = readFileSync(`testdata/golden/${stem}.raw.out`, 'utf8');
  // pprof's -raw leaves out samples with no location (its name filter always runs); so does ours.
  const p = loadProfileFile(`testdata/profiles/${stem}.pb.gz`);
  expect(formatRaw(p, framelessSamples(p))).toBe(expected);
});
