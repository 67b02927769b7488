import { readFileSync } from 'node:fs';
import { maxProfileBytesFromEnv } from '../host/size-limit.js';
import { Session } from '../session.js';
import { writeReportFile } from '../host/report-files.js';
import { diskSourceFiles } from '../host/source-files.js';
import { systemGraphics } from '../host/graphics.js';
import { printResult, type ConsoleStreams, type TextOut } from '../ui/print-result.js';
import { UsageError, parseArgs, type CliRequest } from './flags.js';
import { usageText } from './usage.js';
import { ProfileError } from '../profile/errors.js';
import { COMMANDS } from '../commands/table.js';
import { inputSize, isQuickRun } from './quick-run.js';
import { type LoadPlan, type Loaded, loadFailureText, loadPlan } from '../inputs/plan.js';
import { SourceError, loadSource, resolveSource, type SourceSettings } from '../inputs/inputs.js';
import { redactUrl } from '../inputs/url-text.js';
import type { FirstPrompt } from '../ui/terminal/first-prompt.js';

/** The process's streams and environment, passed in so tests can run the CLI in-process. */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  /**
   * Called before loading when the run is a one-shot report on small local files (isQuickRun).
   * bin/heapcli.js, which owns its process, turns V8's optimising compiler off here.
   */
  readonly onQuickRun?: () => void;
  /**
   * Writes a one-shot report's text to standard output, in place of stdout.write; a promise
   * returned asks for a wait before the next chunk of a streamed report (TextOut.write).
   * bin/heapcli.js writes to the descriptor: opening process.stdout loads Node's stream modules.
   */
  readonly writeReport?: (text: string | Uint8Array) => unknown;
  /**
   * The greeting and prompt bin/heapcli.js already showed for a console on one profile file
   * (cli/first-prompt.ts), for the terminal console to take over.
   */
  readonly firstPrompt?: FirstPrompt | null;
}

export { skipOptimizingCompiler } from './quick-run.js';
export { DescriptorOut } from './descriptor-out.js';

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
  // Before the profile is read (or found missing): the answer does not depend on it.
  if (request.missing !== null) return write(io.stderr, `heapcli: ${request.missing}\n`, EXIT.failed);
  if (request.sources.length === 0 && request.watch === null)
    return write(io.stderr, `heapcli: no profile given\nRun 'heapcli -h' for usage.\n`, EXIT.usage);
  for (const warning of request.warnings) io.stderr.write(`${warning}\n`);
  const maxBytes = maxProfileBytesFromEnv(io.env);
  if ('error' in maxBytes) return write(io.stderr, `heapcli: ${maxBytes.error}\n`, EXIT.usage);
  // -watch, -growth, the piped console and the TERM=dumb prompt load their code only when asked
  // for: a one-shot report pays only for what it runs.
  if (request.watch !== null) {
    const { runWatchReport } = await import('./watch.js');
    return EXIT[await runWatchReport(request.watch, request.assignments, sourceSettings(request, io.env, maxBytes.bytes), io)];
  }
  const plan = loadingPlan(request, io.env, maxBytes.bytes);
  // The web UI's code (src/web/) is loaded only for -http.
  if (request.http !== null) {
    // -growth goes with -http (beyond pprof): its ranking is the growth view.
    if (request.report !== null && request.report !== 'growth')
      return write(io.stderr, '-http is not compatible with an output format on the command line\n', EXIT.failed);
    const { runWebUi } = await import('../web/run-http.js');
    return runWebUi({
      plan,
      assignments: request.assignments,
      http: request.http,
      noBrowser: request.noBrowser,
      env: io.env,
      stderr: io.stderr,
      bundleUrl: import.meta.url,
    });
  }
  if (io.onQuickRun && request.report !== null && isQuickRun([...plan.sources, ...plan.bases], inputSize)) io.onQuickRun();
  const notify = (line: string) => io.stderr.write(`${line}\n`);
  const reportOut: TextOut | null = request.report !== null && io.writeReport ? { write: io.writeReport } : null;
  const streams: ConsoleStreams = {
    // Each opened when first used: opening one is work a one-shot report may not need.
    get input() {
      return io.stdin;
    },
    get stdout() {
      return reportOut ?? io.stdout;
    },
    get stderr() {
      return io.stderr;
    },
    writeFile: writeReportFile,
    // A one-shot binary report (-proto) goes to stdout unless that is a terminal (then ./profileNNN.<ext>).
    get binaryToStdout() {
      return request.report !== null && io.stdout.isTTY !== true;
    },
  };
  if (request.report === 'growth') {
    if (plan.bases.length > 0)
      return write(
        io.stderr,
        `heapcli: -growth ranks snapshots; it takes no -base or -diff_base\nRun 'heapcli -h' for usage.\n`,
        EXIT.usage,
      );
    const { runGrowthReport } = await import('./growth.js');
    const growth = await runGrowthReport(plan.sources, request.assignments, (s) => loadSource(s, plan.settings, notify));
    const printed = await printResult(growth.result, streams);
    return printed ? EXIT[growth.status] : EXIT.failed;
  }
  const terminal = request.report === null && io.stdin.isTTY === true && io.stdout.isTTY === true;
  if (terminal && io.env.TERM !== 'dumb') return runTerminalConsole(plan, request, io);
  let loaded: Loaded;
  try {
    // Fetch notices go to stderr as they happen, as pprof prints them; no spinner off the console.
    loaded = await loadPlan(plan, notify);
  } catch (err) {
    if (!(err instanceof SourceError || err instanceof ProfileError)) throw err;
    return write(io.stderr, loadFailureText(err), EXIT.failed);
  }
  const { assignments } = request;
  const { session, failure } = Session.open(loaded.profile, {
    interactive: request.report === null,
    sources: diskSourceFiles(io.env),
    graphics: systemGraphics(io.env),
    series: loaded.series,
    assignments,
  });
  if (failure !== null) return write(io.stderr, `heapcli: ${failure}\n`, EXIT.failed);
  if (terminal) await (await import('../ui/dumb-console.js')).runDumbConsole(session, streams);
  else if (request.report === null) await (await import('../ui/line-mode.js')).runLineMode(session, streams);
  if (request.report === null) return EXIT.ok;
  const result = session.executeCommand(request.reportArgument === null ? [request.report] : [request.report, request.reportArgument]);
  const printed = await printResult(result, streams);
  return result.failed || !printed ? EXIT.failed : EXIT.ok;
}

/** What to load: the profiles (merged), the bases (subtracted), and how to fetch. */
function loadingPlan(request: CliRequest, env: NodeJS.ProcessEnv, maxBytes: number | undefined): LoadPlan {
  const normalize = request.assignments.some((a) => a.name === 'normalize' && a.value === 'true');
  return {
    sources: request.sources,
    bases: request.bases,
    diffBase: request.diffBase,
    normalize,
    settings: sourceSettings(request, env, maxBytes),
  };
}

/** What fetching needs from the flags and the environment (HEAPCLI_MAX_PROFILE read already). */
function sourceSettings(request: CliRequest, env: NodeJS.ProcessEnv, maxBytes: number | undefined): SourceSettings {
  return {
    seconds: request.fetch.seconds,
    timeout: request.fetch.timeout,
    maxBytes,
    saveDir: env.HEAPCLI_TMPDIR || undefined,
    home: env.HOME || undefined,
    mergeOnLoad: !(request.report !== null && COMMANDS.get(request.report)?.sumsOnly),
  };
}

function write(stream: NodeJS.WritableStream, text: string, status: number): number {
  stream.write(text);
  return status;
}

/**
 * The terminal console. Its prompt comes as soon as the profile is read (small local files are
 * read here; others by the session's worker thread, while a spinner turns); Ink, which draws the
 * live part, loads meanwhile, so one-shot reports never pay for React.
 */
async function runTerminalConsole(plan: LoadPlan, request: CliRequest, io: CliIO): Promise<number> {
  const { runTerminalConsole: run } = await import('../ui/terminal/terminal-console.js');
  // The spinner's label names what is loaded, a URL with the query pprof adds (`?seconds=30`).
  const shownSources = plan.sources.map((source) => {
    const resolved = resolveSource(source, plan.settings);
    return resolved.kind === 'url' ? redactUrl(resolved.url) : redactUrl(source);
  });
  return run({
    plan,
    shown: firstPromptOf(plan, request, io.firstPrompt ?? null),
    assignments: request.assignments,
    shownSources,
    inProcess: isQuickRun([...plan.sources, ...plan.bases], inputSize),
    loadInk: () => import('../ui/terminal/ink-frames.js'),
    env: io.env,
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
  });
}

/**
 * The first prompt shown, if it was shown for this console: it always is, since it is shown only
 * for a bare file name; else its signal handlers go, and the console starts below it.
 */
function firstPromptOf(plan: LoadPlan, request: CliRequest, shown: FirstPrompt | null): FirstPrompt | null {
  if (shown === null) return null;
  const same = plan.sources.length === 1 && plan.sources[0] === shown.source && plan.bases.length === 0 && request.assignments.length === 0;
  if (!same) shown.stopSignals();
  return same ? shown : null;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
