import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ConsoleView } from '../console-controller.js';
import type { Frame } from './live-region.js';
import type { ScreenSize } from './live-layout.js';
import { LiveArea } from './LiveArea.js';

/** Draws the live part for a view, now and (a spinner) later by itself. */
export interface FrameSource {
  show(view: ConsoleView): void;
  close(): void;
}

/** What Ink's frames are drawn with. */
export interface InkFramesOptions {
  readonly size: () => ScreenSize;
  readonly loading: string;
  readonly draw: (frame: Frame) => void;
}

/**
 * Where Ink writes its frames. Ink renders in debug mode, which writes each whole frame once and
 * does nothing else to the terminal: the live region decides where it goes and how the old one is
 * erased (see LiveRegion). Not a TTY, so Ink never hides or shows the cursor itself.
 */
class FrameSink extends EventEmitter {
  readonly isTTY = false;

  constructor(
    private readonly size: () => ScreenSize,
    private readonly take: (frame: string) => void,
  ) {
    super();
  }

  get columns(): number {
    return this.size().columns;
  }

  get rows(): number {
    return this.size().rows;
  }

  write(frame: string): boolean {
    this.take(frame);
    return true;
  }
}

/** Input Ink never reads: the console reads the terminal's keys itself, from its first moment. */
class NoInput extends EventEmitter {
  readonly isTTY = false;
}

/** The live part drawn by Ink: LiveArea rendered for each view, its frames handed to `draw`. */
export function startInkFrames(options: InkFramesOptions): FrameSource {
  let open = true;
  const sink = new FrameSink(options.size, (text) => {
    if (open) options.draw({ rows: text === '' ? [] : text.split('\n') });
  });
  const element = (view: ConsoleView) => <LiveArea view={view} size={options.size()} loading={options.loading} />;
  let instance: ReturnType<typeof render> | null = null;
  return {
    show(view) {
      if (instance === null) {
        instance = render(element(view), {
          stdout: sink as never,
          stdin: new NoInput() as never,
          debug: true,
          exitOnCtrlC: false,
          patchConsole: false,
        });
      } else instance.rerender(element(view));
    },
    close() {
      open = false;
      instance?.unmount();
    },
  };
}
