/**
 * Go's legacy count profiles (`goroutine profile: total 7`, `threadcreate profile: total 7`, as
 * `debug=1` writes them without `#` lines): `<count> @ <addresses>` lines, then maybe a memory map.
 */
import { readAdditionalSections } from './legacy-maps.js';
import { LegacyProfile } from './legacy-profile.js';
import { goParseInt, goParseUint } from './legacy-strconv.js';
import { LineScanner, isSpaceOrComment, minusOne, parseFailure } from './legacy-text.js';

const HEADER = /^([^\t\n\f\r ]+) profile: total [0-9]+$/;
const RECORD = /^([0-9]+) @((?: 0x[0-9a-f]+)+)$/;

/** A Go count profile, or null when `text` is not one. */
export function parseLegacyCount(text: string): LegacyProfile | null {
  const scanner = new LineScanner(text);
  while (scanner.scan() && isSpaceOrComment(scanner.text));
  // A line too long to read before the header: no header (pprof fails there; heapcli says so).
  if (scanner.failed) return null;
  const header = HEADER.exec(scanner.text);
  if (!header) return null;
  const kind = header[1];
  const lp = new LegacyProfile([{ type: kind, unit: 'count' }]);
  lp.periodType = { type: kind, unit: 'count' };
  lp.period = 1;
  while (scanner.scan()) {
    const line = scanner.text;
    if (isSpaceOrComment(line)) continue;
    if (line.startsWith('---')) break;
    const [count, addresses] = readRecord(line);
    // Return addresses point after the call; one less lands on it (the leaf's too, here).
    lp.addSample([Number(count)], addresses.map(minusOne));
  }
  scanner.check();
  readAdditionalSections(scanner, lp);
  return lp;
}

/** A record's count and addresses; pprof gives one reason for anything wrong in it. */
function readRecord(line: string): [bigint, bigint[]] {
  const m = RECORD.exec(line);
  try {
    if (!m) throw new Error();
    return [
      goParseInt(m[1], 0),
      m[2]
        .trim()
        .split(' ')
        .map((a) => goParseUint(a, 0)),
    ];
  } catch {
    throw parseFailure('malformed profile format');
  }
}
