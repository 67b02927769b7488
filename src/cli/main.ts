import { readFileSync } from 'node:fs';
import { ProfileError } from '../profile/errors.js';
import { loadProfileFile, maxProfileBytesFromEnv } from '../profile/load.js';
import type { Profile } from '../profile/model.js';
import { Session } from '../session.js';
import { runDumbConsole } from '../ui/dumb-console.js';
import { writeReportFile } from '../ui/files.js';
import { diskSourceFiles } from '../ui/source-files.js';
import { runLineMode, printResult, type ConsoleStreams } from '../ui/line-mode.js';
import { UsageError, parseArgs, usageText, type CliRequest } from './flags.js';

/** The process's streams and environment, passed in so tests can run the CLI in-process. */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Exit statuses: 0 done, 1 a file or report failed, 2 a usage mistake. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Runs heapcli with `argv` (without node and script); resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let request: CliRequest;
  try {
    request = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`heapcli: ${err.message}\nRun 'heapcli -h' for usage.\n`);
    return EXIT.usage;
  }
  if (request.help) return write(io.stdout, usageText(), EXIT.ok);
  if (request.version) return write(io.stdout, `heapcli ${packageVersion()}\n`, EXIT.ok);
  if (request.sources.length !== 1) {
    const what = request.sources.length === 0 ? 'no profile given' : `expected one profile, got ${request.sources.length}: ${request.sources.join(' ')}`;
    io.stderr.write(`heapcli: ${what}\nRun 'heapcli -h' for usage.\n`);
    return EXIT.usage;
  }
  const source = request.sources[0];
  for (const warning of request.warnings) io.stderr.write(`${warning}\n`);
  const terminal = request.report === null && io.stdin.isTTY === true && io.stdout.isTTY === true;
  if (terminal && io.env.TERM !== 'dumb') return runTerminalConsole(source, request, io);
  let profile: Profile;
  try {
    profile = loadProfileFile(source, maxProfileBytesFromEnv(io.env));
  } catch (err) {
    if (!(err instanceof ProfileError)) throw err;
    return write(io.stderr, `heapcli: ${source}: ${err.message}\n`, EXIT.failed);
  }
  const session = new Session(profile, { interactive: request.report === null, sources: diskSourceFiles(io.env) });
  for (const assignment of request.assignments) {
    const failure = session.configure(assignment);
    if (failure) return write(io.stderr, `heapcli: ${failure}\n`, EXIT.failed);
  }
  const streams: ConsoleStreams = { input: io.stdin, stdout: io.stdout, stderr: io.stderr, writeFile: writeReportFile };
  if (terminal) runDumbConsole(session, streams);
  else if (request.report === null) await runLineMode(session, streams);
  if (request.report === null) return EXIT.ok;
  const result = session.executeCommand(request.reportArgument === null ? [request.report] : [request.report, request.reportArgument]);
  printResult(result, streams);
  return result.failed ? EXIT.failed : EXIT.ok;
}

function write(stream: NodeJS.WritableStream, text: string, status: number): number {
  stream.write(text);
  return status;
}

/**
 * The Ink console, loaded only here so one-shot reports never pay for React. The session runs in a
 * worker thread that loads the profile while a spinner turns.
 */
async function runTerminalConsole(source: string, request: CliRequest, io: CliIO): Promise<number> {
  const [{ runInkConsole }, { startWorkerSession }] = await Promise.all([import('../ui/ink-console.js'), import('../ui/worker-runner.js')]);
  return runInkConsole({
    source,
    start: () => startWorkerSession(source, maxProfileBytesFromEnv(io.env), request.assignments),
    env: io.env,
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
  });
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
