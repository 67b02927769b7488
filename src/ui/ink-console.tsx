import { render } from 'ink';
import { App } from './App.js';
import { listPaths, writeReportFile } from './files.js';
import { History, historyPath } from './history.js';
import type { ConsoleInfo, SessionRunner } from './runner.js';

/** What the terminal console is started with. */
export interface InkConsoleOptions {
  readonly source: string;
  readonly start: () => Promise<{ runner: SessionRunner; info: ConsoleInfo }>;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Runs the Ink console until the user leaves; resolves to the exit status. */
export async function runInkConsole(o: InkConsoleOptions): Promise<number> {
  let status = 0;
  const app = render(
    <App
      start={o.start}
      history={History.load(historyPath(o.env))}
      color={o.stdout.isTTY === true && !o.env.NO_COLOR}
      loading={`Loading ${o.source}`}
      writeFile={writeReportFile}
      listPaths={listPaths}
      onDone={(s) => (status = s)}
    />,
    { stdin: o.stdin, stdout: o.stdout, stderr: o.stderr, exitOnCtrlC: false, patchConsole: false },
  );
  await app.waitUntilExit();
  return status;
}
