// nodeleak: a heap profile written by a non-Go profiler (@datadog/pprof,
// which samples V8's heap and encodes a gzipped profile.proto).
// Usage: node leak.js OUTDIR  -> writes OUTDIR/nodeleak.heap.pb.gz
'use strict';

const fs = require('fs');
const path = require('path');
const { heap, encode } = require('@datadog/pprof');

// A small sampling interval (bytes between samples on average) so that even
// the smaller allocation sites below are sampled many times.
const INTERVAL_BYTES = 1024;
const STACK_DEPTH = 64;

// The leak: a module-level registry that only grows.
const registry = [];

// Named functions a few calls deep, so stacks have recognisable frames.
function makeRecord(i) {
  return {
    id: i,
    name: `record-${i}-` + 'x'.repeat(40 + (i % 60)), // strings of varied length
    tags: ['a', 'b', String(i)],
  };
}

function attachPayload(record, i) {
  record.payload = Buffer.alloc(256 + (i % 4) * 256, i & 0xff); // off-heap + wrapper
  return record;
}

function ingestBatch(batch, size) {
  for (let i = 0; i < size; i++) {
    const n = batch * size + i;
    registry.push(attachPayload(makeRecord(n), n));
  }
}

// Transient garbage, so in-use samples differ from what was allocated.
function churn(rounds) {
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    total += JSON.stringify({ r, data: new Array(64).fill(r) }).length;
  }
  return total;
}

function runWorkload() {
  let junk = 0;
  for (let batch = 0; batch < 40; batch++) {
    ingestBatch(batch, 500);
    junk += churn(200);
  }
  return junk;
}

async function main() {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node leak.js OUTDIR');
    process.exit(2);
  }
  heap.start(INTERVAL_BYTES, STACK_DEPTH);
  const junk = runWorkload();
  const profile = heap.profile();
  heap.stop();
  const buf = await encode(profile); // gzipped profile.proto
  const out = path.join(outDir, 'nodeleak.heap.pb.gz');
  fs.writeFileSync(out, buf);
  console.log(`nodeleak: ${registry.length} records kept, ${junk} junk bytes, wrote ${out} (${buf.length} bytes)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
