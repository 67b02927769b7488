import { existsSync } from 'node:fs';
import type { Assignment } from '../commands/parse.js';
import { ProfileError } from '../profile/errors.js';
import { Session } from '../session.js';
import { type LoadPlan, loadFailureText, loadPlan } from '../inputs/plan.js';
import { SourceError } from '../inputs/inputs.js';
import { diskSourceFiles } from '../host/source-files.js';
import { renderGraph } from '../host/graphics.js';
import { isLoopback, parseHttpAddress, urlHost } from './address.js';
import { NO_BROWSER, browserCommands, openBrowser } from './browser.js';
import { startWebServer } from './server.js';

/** What `heapcli -http=...` was asked for. */
export interface WebRun {
  readonly plan: LoadPlan;
  readonly assignments: readonly Assignment[];
  /** -http's value, `[host]:port`. */
  readonly http: string;
  readonly noBrowser: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly stderr: NodeJS.WritableStream;
  /** The URL of the running CLI module: the page's script is looked for beside it (webAssets). */
  readonly bundleUrl: string;
}

/**
 * Loads the profiles, starts the web UI and opens a browser on it unless -no_browser. Resolves
 * to the exit status: 1 when nothing could be served, else never (until the server closes).
 */
export async function runWebUi(run: WebRun): Promise<number> {
  const { stderr } = run;
  const address = parseHttpAddress(run.http);
  if ('error' in address) return fail(stderr, address.error);
  let session: Session;
  try {
    const loaded = await loadPlan(run.plan, (line) => stderr.write(`${line}\n`));
    session = new Session(loaded.profile, { interactive: false, sources: diskSourceFiles(run.env), series: loaded.series });
  } catch (err) {
    if (!(err instanceof SourceError || err instanceof ProfileError)) throw err;
    stderr.write(loadFailureText(err));
    return 1;
  }
  for (const assignment of run.assignments) {
    const failure = session.configure(assignment);
    if (failure) return fail(stderr, `heapcli: ${failure}`);
  }
  let started;
  try {
    started = await startWebServer({
      session,
      address,
      assetsDir: webAssets(run.bundleUrl),
      svg: (dot) => renderGraph(dot, 'svg', run.env),
    });
  } catch (err) {
    return fail(stderr, `listen tcp ${urlHost(address.host)}:${address.port}: ${(err as Error).message}`);
  }
  const url = `http://${urlHost(started.address.host)}:${started.address.port}`;
  stderr.write(`Serving web UI on ${url}\n`);
  if (!isLoopback(address.host))
    stderr.write(`heapcli: ${address.host} is not a loopback address: whoever reaches ${url} can read this profile\n`);
  if (!run.noBrowser && !(await openBrowser(url, browserCommands(run.env, process.platform), run.env))) stderr.write(NO_BROWSER);
  return new Promise((resolve) => started.server.once('close', () => resolve(0)));
}

/**
 * The folder of the page's script: `web/` beside the bundle (dist/bundle/cli.cjs), else the built
 * bundle's seen from dist/cli/ or src/cli/ (tests that run the sources).
 */
export function webAssets(bundleUrl: string): URL {
  const candidates = ['./web/', '../bundle/web/', '../../dist/bundle/web/'].map((path) => new URL(path, bundleUrl));
  return candidates.find((dir) => existsSync(new URL('app.js', dir))) ?? candidates[0];
}

function fail(stderr: NodeJS.WritableStream, message: string): number {
  stderr.write(`${message}\n`);
  return 1;
}
