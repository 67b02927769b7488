// Writes prune.heap.pb.gz, a synthetic heap profile whose stacks repeat the frames prune_from
// matches: direct and mutual recursion, recursion through an inlined helper, a matching function
// inlined at several depths, methods and closures (pprof matches prune_from against the name cut
// at its first `(`, so `main.(*Tree).insert` is matched as `main.`), names with `(anonymous
// namespace)` and `operator()` (kept by that cut), one with a leading `.`, and a sample whose only
// frame matches. Deterministic: the same bytes on every run (gzip with a zero mtime). Usage, from
// the repo root after `npm run build`:
//   node testdata/programs/prune/write-profile.js testdata/profiles
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { encodeProfile } from '../../../dist/profile/encode.js';

const GO_HEAP_TYPES = [['alloc_objects', 'count'], ['alloc_space', 'bytes'], ['inuse_objects', 'count'], ['inuse_space', 'bytes']];
const SOURCE = '/src/prune/main.go';
const RUNTIME_FILE = '/usr/lib/go-1.19/src/runtime/proc.go';
// 2026-11-26 10:33:00 UTC, in nanoseconds.
const TIME = Date.UTC(2026, 10, 26, 10, 33, 0) * 1e6;

/**
 * A profile.proto message from stacks written leaf first. A frame is `fn:line`, or with inlining
 * `callee:line<caller:line` (innermost first, as profile.proto orders a location's lines).
 */
function buildMessage(samples) {
  const strings = new Map([['', 0]]);
  const str = (s) => (strings.has(s) ? strings.get(s) : (strings.set(s, strings.size), strings.size - 1));
  const sampleType = GO_HEAP_TYPES.map(([type, unit]) => ({ type: str(type), unit: str(unit) }));
  const periodType = { type: str('space'), unit: str('bytes') };
  const functions = [];
  const functionIds = new Map();
  const fnId = (name) => {
    if (!functionIds.has(name)) {
      functionIds.set(name, functions.length + 1);
      const file = name.startsWith('runtime.') ? RUNTIME_FILE : SOURCE;
      functions.push({ id: functions.length + 1, name: str(name), systemName: str(name), filename: str(file), startLine: 0 });
    }
    return functionIds.get(name);
  };
  const locations = [];
  const locationIds = new Map();
  const locId = (frame) => {
    if (!locationIds.has(frame)) {
      const id = locations.length + 1;
      locationIds.set(frame, id);
      const line = frame.split('<').map((part) => {
        const colon = part.lastIndexOf(':');
        return { functionId: fnId(part.slice(0, colon)), line: Number(part.slice(colon + 1)) };
      });
      locations.push({ id, mappingId: 1, address: 0x401000 + 0x40 * id, line });
    }
    return locationIds.get(frame);
  };
  const sample = samples.map(({ stack, values }) => ({ locationId: stack.map(locId), value: values }));
  return {
    sampleType,
    sample,
    mapping: [{ id: 1, memoryStart: 0x400000, memoryLimit: 0x4b6000, fileOffset: 0, filename: str('/tmp/build/prune'), hasFunctions: true }],
    location: locations,
    function: functions,
    timeNanos: TIME,
    periodType,
    period: 524288,
    stringTable: [...strings.keys()],
  };
}

const ROOT = ['main.main:12', 'runtime.main:250'];
/** `n` alternating calls of main.parseExpr and main.parseTerm (mutual recursion), leaf first. */
const mutual = (n) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `main.parseTerm:${40 + i}` : `main.parseExpr:${30 + i}`));
/** main.walk calling itself `n` times. */
const selfCalls = (n) => Array.from({ length: n }, () => 'main.walk:60');
/** The recursive method main.(*Tree).insert, with main.grow inlined into it at each level. */
const inserts = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? 'main.grow:90<main.(*Tree).insert:75' : 'main.(*Tree).insert:77'));

const message = buildMessage([
  { stack: ['main.newNode:20', ...mutual(5), 'main.parse:25', ...ROOT], values: [50, 51200, 20, 20480] },
  { stack: ['main.newNode:20', ...mutual(2), 'main.parse:25', ...ROOT], values: [30, 15360, 30, 15360] },
  { stack: ['main.newNode:21', 'main.parseTerm:44', 'main.parse:26', ...ROOT], values: [12, 12288, 0, 0] },
  { stack: ['main.leaf:70', ...selfCalls(4), 'main.main.func1:15', ...ROOT], values: [40, 40960, 40, 40960] },
  { stack: ['main.leaf:71', ...selfCalls(1), 'main.main.func1:15', ...ROOT], values: [8, 4096, 8, 4096] },
  { stack: [...inserts(4), 'main.build:80', ...ROOT], values: [64, 262144, 64, 262144] },
  { stack: ['main.grow:91<main.(*Tree).insert:76', 'main.(*Tree).insert:77', 'main.build:81', ...ROOT], values: [16, 65536, 0, 0] },
  // parseTerm inlined into walk, which recurses: the match is the first line of two locations.
  { stack: ['main.newNode:22', 'main.parseTerm:45<main.walk:61', 'main.walk:60', 'main.parseTerm:45<main.walk:61', 'main.main.func1:16', ...ROOT], values: [24, 24576, 24, 24576] },
  { stack: ['main.cache(anonymous namespace)(key):100', 'main.cache(anonymous namespace)(key):101', 'main.store:95', ...ROOT], values: [4, 8192, 4, 8192] },
  { stack: ['main.call.operator()(x):110', 'main.call.operator()(x):111', 'main.store:96', ...ROOT], values: [2, 4096, 2, 4096] },
  { stack: ['.main.dotted:120', 'main.walk:60', '.main.dotted:121', ...ROOT], values: [6, 6144, 6, 6144] },
  // Only one frame, which matches: nothing to prune.
  { stack: ['main.walk:60'], values: [1, 1024, 1, 1024] },
]);

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node write-profile.js OUTDIR\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'prune.heap.pb.gz'), gzipSync(encodeProfile(message, false), { mtime: 0 }));
