// Writes a heap profile of millions of samples without holding them: each sample is encoded to
// the wire as it is walked and goes through a streaming gzip, and the rest of the profile
// (locations, functions, mappings, strings; the samples' ids refer to them) follows at the end,
// as one more run of fields of the same message. bench/generate.js builds the whole message as
// objects, which past a million samples costs gigabytes.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createGzip, constants } from 'node:zlib';
import { makeRandom } from './prng.js';
import { buildCallGraph } from './callgraph.js';
import { RATE, sampleValues, walkStack } from './samples.js';

/** A growing byte buffer with protobuf's varint and length-delimited writes. */
class Wire {
  constructor(size) {
    this.buf = new Uint8Array(size);
    this.len = 0;
  }
  varint(v) {
    while (v >= 128) {
      this.buf[this.len++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }
  /** Writes field `field` (wire type 2) whose body `body` writes; the body must fit 16 KiB. */
  nested(field, body) {
    this.varint((field << 3) | 2);
    const at = this.len;
    this.len += 2; // room for a two-byte length, moved if it takes one
    body();
    const n = this.len - at - 2;
    if (n < 128) {
      this.buf.copyWithin(at + 1, at + 2, this.len);
      this.buf[at] = n;
      this.len--;
    } else {
      this.buf[at] = (n % 128) | 128;
      this.buf[at + 1] = Math.floor(n / 128);
    }
  }
}

/**
 * Streams a gzipped profile of `sampleCount` samples, stacks of at most about `maxFrames` frames,
 * to `file`; resolves to a summary. With `distinct`, each sample also gets a `request` number of
 * its own, as a server might label its allocations, so that loading merges none of them (random
 * walks repeat stacks and sizes: without it, 10 million samples merge to about a million). The
 * same arguments always give the same bytes.
 */
export async function streamProfile(sampleCount, file, { seed = 1, maxFrames = 12, distinct = true, encodeProfile }) {
  const rnd = makeRandom(seed);
  const graph = buildCallGraph(rnd, { appFunctions: 6500 });
  const { funcs, sites } = graph;
  const strings = [''];
  const stringIdx = new Map([['', 0]]);
  const str = (s) => stringIdx.get(s) ?? (stringIdx.set(s, strings.length), strings.push(s) - 1);
  const locId = new Int32Array(sites.length);
  const fnId = new Int32Array(funcs.length);
  const location = [];
  const functions = [];
  const functionId = (fi) => {
    if (fnId[fi] === 0) {
      const f = funcs[fi];
      fnId[fi] = functions.length + 1;
      const name = str(f.name);
      functions.push({ id: functions.length + 1, name, systemName: name, filename: str(f.file), startLine: f.startLine });
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
  const vt = (type, unit) => ({ type: str(type), unit: str(unit) });
  const sampleType = [vt('alloc_objects', 'count'), vt('alloc_space', 'bytes'), vt('inuse_objects', 'count'), vt('inuse_space', 'bytes')];
  const bytesKey = str('bytes');
  const requestKey = str('request');

  mkdirSync(dirname(file), { recursive: true });
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  const out = createWriteStream(file);
  const done = new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const write = (bytes) => (gzip.write(bytes) ? null : new Promise((resolve) => gzip.once('drain', resolve)));

  let frames = 0;
  let raw = 0;
  const wire = new Wire(1 << 22);
  for (let i = 0; i < sampleCount; i++) {
    const path = walkStack(graph, rnd, maxFrames);
    const { value, size } = sampleValues(sites[path[0]], rnd);
    frames += path.length;
    wire.nested(2, () => {
      wire.nested(1, () => path.forEach((site) => wire.varint(locationId(site))));
      wire.nested(2, () => value.forEach((v) => wire.varint(v)));
      const label = (key, num) =>
        wire.nested(3, () => {
          wire.varint(1 << 3);
          wire.varint(key);
          wire.varint(3 << 3);
          wire.varint(num);
        });
      label(bytesKey, size);
      if (distinct) label(requestKey, i + 1);
    });
    if (wire.len > (1 << 22) - 16384 || i === sampleCount - 1) {
      raw += wire.len;
      const waiting = write(wire.buf.slice(0, wire.len));
      wire.len = 0;
      if (waiting) await waiting;
    }
  }
  const rest = encodeProfile(
    {
      sampleType,
      location,
      function: functions,
      stringTable: strings,
      timeNanos: 1700000000 * 1e9,
      mapping: [
        {
          id: 1,
          memoryStart: 0x400000,
          memoryLimit: Math.ceil(graph.textEnd / 0x1000) * 0x1000,
          filename: str('/usr/local/bin/leakyserver'),
          hasFunctions: true,
          hasFilenames: true,
          hasLineNumbers: true,
          hasInlineFrames: true,
        },
      ],
      periodType: vt('space', 'bytes'),
      period: RATE,
    },
    false,
  );
  raw += rest.length;
  gzip.end(rest);
  await done;
  return { samples: sampleCount, locations: location.length, functions: functions.length, avgFrames: frames / sampleCount, rawBytes: raw };
}
