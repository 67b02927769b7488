/**
 * A one-shot `-traces` through the shipped launcher (bin/heapcli.js) on a pipe: when its reader
 * leaves after a line (`| head -2`), it leaves too, quietly and with status 0; when its reader is
 * slow and the pipe non-blocking (EAGAIN), every byte still arrives, in order. The profile is the
 * benchmark's small one (1,000 samples: a 1.3 MB report, about twenty chunks).
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'heapcli-traces-pipe-'));
const profile = join(dir, 'small.pb.gz');
let whole: Buffer;

beforeAll(() => {
  const made = spawnSync(process.execPath, ['bench/generate.js', 'small', profile], { encoding: 'utf8' });
  expect(made.status).toBe(0);
  whole = execFileSync(process.execPath, ['bin/heapcli.js', '-traces', profile], { maxBuffer: 64 << 20 });
  expect(whole.length).toBeGreaterThan(1 << 20);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How a child ended, and what it wrote to stderr. */
function ending(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

it('-traces | head -2: the reader closes after two lines; heapcli exits 0, with nothing on stderr', async () => {
  const child = spawn(process.execPath, ['bin/heapcli.js', '-traces', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ended = ending(child);
  let received = Buffer.alloc(0);
  await new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.toString('utf8').split('\n').length > 2) {
        child.stdout!.destroy();
        resolve();
      }
    });
  });
  const { code, signal, stderr } = await ended;
  expect(received.toString('utf8').split('\n').slice(0, 2)).toEqual(whole.toString('utf8').split('\n').slice(0, 2));
  expect(received.length).toBeLessThan(whole.length);
  expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
}, 60_000);

/** Perl sets O_NONBLOCK on its stdout and execs the rest: a pipe another program made non-blocking. */
const NON_BLOCKING = 'use Fcntl; fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV or die';
const hasPerl = spawnSync('perl', ['-e', NON_BLOCKING, 'true']).status === 0;

(hasPerl ? it : it.skip)(
  '-traces to a non-blocking pipe read slowly: every byte arrives, in order',
  async () => {
    // Node's spawn makes a child's stdio blocking, so perl makes it non-blocking again for heapcli:
    // its plain writes then meet EAGAIN when the pipe is full, and what follows must queue behind.
    const child = spawn('perl', ['-e', NON_BLOCKING, process.execPath, 'bin/heapcli.js', '-traces', profile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ended = ending(child);
    const stdout = child.stdout!;
    // A slow reader: nothing until the first bytes have waited a while (the pipe fills), then a
    // pause after every read.
    await new Promise((resolve) => stdout.once('readable', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    for await (const chunk of stdout) {
      chunks.push(chunk as Buffer);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { code, stderr } = await ended;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
  },
  60_000,
);
