const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The local time zone's abbreviation for `date` (e.g. `UTC`). UTC is read off toTimeString, which
 * is free; other zones ask Intl, whose first use costs ~25 ms of start-up.
 */
function zoneName(date: Date): string {
  if (date.toTimeString().endsWith('(Coordinated Universal Time)')) return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
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

/**
 * A duration in nanoseconds as Go's time.Duration prints it (`1m30s`, `1.5s`, `250ms`). Worked out
 * in integers, as Go does, so a duration of thousands of hours keeps every digit.
 */
export function formatGoDuration(nanos: number | bigint): string {
  const n = BigInt(nanos);
  if (n === 0n) return '0s';
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  if (abs < 1_000n) return `${sign}${abs}ns`;
  if (abs < 1_000_000n) return `${sign}${decimal(abs, 1_000n, 3)}µs`;
  if (abs < SECOND_NS) return `${sign}${decimal(abs, 1_000_000n, 6)}ms`;
  const hours = abs / HOUR_NS;
  const minutes = (abs % HOUR_NS) / MINUTE_NS;
  const seconds = decimal(abs % MINUTE_NS, SECOND_NS, 9);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

const SECOND_NS = 1_000_000_000n;
const MINUTE_NS = 60n * SECOND_NS;
const HOUR_NS = 60n * MINUTE_NS;

/** `value / unit` with its fraction's `digits` digits, trailing zeros (and a bare point) dropped. */
function decimal(value: bigint, unit: bigint, digits: number): string {
  const fraction = String(value % unit)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(value / unit) : `${value / unit}.${fraction}`;
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
