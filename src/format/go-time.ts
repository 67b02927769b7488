const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The local time zone's abbreviation for `date` (e.g. `UTC`). UTC is read off toTimeString, which
 * is free; other zones ask Intl, whose first use costs ~25 ms of start-up.
 */
function zoneName(date: Date): string {
  if (date.toTimeString().endsWith('(Coordinated Universal Time)')) return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

/** A time in Go's layout `Jan 2, 2006 at 3:04pm (MST)`, in the local time zone (TZ). */
export function formatProfileTime(timeNanos: bigint): string {
  const date = new Date(Number(timeNanos / 1_000_000n));
  const hour = date.getHours() % 12 === 0 ? 12 : date.getHours() % 12;
  const minute = String(date.getMinutes()).padStart(2, '0');
  const meridiem = date.getHours() < 12 ? 'am' : 'pm';
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()} at ${hour}:${minute}${meridiem} (${zoneName(date)})`;
}

/** A duration in nanoseconds as Go's time.Duration prints it (`1m30s`, `1.5s`, `250ms`). */
export function formatGoDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  const sign = nanos < 0 ? '-' : '';
  const abs = Math.abs(nanos);
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${trimFraction(abs / 1e3)}µs`;
  if (abs < 1e9) return `${sign}${trimFraction(abs / 1e6)}ms`;
  const hours = Math.floor(abs / 3.6e12);
  const minutes = Math.floor((abs % 3.6e12) / 6e10);
  const seconds = trimFraction((abs % 6e10) / 1e9);
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

function trimFraction(value: number): string {
  return value.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
}

/** A time as Go's `%v` prints a time.Time: `2006-01-02 15:04:05.999999999 -0700 MST`, local zone. */
export function formatGoTimeValue(timeNanos: bigint): string {
  const millis = timeNanos / 1_000_000n;
  const date = new Date(Number(millis));
  const two = (n: number) => String(n).padStart(2, '0');
  const nanos = Number(((timeNanos % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n);
  const fraction = nanos === 0 ? '' : `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  const offset = -date.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${day} ${clock}${fraction} ${zone} ${zoneName(date)}`;
}
