/**
 * The terminal console's session worker dying (here: out of memory under a heap limit) ends the
 * console with status 1 and one line saying so, through the real worker and the console's own
 * controller, as `runTerminalConsole` wires them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { ConsoleController, type ConsoleOutput } from '../../src/ui/console-controller.js';
import { History } from '../../src/ui/history.js';
import { decodeKeys } from '../../src/ui/keys.js';
import type { ConsoleResult } from '../../src/ui/runner.js';
import { heapMessage } from '../helpers/profile-fixtures.js';

// The worker runs compiled code, so this goes through dist/ (npm run build).
const load = async () => (await import('../../dist/ui/worker-runner.js')) as typeof import('../../src/ui/worker-runner.js');

/**
 * 300 handlers each calling 300 stores (90,000 stacks, 600 long names): small to hold, as its
 * columns live outside V8's heap, while `peek .` lists 300 callers or callees under each of the 600
 * (26 MB of text, about 100 MB of heap to make it).
 */
function writeProfile(dir: string): string {
  const handlers = Array.from(
    { length: 300 },
    (_, i) => `github.com/acme/service/internal/handlers/v2.(*Handler${i}).ServeHTTPWithALongName`,
  );
  const stores = Array.from({ length: 300 }, (_, i) => `github.com/acme/service/internal/storage/v2.(*Store${i}).WriteRecordWithALongName`);
  const samples = handlers.flatMap((h) => stores.map((s) => ({ stack: [s, h, 'main.main'], values: [1, 64, 1, 64] })));
  const path = join(dir, 'wide.pb.gz');
  writeFileSync(path, encodeProfile(heapMessage({ samples })));
  return path;
}

/** The console's output, as lines of text: greeting, echoed lines, results. */
class Recorded implements ConsoleOutput {
  readonly events: string[] = [];
  commitLine(text: string): void {
    this.events.push(`line ${text}`);
  }
  printText(text: string, tone: 'plain' | 'error'): void {
    this.events.push(`${tone} ${text}`);
  }
  async printResult(result: ConsoleResult): Promise<void> {
    let out = result.out;
    if (result.rest) for await (const chunk of result.rest) out += chunk;
    this.events.push(`result ${out.length} chars, err=${JSON.stringify(result.err)}`);
  }
  stopPrinting(): void {}
  clearScreen(): void {}
}

const OUT_OF_MEMORY = 'heapcli: the session stopped: Worker terminated due to reaching memory limit: JS heap out of memory\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'heapcli-worker-death-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a worker out of memory ends the console with status 1 and one line', async () => {
  const { startWorkerSession } = await load();
  const plan = {
    sources: [writeProfile(dir)],
    bases: [],
    diffBase: false,
    normalize: false,
    settings: { seconds: 0, timeout: 0, maxBytes: undefined, saveDir: undefined, home: undefined },
  };
  // Loading needs about 8 MB of heap; peek about 100.
  const { runner, info } = await startWorkerSession(plan, [], undefined, { maxOldGenerationSizeMb: 20 });
  const output = new Recorded();
  const exited = new Promise<number>((resolve) => {
    const controller = new ConsoleController({
      history: new History(null, []),
      output,
      listPaths: () => [],
      onChange: () => {},
      onExit: resolve,
    });
    controller.start(runner, info);
    controller.press(decodeKeys('top3\rpeek .\r'));
  });
  expect(await exited).toBe(1);
  const results = output.events.filter((e) => e.startsWith('result '));
  expect(results).toHaveLength(2);
  expect(results[0]).toMatch(/^result \d+ chars, err=""$/);
  expect(results[1]).toBe(`result 0 chars, err=${JSON.stringify(OUT_OF_MEMORY)}`);
  // Whatever is asked afterwards gets the same answer, at once.
  expect(await runner.execute('top')).toEqual({ out: '', err: OUT_OF_MEMORY, quit: true, failed: true });
  runner.close();
}, 60_000);
