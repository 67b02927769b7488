/**
 * Timers of any length. Node's setTimeout takes at most 2^31 - 1 ms (24.8 days): past that it
 * warns (TimeoutOverflowWarning) and fires after 1 ms, so `-timeout=2147480` gave up at once and
 * `-every 600h` did not wait at all. A long wait here is a chain of shorter timers.
 */

/** The longest delay setTimeout honours. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The longest wait heapcli accepts: Go's time.Duration stops at 2^63 - 1 ns, about 292 years. */
export const MAX_WAIT_MS = Number((2n ** 63n - 1n) / 1_000_000n);

/** Calls `fire` once, `ms` from now, however long that is; returns a function that cancels it. */
export function setLongTimeout(fire: () => void, ms: number): () => void {
  const due = Date.now() + Math.max(0, ms);
  let timer: NodeJS.Timeout;
  const arm = (): void => {
    const left = due - Date.now();
    if (left <= MAX_TIMER_MS) timer = setTimeout(fire, Math.max(0, left));
    else timer = setTimeout(arm, MAX_TIMER_MS);
  };
  arm();
  return () => clearTimeout(timer);
}
