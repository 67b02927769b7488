import type { Assignment } from '../../commands/parse.js';
import { Session } from '../../session.js';
import { type LoadPlan, type Loaded, loadFailureText, loadPlan } from '../../inputs/plan.js';
import { SourceError } from '../../inputs/inputs.js';
import { ProfileError } from '../../profile/errors.js';
import { normalizeProfile } from '../../profile/merge.js';
import { ConsoleController } from '../console-controller.js';
import { listPaths } from '../../host/report-files.js';
import { History, historyPath } from '../history.js';
import { type ConsoleInfo, InProcessRunner, InterruptFlag, type SessionRunner, consoleInfo, greetingFor } from '../runner.js';
import { diskSourceFiles } from '../../host/source-files.js';
import { systemGraphics } from '../../host/graphics.js';
import type { FrameSource, InkFramesOptions } from './ink-frames.js';
import { type ScreenSize, plainFrame } from './live-layout.js';
import { RawKeys, type TerminalInput } from './raw-input.js';
import { TerminalOutput, screenSize } from './terminal-output.js';
import { paintFlame } from './flame/flame-paint.js';
import type { FirstPrompt, ReadProfile } from './first-prompt.js';
import { leaveOnSignals } from './signals.js';

/** What the terminal console is started with. */
export interface TerminalConsoleOptions {
  readonly plan: LoadPlan;
  /** The greeting and prompt already on screen, and the profile read for them (cli/first-prompt.ts). */
  readonly shown: FirstPrompt | null;
  readonly assignments: readonly Assignment[];
  /** The inputs as the spinner names them (a URL with the query pprof adds). */
  readonly shownSources: readonly string[];
  /** True for small local files (a quick run's): the session runs on this thread, not a worker. */
  readonly inProcess: boolean;
  /** Loads Ink and the live area it draws (kept apart: the prompt does not wait for it). */
  readonly loadInk: () => Promise<{ startInkFrames(options: InkFramesOptions): FrameSource }>;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: TerminalInput;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * Runs the console in a terminal until the user leaves; resolves to the exit status (0, 1 when the
 * profile failed to load or the session died, 130 for Ctrl-C while loading).
 */
export function runTerminalConsole(o: TerminalConsoleOptions): Promise<number> {
  return new Promise((resolve) => new TerminalConsole(o, resolve).start());
}

/**
 * The console's parts put together. The prompt comes as soon as the profile is read: keys are read
 * from the start, and the live part is drawn as plain text until Ink has loaded (in the
 * background), then by Ink.
 */
class TerminalConsole {
  private readonly keys: RawKeys;
  private readonly output: TerminalOutput;
  private readonly controller: ConsoleController;
  private readonly loadingLabel: string;
  private frames: FrameSource;
  /** Leaving while the worker still loads (Ctrl-C) stops it, or the process would wait for it. */
  private readonly loading = new AbortController();
  private readonly stopOnSignals: () => void;
  private readonly redraw = () => {
    const { view } = this.controller;
    this.frames.show(view);
    if (view.phase === 'flame' && view.flame) this.output.drawFullScreen(paintFlame(view.flame, this.size(), this.output.colour));
  };
  private resizing: NodeJS.Timeout | undefined;
  /**
   * A resize redraws once the window has kept its size for a moment: dragging its edge sends a
   * burst of them, and each redraw counts the rows to go back up at the width it reads.
   */
  private readonly resized = () => {
    clearTimeout(this.resizing);
    this.resizing = setTimeout(this.redraw, RESIZE_SETTLE_MS);
  };

  constructor(
    private readonly o: TerminalConsoleOptions,
    private readonly done: (status: number) => void,
  ) {
    this.keys = new RawKeys(o.stdin);
    this.output = new TerminalOutput({ stdout: o.stdout, stderr: o.stderr }, o.stdout.isTTY === true && !o.env.NO_COLOR);
    this.loadingLabel = `Loading ${o.shownSources.join(' ')}`;
    this.frames = { show: (view) => this.output.drawLive(plainFrame(view, this.size(), this.loadingLabel)), close: () => {} };
    this.stopOnSignals = leaveOnSignals(() => this.restoreTerminal());
    o.shown?.stopSignals();
    if (o.shown) this.output.region.takeOver(o.shown.frame, o.shown.columns);
    const history = History.load(historyPath(o.env));
    const flameScreen = {
      columns: () => this.size().columns,
      enter: () => this.output.enterAltScreen(),
      leave: () => this.output.leaveAltScreen(),
    };
    this.controller = new ConsoleController({
      history,
      output: this.output,
      listPaths,
      onChange: this.redraw,
      onExit: (status) => this.finish(status),
      flameScreen,
    });
  }

  /** Shows the loading line (or takes the first prompt over), reads keys, starts the session and, meanwhile, Ink. */
  start(): void {
    const { o, controller } = this;
    o.stdout.on('resize', this.resized);
    if (o.shown) return this.takeOver(o.shown);
    this.listen();
    const started = o.inProcess ? startHere(o) : this.startWorker();
    started.then(
      ({ runner, info }) => controller.start(runner, info),
      (err: Error) => controller.fail(err.message),
    );
    // Ink loads once the prompt is up (a profile read here) or while the worker reads the profile.
    const inkTime = o.inProcess ? started.catch(() => {}) : Promise.resolve();
    void inkTime.then(() => setImmediate(() => this.switchToInk()));
  }

  /**
   * Takes over the greeting and prompt the first prompt drew. The session opens on the profile it
   * read or, for one larger than a quick run's, in the worker, which reads the file again while the
   * prompt waits as drawn; keys typed meanwhile are read once the session is there, in order.
   */
  private takeOver(shown: FirstPrompt): void {
    const { o, controller } = this;
    const read = shown.takeProfile();
    const started = o.inProcess && read ? Promise.resolve().then(() => openShownHere(o, shown.source, read)) : this.startWorker();
    void started
      .then(
        ({ runner, info }) => controller.start(runner, info, true),
        (err: Error) => controller.fail(err.message),
      )
      .then(() => {
        if (controller.view.phase === 'done') return;
        this.listen();
        setImmediate(() => this.switchToInk());
      });
  }

  /** Reads the keys, those typed so far first, and draws the live part. */
  private listen(): void {
    this.keys.listen((pressed) => this.controller.press(pressed));
    this.redraw();
  }

  /** The session in a worker thread; its module (and Node's worker_threads) load only for a profile read there. */
  private startWorker(): Promise<{ runner: SessionRunner; info: ConsoleInfo }> {
    return import('../worker-runner.js').then((w) => w.startWorkerSession(this.o.plan, this.o.assignments, this.loading.signal));
  }

  private size(): ScreenSize {
    return screenSize(this.o.stdout);
  }

  /** Draws with Ink from now on, unless the console has ended; if Ink fails to load, the plain frames stay. */
  private switchToInk(): void {
    const ended = () => this.controller.view.phase === 'done';
    if (ended()) return;
    this.o.loadInk().then(
      ({ startInkFrames }) => {
        if (ended()) return;
        this.frames = startInkFrames({ size: () => this.size(), loading: this.loadingLabel, draw: (frame) => this.output.drawLive(frame) });
        this.redraw();
      },
      () => {},
    );
  }

  private restoreTerminal(): void {
    this.frames.close();
    this.keys.close();
    this.output.release();
  }

  private finish(status: number): void {
    this.stopOnSignals();
    this.loading.abort();
    this.o.stdout.off('resize', this.resized);
    clearTimeout(this.resizing);
    this.restoreTerminal();
    this.done(status);
  }
}

/** How long the window must keep its size before the live part is drawn again. */
const RESIZE_SETTLE_MS = 40;

/** Loads the profile on this thread (small local files only) and runs the session here. */
async function startHere(o: TerminalConsoleOptions): Promise<{ runner: SessionRunner; info: ConsoleInfo }> {
  const notices: string[] = [];
  let loaded;
  try {
    loaded = await loadPlan(o.plan, (line) => notices.push(line));
  } catch (err) {
    // Reported as the one-shot CLI reports it (pprof's words).
    if (err instanceof SourceError || err instanceof ProfileError) throw new Error(loadFailureText(err).trimEnd());
    throw err;
  }
  return openHere(o, loaded, notices);
}

/** A session on this thread on the profile the first prompt read from `source` (normalised now, if it is not yet). */
function openShownHere(o: TerminalConsoleOptions, source: string, read: ReadProfile): { runner: SessionRunner; info: ConsoleInfo } {
  const profile = read.normalized ? read.profile : normalizeProfile(read.profile);
  return openHere(o, { profile, series: [], merged: [source] }, []);
}

/** A session on this thread on what was loaded, and what the console shows of it. */
function openHere(o: TerminalConsoleOptions, loaded: Loaded, notices: readonly string[]): { runner: SessionRunner; info: ConsoleInfo } {
  const flag = new InterruptFlag();
  const { session, failure } = Session.open(loaded.profile, {
    interactive: true,
    series: loaded.series,
    sources: diskSourceFiles(o.env),
    graphics: systemGraphics(o.env),
    checkpoint: flag.check,
    assignments: o.assignments,
  });
  if (failure !== null) throw new Error(`heapcli: ${failure}`);
  // The first `top`'s sums are made once the prompt is up, while the user types.
  setImmediate(() => session.prepareFirstReport());
  const info = consoleInfo(session);
  return { runner: new InProcessRunner(session, flag), info: { ...info, greeting: greetingFor(info, notices, loaded.merged) } };
}
