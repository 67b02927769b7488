import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { History } from '../../src/ui/history.js';
import { InProcessRunner, consoleInfo } from '../../src/ui/runner.js';
import { loadProfileFile } from '../../src/profile/load.js';
import { Session } from '../../src/session.js';

const profile = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');

/** Waits for Ink to process input and render. */
const tick = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

/** Renders the console on a fresh session; returns the session too, to check its options. */
async function renderConsole(history = new History(null)) {
  const session = new Session(profile, { interactive: true });
  let status = -1;
  const app = render(
    <App
      start={() => Promise.resolve({ runner: new InProcessRunner(session), info: consoleInfo(session) })}
      history={history}
      color={false}
      loading="Loading"
      writeFile={() => null}
      listPaths={() => []}
      onDone={(s) => (status = s)}
    />,
  );
  await tick();
  const type = async (text: string) => {
    app.stdin.write(text);
    await tick();
  };
  return { app, session, type, status: () => status, screen: () => app.frames.join('') };
}

describe('the Ink console', () => {
  it('greets like pprof and shows the prompt', async () => {
    const { app, screen } = await renderConsole();
    expect(screen()).toContain('File: leakybuf\nType: inuse_space\n');
    expect(screen()).toContain('Entering interactive mode (type "help" for commands, "o" for options)');
    expect(app.lastFrame()).toContain('(pprof)');
    app.unmount();
  });

  it('runs top10 and prints pprof\'s rows', async () => {
    const { app, type, screen } = await renderConsole();
    await type('top10\r');
    expect(screen()).toContain('(pprof) top10\n');
    expect(screen()).toContain(
      [
        'Showing nodes accounting for 4962.93kB, 99.80% of 4972.95kB total',
        'Dropped 28 nodes (cum <= 24.86kB)',
        'Showing top 10 nodes out of 12',
        '      flat  flat%   sum%        cum   cum%',
        '    4119kB 82.83% 82.83%     4119kB 82.83%  main.growBuf (inline)',
      ].join('\n'),
    );
    app.unmount();
  });

  it('completes sample_ind to sample_index= on Tab, then lists the sample types', async () => {
    const { app, type } = await renderConsole();
    await type('sample_ind');
    await type('\t');
    expect(app.lastFrame()).toContain('(pprof) sample_index=');
    await type('alloc\t');
    expect(app.lastFrame()).toContain('(pprof) sample_index=alloc_');
    expect(app.lastFrame()).toContain('alloc_objects  alloc_space');
    app.unmount();
  });

  it('recalls the previous line with Up, and the draft with Down', async () => {
    const { app, type } = await renderConsole();
    await type('top3\r');
    await type('nodecount=4\r');
    await type('dra');
    await type('\x1b[A');
    expect(app.lastFrame()).toContain('(pprof) nodecount=4');
    await type('\x1b[A');
    expect(app.lastFrame()).toContain('(pprof) top3');
    await type('\x1b[B\x1b[B');
    expect(app.lastFrame()).toContain('(pprof) dra');
    app.unmount();
  });

  it('shows an invalid value\'s error and leaves the options unchanged', async () => {
    const { app, session, type, screen } = await renderConsole();
    const before = session.options;
    await type('nodecount=abc\r');
    expect(screen()).toContain('strconv.Atoi: parsing "abc": invalid syntax');
    expect(session.options).toEqual(before);
    app.unmount();
  });

  it('edits the line: Home, Ctrl-E, Backspace, Delete, Ctrl-W, Ctrl-U', async () => {
    const { app, type } = await renderConsole();
    await type('op5');
    await type('\x01t\x05');
    expect(app.lastFrame()).toContain('(pprof) top5');
    await type('\x7f\x7f');
    await type('\x1b[H\x1b[3~');
    expect(app.lastFrame()).toContain('(pprof) o');
    await type('\x05 -cum foo\x17X');
    expect(app.lastFrame()).toContain('(pprof) o -cum X');
    await type('\x15');
    expect(app.lastFrame()).toMatch(/^\(pprof\) ?$/m);
    app.unmount();
  });

  it('clears the line on Ctrl-C and leaves on Ctrl-D at an empty line', async () => {
    const { app, type, status } = await renderConsole();
    await type('top');
    await type('\x03');
    expect(app.lastFrame()).toMatch(/^\(pprof\) ?$/m);
    await type('\x04');
    expect(status()).toBe(0);
    app.unmount();
  });

  it('leaves on quit, recording the lines in history', async () => {
    const history = new History(null);
    const { app, type, status } = await renderConsole(history);
    await type('top2\rquit\r');
    expect(status()).toBe(0);
    expect(history.lines).toEqual(['top2', 'quit']);
    app.unmount();
  });

  it('reports a profile that failed to load and exits 1', async () => {
    let status = -1;
    const app = render(
      <App
        start={() => Promise.reject(new Error('heapcli: x.pb.gz: empty file'))}
        history={new History(null)}
        color={false}
        loading="Loading"
        writeFile={() => null}
        listPaths={() => []}
        onDone={(s) => (status = s)}
      />,
    );
    // Wait for the exit rather than a fixed time (CI machines are loaded); the message must have been drawn.
    for (let i = 0; i < 100 && status === -1; i++) await tick(20);
    expect(status).toBe(1);
    expect(app.frames.some((frame) => frame.includes('heapcli: x.pb.gz: empty file'))).toBe(true);
    app.unmount();
  });
});
