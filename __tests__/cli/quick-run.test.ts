import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import { QUICK_RUN_MAX_BYTES, QUICK_RUN_MAX_INFLATED, inputSize, isQuickRun } from '../../src/cli/quick-run.js';

const dir = mkdtempSync(join(tmpdir(), 'heapcli-quick-'));
const SMALL = 'testdata/profiles/leakybuf.heap.pb.gz';

describe('isQuickRun', () => {
  const sizes = (table: Record<string, { bytes: number; inflated: number | null } | null>) => (path: string) => table[path] ?? null;

  it('is quick for small local files, up to the limit in all', () => {
    const half = QUICK_RUN_MAX_BYTES / 2;
    expect(isQuickRun(['a', 'b'], sizes({ a: { bytes: half, inflated: null }, b: { bytes: half, inflated: 4 * half } }))).toBe(true);
    expect(isQuickRun(['a', 'b'], sizes({ a: { bytes: half, inflated: null }, b: { bytes: half + 1, inflated: null } }))).toBe(false);
  });

  it('is not quick for a URL (no size known), nothing at all, or a gzip trailer past the inflated limit', () => {
    expect(isQuickRun(['a', 'http://host/debug/pprof/heap'], sizes({ a: { bytes: 10, inflated: null } }))).toBe(false);
    expect(isQuickRun([], sizes({}))).toBe(false);
    expect(isQuickRun(['a'], sizes({ a: { bytes: 100, inflated: QUICK_RUN_MAX_INFLATED } }))).toBe(true);
    expect(isQuickRun(['a'], sizes({ a: { bytes: 100, inflated: QUICK_RUN_MAX_INFLATED + 1 } }))).toBe(false);
  });
});

describe('inputSize', () => {
  it("reads a gzip file's size and its trailer's inflated length", () => {
    const bytes = readFileSync(SMALL);
    expect(inputSize(SMALL)).toEqual({ bytes: bytes.length, inflated: gunzipSync(bytes).length });
    const path = join(dir, 'z.pb.gz');
    writeFileSync(path, gzipSync(Buffer.alloc(300_000, 7)));
    expect(inputSize(path)?.inflated).toBe(300_000);
  });

  it('gives no inflated length for a file that is not gzip, and null for what is not a readable file', () => {
    const path = join(dir, 'plain.pb');
    writeFileSync(path, Buffer.alloc(40, 1));
    expect(inputSize(path)).toEqual({ bytes: 40, inflated: null });
    expect(inputSize(dir)).toBeNull();
    expect(inputSize(join(dir, 'missing'))).toBeNull();
  });
});

describe('runCli calls onQuickRun', () => {
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  async function quickRuns(args: string[]): Promise<number> {
    let calls = 0;
    await runCli(args, { stdin: Readable.from(['']), stdout: sink(), stderr: sink(), env: {}, onQuickRun: () => calls++ });
    return calls;
  }

  it('for a one-shot report on a small profile, with or without a small base', async () => {
    expect(await quickRuns(['-top', SMALL])).toBe(1);
    expect(await quickRuns(['-top', '-base', 'testdata/profiles/leakybuf.base.pb.gz', SMALL])).toBe(1);
  });

  it('not for the console, nor for a file past the limit', async () => {
    expect(await quickRuns([SMALL])).toBe(0);
    const big = join(dir, 'big.pb.gz');
    writeFileSync(big, Buffer.concat([readFileSync(SMALL), Buffer.alloc(QUICK_RUN_MAX_BYTES)]));
    expect(await quickRuns(['-top', big])).toBe(0);
  });
});
