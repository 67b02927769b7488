/** Signals that end the console from outside (a closed terminal, kill), and their numbers. */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/**
 * Leaves on SIGHUP, SIGINT (only `kill` sends it: the terminal's Ctrl-C is a key in raw mode) and
 * SIGTERM with the terminal as it was (cursor shown, raw mode off) and status 128 + the signal's
 * number, as a shell reports a death by signal. Returns the function that stops listening.
 */
export function leaveOnSignals(restore: () => void): () => void {
  const handlers = Object.entries(SIGNALS).map(([signal, number]) => {
    const handler = () => {
      restore();
      process.exit(128 + number);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}
