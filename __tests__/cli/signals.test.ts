/**
 * A one-shot report on a benchmark-sized profile (bench/generate.js medium: 50,000 samples,
 * 1.5 MB; `large` takes several seconds to generate, too long for a test's setup) leaves quietly
 * when its reader goes away (`| head -1`: EPIPE), and when interrupted (Ctrl-C: exit 130, or death
 * by SIGINT as the shell reports it), with no stack trace either way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'heapcli-signals-'));
const profile = join(dir, 'medium.pb.gz');

beforeAll(() => {
  const made = spawnSync(process.execPath, ['bench/generate.js', 'medium', profile], { encoding: 'utf8' });
  expect(made.status).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK_TRACE = /\n\s+at /;

describe('| head -1 (EPIPE) on a large output', () => {
  it.each([
    // -top prints 80 kB here, -traces 70 MB: both more than a pipe holds, so writes meet a closed pipe.
    ['-top', /^File: \S+\n$/],
    ['-traces', /^File: \S+\n$/],
  ])(
    'heapcli %s big.pb.gz | head -1 exits 0 with nothing on stderr',
    (flag, firstLine) => {
      const run = spawnSync(
        'bash',
        ['-c', `node bin/heapcli.js ${flag} "$1" | head -1; echo "status=\${PIPESTATUS[0]}"`, 'bash', profile],
        { encoding: 'utf8' },
      );
      const [line, status] = run.stdout.split(/(?<=\n)/);
      expect(line).toMatch(firstLine);
      expect(status).toBe('status=0\n');
      expect(run.stderr).toBe('');
    },
    60_000,
  );
});

describe('SIGINT during a long one-shot report', () => {
  it.each([['-top'], ['-traces']])(
    'heapcli %s big.pb.gz, interrupted after 200 ms, exits 130 (or by SIGINT), quietly',
    async (flag) => {
      const child = spawn(process.execPath, ['bin/heapcli.js', flag, profile], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let finished = false;
      child.stdout.resume();
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.on('exit', (code, signal) => {
          finished = true;
          resolve({ code, signal });
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The report takes about a second: still running, or the test proves nothing.
      expect(finished).toBe(false);
      child.kill('SIGINT');
      const { code, signal } = await exit;
      expect(code === 130 || signal === 'SIGINT').toBe(true);
      expect(stderr).not.toMatch(STACK_TRACE);
    },
    60_000,
  );
});
