// Writes the two synthetic heap profiles with labels and comments (no Go program can make them:
// runtime/pprof puts only the `bytes` label on heap samples). Deterministic: the same bytes on
// every run (even the gzip header). Usage, from the repo root after `npm run build`:
//   node testdata/programs/labels/write-profiles.js testdata/profiles
// -> labels.heap.pb.gz   string labels (one multi-valued, one non-ASCII), numeric labels with and
//                        without units, comments, a build id and a duration
//    labels.units.pb.gz  one numeric key written with several units (pprof warns and uses the first)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { encodeProfile } from '../../../dist/profile/encode.js';

// Gzipped with a zero modification time, so the file does not change from run to run.
const write = (path, message) => writeFileSync(path, gzipSync(encodeProfile(message, false), { mtime: 0 }));

/** A profile.proto message from a compact description: frames by name, labels as objects. */
function buildMessage(spec) {
  const strings = new Map([['', 0]]);
  const str = (s) => (strings.has(s) ? strings.get(s) : (strings.set(s, strings.size), strings.size - 1));
  const sampleType = spec.sampleTypes.map(([type, unit]) => ({ type: str(type), unit: str(unit) }));
  const periodType = { type: str('space'), unit: str('bytes') };
  const functions = [];
  const functionIds = new Map();
  const fnId = (name) => {
    if (!functionIds.has(name)) {
      const file = spec.files[name] ?? '/src/labelled/main.go';
      functionIds.set(name, functions.length + 1);
      functions.push({ id: functions.length + 1, name: str(name), systemName: str(name), filename: str(file), startLine: 0 });
    }
    return functionIds.get(name);
  };
  const locations = [];
  const locationIds = new Map();
  // A location is "fn:line" or, with inlining, "callee:line<caller:line" (innermost first).
  const locId = (frame) => {
    if (!locationIds.has(frame)) {
      const id = locations.length + 1;
      locationIds.set(frame, id);
      const line = frame.split('<').map((part) => {
        const [name, number] = part.split(':');
        return { functionId: fnId(name), line: Number(number) };
      });
      locations.push({ id, mappingId: 1, address: 0x401000 + 0x40 * id, line });
    }
    return locationIds.get(frame);
  };
  const sample = spec.samples.map((s) => ({
    locationId: s.stack.map(locId),
    value: s.values,
    label: (s.labels ?? []).map((l) => ({
      key: str(l.key),
      str: l.str === undefined ? 0 : str(l.str),
      num: l.num ?? 0,
      numUnit: l.unit === undefined ? 0 : str(l.unit),
    })),
  }));
  return {
    sampleType,
    sample,
    mapping: [{ id: 1, memoryStart: 0x400000, memoryLimit: 0x4b6000, fileOffset: 0, filename: str(spec.file), buildId: str(spec.buildId ?? ''), hasFunctions: true }],
    location: locations,
    function: functions,
    timeNanos: spec.timeNanos,
    durationNanos: spec.durationNanos ?? 0,
    periodType,
    period: 524288,
    comment: (spec.comments ?? []).map(str),
    stringTable: [...strings.keys()],
  };
}

const GO_HEAP_TYPES = [['alloc_objects', 'count'], ['alloc_space', 'bytes'], ['inuse_objects', 'count'], ['inuse_space', 'bytes']];
const FILES = {
  'runtime.main': '/usr/lib/go-1.19/src/runtime/proc.go',
  'bytes.growSlice': '/usr/lib/go-1.19/src/bytes/buffer.go',
};
// 2026-11-26 10:33:00 UTC, in nanoseconds.
const TIME = Date.UTC(2026, 10, 26, 10, 33, 0) * 1e6;

const ROOT = ['main.serve:40', 'main.main:20', 'runtime.main:250'];
const USERS = 'main.newBuffer:90<main.handleUsers:52';
const ORDERS_BUF = 'main.newBuffer:90<main.handleOrders:67';

const labels = buildMessage({
  file: '/tmp/build/labelled',
  buildId: 'f00dfeed',
  comments: ['labelled: a synthetic heap profile with labels', '# a comment pprof keeps out of the headers', 'built by testdata/programs/labels/write-profiles.js'],
  timeNanos: TIME,
  durationNanos: 30e9,
  sampleTypes: GO_HEAP_TYPES,
  files: FILES,
  samples: [
    {
      stack: [USERS, ...ROOT], values: [120, 122880, 40, 40960],
      labels: [{ key: 'handler', str: '/api/users' }, { key: 'tenant', str: 'acme' }, { key: 'bytes', num: 1024 }, { key: 'latency', num: 2500000, unit: 'nanoseconds' }, { key: 'retries', num: 2 }],
    },
    {
      // Freed since: inuse values are zero, so `traces` prints 0 and `tags` counts nothing.
      stack: ['main.encode:100', USERS, ...ROOT], values: [300, 153600, 0, 0],
      labels: [{ key: 'handler', str: '/api/users' }, { key: 'tenant', str: 'globex' }, { key: 'bytes', num: 512 }, { key: 'latency', num: 800000, unit: 'nanoseconds' }],
    },
    {
      stack: [ORDERS_BUF, ...ROOT], values: [50, 3276800, 20, 1310720],
      labels: [{ key: 'handler', str: '/api/orders' }, { key: 'tenant', str: 'acme' }, { key: 'bytes', num: 65536 }, { key: 'request', num: 65536 }, { key: 'latency', num: 45000000, unit: 'nanoseconds' }, { key: 'shard', num: 3 }],
    },
    {
      // Two values for one key, the later-interned one first; a non-ASCII key and value.
      stack: ['main.cacheStore:110', 'main.handleOrders:65', ...ROOT], values: [10, 5242880, 10, 5242880],
      labels: [{ key: 'handler', str: '/api/orders' }, { key: 'tenant', str: 'initech' }, { key: 'tenant', str: 'acme' }, { key: 'région', str: 'zürich' }, { key: 'bytes', num: 524288 }, { key: 'latency', num: 1500000000, unit: 'nanoseconds' }],
    },
    {
      stack: ['bytes.growSlice:229', 'main.encode:100', 'main.handleOrders:65', ...ROOT], values: [64, 16384, 8, 2048],
      labels: [{ key: 'handler', str: '/api/orders' }, { key: 'bytes', num: 256 }, { key: 'queue', num: 0, unit: 'requests' }],
    },
    {
      // `ghost` has neither a string nor a number: Go's decoder drops it.
      stack: ['main.handleHealth:78', ...ROOT], values: [1000, 16000, 1, 16],
      labels: [{ key: 'handler', str: '/health' }, { key: 'shard', str: 'blue' }, { key: 'bytes', num: 16 }, { key: 'ghost' }],
    },
    { stack: ['main.main:20', 'runtime.main:250'], values: [5, 5120, 5, 5120] },
    {
      // The stack of the first sample with other labels: not merged with it. Two numbers for one key.
      stack: [USERS, ...ROOT], values: [30, 30720, 30, 30720],
      labels: [{ key: 'handler', str: '/api/users' }, { key: 'tenant', str: 'initech' }, { key: 'bytes', num: 1024 }, { key: 'retries', num: 3 }, { key: 'retries', num: 1 }],
    },
    {
      // No stack at all: `traces` skips it, `tags` counts it.
      stack: [], values: [1, 100, 1, 100],
      labels: [{ key: 'handler', str: '/internal' }, { key: 'bytes', num: 100 }],
    },
  ],
});

const units = buildMessage({
  file: '/tmp/build/units',
  timeNanos: TIME,
  sampleTypes: GO_HEAP_TYPES,
  files: FILES,
  samples: [
    { stack: ['main.slow:10', 'main.main:20', 'runtime.main:250'], values: [1, 4096, 1, 4096], labels: [{ key: 'latency', num: 1500, unit: 'ms' }, { key: 'size', num: 4, unit: 'kilobytes' }] },
    { stack: ['main.fast:30', 'main.main:20', 'runtime.main:250'], values: [2, 8192, 2, 8192], labels: [{ key: 'latency', num: 250, unit: 'us' }, { key: 'size', num: 8, unit: 'kilobytes' }] },
    { stack: ['main.slower:40', 'main.main:20', 'runtime.main:250'], values: [3, 3072, 3, 3072], labels: [{ key: 'latency', num: 2, unit: 's' }, { key: 'size', num: 1 }, { key: 'alignment', num: 64 }] },
  ],
});

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node write-profiles.js OUTDIR\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
write(join(out, 'labels.heap.pb.gz'), labels);
write(join(out, 'labels.units.pb.gz'), units);
