/**
 * A server that dies during -watch (issue 19): the watch says which snapshot failed and why, in
 * one line, reports growth on the snapshots taken, exits 1 (the series is short), and leaves the
 * copies it saved whole, with no partial one.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHeapcli } from '../helpers/run-cli.js';
import { startHostile, type Handler } from './hostile-server.js';
import { treeOf } from './spawn.js';

const SERIES = Array.from({ length: 4 }, (_, i) => readFileSync(`testdata/profiles/growing/growing-0${i + 1}.pb.gz`));
const SAVED = (n: number) => `pprof.growing.alloc_objects.alloc_space.inuse_objects.inuse_space.00${n}.pb.gz`;
const scratch = mkdtempSync(join(tmpdir(), 'heapcli-watch-dies-'));

/** Serves the series in order; `onThird` decides what the third request gets. */
function series(onThird: Handler): Handler {
  let n = 0;
  return (req, res) => {
    n++;
    if (n === 3) return onThird(req, res);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(SERIES[n - 1]);
  };
}

describe('-watch against a server that dies', () => {
  it('after two snapshots (connection refused): one line, growth over the two, exit 1', async () => {
    // Should the third request still come in, the connection is dropped all the same.
    const server = await startHostile({ '/debug/pprof/heap': series((_req, res) => res.destroy()) });
    const dir = join(scratch, 'refused');
    // The server goes away for good once the second snapshot is saved.
    const watch = runHeapcli(['-watch', server.base, '-every', '300ms', '-count', '4'], '', { HEAPCLI_TMPDIR: dir });
    const closer = setInterval(() => {
      if (treeOf(dir).length === 2) {
        clearInterval(closer);
        void server.close();
      }
    }, 20);
    const run = await watch;
    clearInterval(closer);
    const url = `${server.base}/debug/pprof/heap?gc=1`;
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').at(-2)).toMatch(
      new RegExp(
        `^heapcli: snapshot 3/4: ${url.replace(/[.?]/g, '\\$&')}: (connection refused|the server closed the connection); growth over the 2 taken follows$`,
      ),
    );
    expect(run.stdout).toMatch(/^File: growing\n/);
    expect(treeOf(dir)).toEqual([SAVED(1), SAVED(2)]);
  });

  it('in the middle of a body: the same, and no partial copy', async () => {
    const server = await startHostile({
      '/debug/pprof/heap': series((_req, res) => {
        res.writeHead(200, { 'Content-Length': String(SERIES[2].length) });
        res.write(SERIES[2].subarray(0, 200), () => res.destroy());
      }),
    });
    const dir = join(scratch, 'cut');
    const run = await runHeapcli(['-watch', server.base, '-every', '10ms', '-count', '4'], '', { HEAPCLI_TMPDIR: dir });
    await server.close();
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').at(-2)).toBe(
      `heapcli: snapshot 3/4: ${server.base}/debug/pprof/heap?gc=1: the server closed the connection before the end of the body; growth over the 2 taken follows`,
    );
    expect(run.stdout).toMatch(/^File: growing\n/);
    expect(treeOf(dir)).toEqual([SAVED(1), SAVED(2)]);
  });
});
