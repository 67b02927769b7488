import type { Profile } from '../../profile/model.js';
import { EMPTY_LINE } from '../line-editor.js';
import { promptRows } from './live-layout.js';
import { type Frame, LiveRegion } from './live-region.js';
import { leaveOnSignals } from './signals.js';
import { showControls } from './visible-controls.js';

/**
 * A console's greeting and prompt, on screen before the console itself has loaded: what the
 * console takes over (TerminalConsoleOptions.shown).
 */
export interface FirstPrompt {
  /** The profile file the console opens, as given. */
  readonly source: string;
  /**
   * The profile read from it, and whether it is normalised yet (normalizeProfile): given once, and
   * let go of then (the launcher keeps this object to the end; a worker reads the file again).
   */
  readonly takeProfile: () => ReadProfile | null;
  /** The live part as drawn: the empty prompt, laid out `columns` wide. */
  readonly frame: Frame;
  readonly columns: number;
  /** Stops the signal handlers that give the terminal back until the console has its own. */
  readonly stopSignals: () => void;
}

/** A profile as read, normalised or not. */
export interface ReadProfile {
  readonly profile: Profile;
  readonly normalized: boolean;
}

/**
 * The terminal the first prompt is drawn on, by descriptor: a stream over it would load Node's
 * stream modules first (3 ms); its input is opened only once the prompt is up, for raw mode.
 */
export interface PromptTerminal {
  writeOut(text: string): void;
  /** Writes to standard error, where the console prints its greeting. */
  writeError(text: string): void;
  stdin(): { setRawMode(raw: boolean): unknown };
}

/**
 * The size the prompt is laid out for. Its width is not known before a stream is opened, and an
 * empty prompt takes one row on any screen at least 9 columns wide; the console redraws it at
 * its screen's width when it takes over (LiveRegion.takeOver).
 */
const ASSUMED_SIZE = { columns: 80, rows: 24 };

/**
 * Prints `greeting` and draws the prompt below it as the console draws them, then puts the
 * terminal in raw mode: keys typed from now on wait, unechoed, for the console to read them.
 */
export function drawFirstPrompt(source: string, read: ReadProfile, greeting: string, terminal: PromptTerminal): FirstPrompt {
  // Keys typed before now were echoed by the terminal; a line left unfinished is erased, as the
  // console's first frame erases it.
  terminal.writeOut('\r\x1b[2K');
  terminal.writeError(showControls(greeting));
  const region = new LiveRegion({ write: (text) => terminal.writeOut(text), ...ASSUMED_SIZE });
  const frame = { rows: promptRows(EMPTY_LINE, ASSUMED_SIZE) };
  region.draw(frame);
  const stdin = terminal.stdin();
  stdin.setRawMode(true);
  const stopSignals = leaveOnSignals(() => {
    region.release();
    stdin.setRawMode(false);
  });
  let held: ReadProfile | null = read;
  const takeProfile = () => {
    const taken = held;
    held = null;
    return taken;
  };
  return { source, takeProfile, frame, columns: ASSUMED_SIZE.columns, stopSignals };
}
