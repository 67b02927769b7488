/**
 * Each testdata/profiles/<x>.heap.txt is the legacy text form of the same heap as <x>.heap.pb.gz
 * (written right after it, no GC between). Loaded as pprof loads them, they must give the proto's
 * totals, which pprof itself prints for the text file too; and, named from the `#` lines, the same
 * samples, so every report but the File:/Time: header reads the same.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { parseProfile } from '../../src/profile/decode.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import type { Profile } from '../../src/profile/model.js';
import { runHeapcli } from '../helpers/run-cli.js';

const PROFILES = 'testdata/profiles';
const NAMES = ['leakybuf', 'httpleak', 'recurse'] as const;

/**
 * What `go tool pprof -top -unit=B -sample_index=<type> testdata/profiles/<x>.heap.txt` prints as
 * its total (go1.19.8), per type: alloc_objects, alloc_space, inuse_objects, inuse_space.
 * leakybuf has MemProfileRate=1 (heap/2: nothing to unsample); the others the default 512 KiB.
 */
const PPROF_TOTALS: Record<(typeof NAMES)[number], number[]> = {
  leakybuf: [34308, 7588488, 18118, 5092304],
  httpleak: [475345, 121518880, 76643, 20537166],
  recurse: [254267, 43323273, 254241, 35823320],
};

function totals(p: Profile): number[] {
  const { count, valuesPerSample: n, values } = p.samples;
  return p.sampleTypes.map((_, t) => {
    let sum = 0;
    for (let s = 0; s < count; s++) sum += values[s * n + t];
    return sum;
  });
}

/** Samples as sorted text lines: stack (functions, lines, addresses), labels and values. */
function canonicalSamples(p: Profile): string[] {
  const { samples: s, locations: l, strings, functions: f } = p;
  const location = (i: number) => {
    const lines: string[] = [];
    for (let k = l.lineStart[i]; k < l.lineStart[i + 1]; k++)
      lines.push(`${strings[f.name[l.lineFunction[k]]]} ${strings[f.filename[l.lineFunction[k]]]}:${l.lineNumber[k]}`);
    return `0x${l.address[i].toString(16)}[${lines.join(', ')}]`;
  };
  return Array.from({ length: s.count }, (_, i) => {
    const stack = Array.from(s.locs.subarray(s.locStart[i], s.locStart[i + 1]), location).join(' ');
    const labels: string[] = [];
    for (let k = s.labelStart[i]; k < s.labelStart[i + 1]; k++) labels.push(`${strings[s.labelKey[k]]}=${s.labelNum[k]}`);
    return `${stack} {${labels.join(' ')}} ${s.values.subarray(i * s.valuesPerSample, (i + 1) * s.valuesPerSample).join(' ')}`;
  }).sort();
}

const withoutFileAndTime = (out: string) =>
  out
    .split('\n')
    .filter((line) => !/^(File|Time): /.test(line))
    .join('\n');

describe.each(NAMES)('%s: the .heap.txt against the .heap.pb.gz', (name) => {
  const text = loadProfileFile(`${PROFILES}/${name}.heap.txt`);
  const proto = loadProfileFile(`${PROFILES}/${name}.heap.pb.gz`);

  it('same sample types, period and totals; the totals pprof prints for the text', () => {
    expect(text.sampleTypes).toEqual(proto.sampleTypes);
    expect([text.periodType, text.period]).toEqual([proto.periodType, proto.period]);
    expect(totals(text)).toEqual(totals(proto));
    expect(totals(text)).toEqual(PPROF_TOTALS[name]);
  });

  it('same samples: stacks with functions, files, lines (inlined ones too) and addresses, labels, values', () => {
    expect(canonicalSamples(text)).toEqual(canonicalSamples(proto));
  });

  it('gzipped, the same profile', () => {
    const bytes = readFileSync(`${PROFILES}/${name}.heap.txt`);
    expect(canonicalSamples(parseProfile(gzipSync(bytes)))).toEqual(canonicalSamples(parseProfile(bytes)));
  });

  it.each([
    ['-top'],
    ['-top', '-sample_index=alloc_space'],
    ['-top', '-cum', '-nodecount=8'],
    ['-top', '-unit=B', '-sample_index=inuse_objects'],
    ['-peek', 'main\\.'],
    ['-list', 'main\\.'],
  ])('heapcli %s ... reports the same from the text file', async (...args) => {
    const fromText = await runHeapcli([...args, `${PROFILES}/${name}.heap.txt`]);
    const fromProto = await runHeapcli([...args, `${PROFILES}/${name}.heap.pb.gz`]);
    expect(fromText.status).toBe(0);
    expect(fromText.stdout).toMatch(/main\./);
    expect(fromText.stdout).toBe(withoutFileAndTime(fromProto.stdout));
  });
});

it('leakybuf: -top on the text names the leak, as on the proto', async () => {
  const run = await runHeapcli(['-top', '-nodecount=2', `${PROFILES}/leakybuf.heap.txt`]);
  const rows = run.stdout.trimEnd().split('\n').slice(-2);
  expect(rows.map((row) => row.replace(/^.*%\s+/, ''))).toEqual(['main.growBuf (inline)', 'main.GetLargeData']);
  expect(run.stdout).toMatch(/^Type: inuse_space\nShowing nodes accounting for .* of 4972\.95kB total\n/);
});
