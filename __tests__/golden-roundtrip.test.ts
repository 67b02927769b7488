/**
 * proto and topproto (testdata/golden/roundtrip*.txt): heapcli's profile.proto, read back, is the
 * profile pprof's own output reads back as. The goldens are `go tool pprof -raw` of pprof's output
 * for the same flags; heapcli's `-raw` (itself held to pprof's by the one-shot goldens) reads
 * heapcli's. scripts/update-goldens.sh also has pprof read heapcli's output when it regenerates them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../src/cli/main.js';
import { golden, manifests, profilePath, withoutSymbolizationNotes } from './helpers/goldens.js';

process.env.TZ = 'UTC';

const pprofStatus = new Map(manifests('roundtrip', '.status').map(([name, status]) => [name, Number(status)]));

/** Runs heapcli in-process; stdout kept as bytes. */
async function run(args: readonly string[]): Promise<{ stdout: Buffer; stderr: string; status: number }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (chunks: Buffer[]) => new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(Buffer.from(chunk)), done()) });
  const status = await runCli(args, { stdin: Readable.from(['']), stdout: sink(out), stderr: sink(err), env: {} });
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString(), status };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'heapcli-roundtrip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("proto and topproto read back as pprof's own do", () => {
  it.each(manifests('roundtrip'))('%s', async (name, profile, ...args) => {
    const written = await run([...args, profilePath(profile)]);
    expect(written.stderr).toBe(withoutSymbolizationNotes(golden(name, 'err')));
    expect(written.status === 0).toBe(pprofStatus.get(name) === 0);
    if (written.status !== 0) return;
    expect([...written.stdout.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const file = join(dir, `${name}.pb.gz`);
    writeFileSync(file, written.stdout);
    const readBack = await run(['-raw', file]);
    expect(readBack.stdout.toString()).toBe(golden(name, 'out'));
  });
});
