#!/usr/bin/env node
// Generates deterministic, realistic Go heap profiles for benchmarking:
//   node bench/generate.js <small|medium|large|N> [out.pb.gz] [--seed=N]
// Without an output path the file goes to bench/out/<size>.pb.gz.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRandom } from './lib/prng.js';
import { buildCallGraph } from './lib/callgraph.js';
import { RATE, sampleValues, walkStack } from './lib/samples.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Sample counts of the named corpus sizes. */
export const SIZES = { small: 1000, medium: 50000, large: 300000 };

/** Default output path for a size name or count. */
export const outPath = (size) => join(HERE, 'out', `${size}.pb.gz`);

/**
 * Builds the profile message (protobufjs plain-object form) with `sampleCount`
 * samples; the same (sampleCount, seed) always gives the same message.
 */
export function generateProfile(sampleCount, seed = 1) {
  const rnd = makeRandom(seed);
  // ~50 samples per application function gives ~6,000 functions at 300k.
  const appFunctions = Math.max(120, Math.min(6500, Math.round(sampleCount / 50)));
  const graph = buildCallGraph(rnd, { appFunctions });
  const { funcs, sites } = graph;

  const strings = [''];
  const stringIdx = new Map([['', 0]]);
  const str = (s) => stringIdx.get(s) ?? (stringIdx.set(s, strings.length), strings.push(s) - 1);

  // Locations and functions get dense ids in order of first use, as Go does,
  // so only what some sample references ends up in the profile.
  const locId = new Int32Array(sites.length);
  const fnId = new Int32Array(funcs.length);
  const location = [];
  const fns = [];
  const functionId = (fi) => {
    if (fnId[fi] === 0) {
      const f = funcs[fi];
      fnId[fi] = fns.length + 1;
      const name = str(f.name);
      fns.push({ id: fns.length + 1, name, systemName: name, filename: str(f.file), startLine: f.startLine });
    }
    return fnId[fi];
  };
  const locationId = (si) => {
    if (locId[si] === 0) {
      const s = sites[si];
      const line = (s.inline ?? []).map(([fi, l]) => ({ functionId: functionId(fi), line: l }));
      line.push({ functionId: functionId(s.fn), line: s.line });
      locId[si] = location.length + 1;
      location.push({ id: location.length + 1, mappingId: 1, address: s.addr, line });
    }
    return locId[si];
  };

  // Block-size labels repeat a lot; sharing the objects keeps 300k samples small.
  const bytesKey = str('bytes');
  const labels = new Map();
  const labelFor = (size) => labels.get(size) ?? labels.set(size, [{ key: bytesKey, num: size }]).get(size);

  const sample = [];
  const push = (path, site) => {
    const { value, size } = sampleValues(site, rnd);
    sample.push({ locationId: path.map(locationId), value, label: labelFor(size) });
  };
  // A few all-runtime stacks (goroutine and M allocation), as real profiles
  // have; they count towards sampleCount so sizes are exact.
  const runtimeStacks = graph.runtimeStacks.slice(0, Math.max(0, sampleCount - 1));
  for (let i = runtimeStacks.length; i < sampleCount; i++) {
    const path = walkStack(graph, rnd);
    push(path, sites[path[0]]);
  }
  for (const stack of runtimeStacks) push(stack, sites[stack[0]]);

  const hex = (n) => Array.from({ length: n }, () => rnd.int(0, 15).toString(16)).join('');
  const lib = (id, start, file) => ({
    id,
    memoryStart: start,
    memoryLimit: start + 0x1c5000,
    fileOffset: 0x28000,
    filename: str(file),
    buildId: str(hex(40)),
    hasFunctions: true,
    hasFilenames: true,
    hasLineNumbers: true,
    hasInlineFrames: true,
  });
  const mapping = [
    {
      id: 1,
      memoryStart: 0x400000,
      memoryLimit: Math.ceil(graph.textEnd / 0x1000) * 0x1000,
      fileOffset: 0,
      filename: str('/usr/local/bin/leakyserver'),
      buildId: str(hex(40)),
      hasFunctions: true,
      hasFilenames: true,
      hasLineNumbers: true,
      hasInlineFrames: true,
    },
    lib(2, 0x7f3a2c000000, '/usr/lib/x86_64-linux-gnu/libc.so.6'),
    lib(3, 0x7f3a2c400000, '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
  ];

  const vt = (type, unit) => ({ type: str(type), unit: str(unit) });
  return {
    sampleType: [vt('alloc_objects', 'count'), vt('alloc_space', 'bytes'), vt('inuse_objects', 'count'), vt('inuse_space', 'bytes')],
    sample,
    mapping,
    location,
    function: fns,
    stringTable: strings,
    timeNanos: 1700000000 * 1e9, // fixed so reports (which print the time) are reproducible
    periodType: vt('space', 'bytes'),
    period: RATE,
  };
}

/** Frame statistics of a message, for the generator's summary line. */
export function describe(message) {
  const lines = new Map(message.location.map((l) => [l.id, l.line.length]));
  let total = 0;
  let max = 0;
  for (const s of message.sample) {
    let n = 0;
    for (const id of s.locationId) n += lines.get(id);
    total += n;
    if (n > max) max = n;
  }
  const inlined = message.location.filter((l) => l.line.length > 1).length;
  return {
    samples: message.sample.length,
    locations: message.location.length,
    functions: message.function.length,
    inlinedLocations: inlined,
    avgFrames: +(total / message.sample.length).toFixed(1),
    maxFrames: max,
  };
}

/** Generates and writes a gzipped profile; returns stats including bytes written and seconds taken. */
export async function writeProfile(sampleCount, file, seed = 1) {
  let encodeProfile;
  try {
    ({ encodeProfile } = await import('../tools/profile-pb/encode.js'));
  } catch (err) {
    throw new Error(`cannot load tools/profile-pb/encode.js: ${err.message}`);
  }
  const t0 = performance.now();
  const message = generateProfile(sampleCount, seed);
  const stats = describe(message);
  const bytes = encodeProfile(message, true);
  // The gzip header carries the encoding time (bytes 4-7, RFC 1952 MTIME);
  // zero it ("no timestamp") so the same seed gives a byte-identical file.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b && (bytes[3] & 0x02) === 0) bytes.fill(0, 4, 8);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return { ...stats, bytes: bytes.length, seconds: (performance.now() - t0) / 1000 };
}

/** Parses a size argument: a corpus name or a positive sample count. */
export function sampleCountOf(size) {
  if (SIZES[size]) return SIZES[size];
  const n = Number(size);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`bad size ${JSON.stringify(size)}: use small, medium, large or a sample count`);
  return n;
}

async function main(argv) {
  const seedArg = argv.find((a) => a.startsWith('--seed='));
  const seed = seedArg ? Number(seedArg.slice(7)) : 1;
  const [size, out] = argv.filter((a) => !a.startsWith('--'));
  if (!size) {
    console.error('usage: node bench/generate.js <small|medium|large|N> [out.pb.gz] [--seed=N]');
    process.exit(2);
  }
  const file = out ?? outPath(size);
  const s = await writeProfile(sampleCountOf(size), file, seed);
  console.error(
    `${file}: ${s.samples} samples, ${s.locations} locations (${s.inlinedLocations} inlined), ` +
      `${s.functions} functions, frames avg ${s.avgFrames} max ${s.maxFrames}, ` +
      `${(s.bytes / 1e6).toFixed(2)} MB in ${s.seconds.toFixed(1)} s`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`generate: ${err.message}`);
    process.exit(1);
  });
}
