/**
 * Legacy thread profiles (`--- threadz 1 ---`): one stack per thread (`--- Thread 7f79.. (name:
 * main/14748) stack: ---` and lines of addresses), `--same as previous thread` for a repeat, then
 * maybe a memory map. Each thread counts one.
 */
import { readAdditionalSections } from './legacy-maps.js';
import { LegacyProfile } from './legacy-profile.js';
import { LineScanner, hexAddresses, isMemoryMapSentinel, isSpaceOrComment, minusOne, parseFailure, trimSpace } from './legacy-text.js';

const THREADZ_HEADER = /--- threadz [0-9]+ ---/;
const THREAD_HEAD = /--- Thread [0-9A-Fa-f]+ \(name: /;
const THREAD_TAIL = /\/[0-9]+\) stack: ---/;

/** `--- Thread <hex> (name: <name>/<tid>) stack: ---` anywhere in the line (pprof's regexp, in linear time). */
function isThreadStart(line: string): boolean {
  const head = THREAD_HEAD.exec(line);
  return head !== null && THREAD_TAIL.test(line.slice(head.index + head[0].length));
}

/** A legacy thread profile, or null when `text` is not one. */
export function parseLegacyThread(text: string): LegacyProfile | null {
  const scanner = new LineScanner(text);
  while (scanner.scan() && isSpaceOrComment(scanner.text));
  if (scanner.failed) return null;
  let line = scanner.text;
  if (THREADZ_HEADER.test(line)) {
    // Past the header's comments, to the first thread.
    while (scanner.scan()) {
      line = scanner.text;
      if (isMemoryMapSentinel(line) || line.startsWith('-')) break;
    }
  } else if (!isThreadStart(line)) return null;
  const lp = new LegacyProfile([{ type: 'thread', unit: 'count' }]);
  lp.periodType = { type: 'thread', unit: 'count' };
  lp.period = 1;
  while (!isMemoryMapSentinel(line)) {
    if (line.startsWith('---- no stack trace for')) break;
    // pprof gives up on a profile that does not end in a section or map it knows.
    if (!isThreadStart(line)) return null;
    const thread = readThread(scanner);
    line = thread.next;
    if (thread.addresses.length > 0)
      lp.addSample(
        [1],
        thread.addresses.map((a, i) => (i > 0 ? minusOne(a) : a)),
      );
    // A repeat of the thread before (or a thread without a stack) counts for that one.
    else if (lp.samples.length > 0) lp.samples[lp.samples.length - 1].values[0]++;
  }
  readAdditionalSections(scanner, lp);
  dropRepeatedLeaves(lp);
  return lp;
}

/** One thread's addresses (none for a repeat), and the trimmed line after them. */
function readThread(scanner: LineScanner): { next: string; addresses: bigint[] } {
  let line = '';
  let repeat = false;
  const addresses: bigint[] = [];
  while (scanner.scan()) {
    line = trimSpace(scanner.text);
    if (line === '') continue;
    if (line.startsWith('---')) break;
    if (line.includes('same as previous thread')) {
      repeat = true;
      continue;
    }
    try {
      addresses.push(...hexAddresses(line));
    } catch (err) {
      throw parseFailure(`malformed sample: ${line}: ${(err as Error).message}`);
    }
  }
  scanner.check();
  return { next: line, addresses: repeat ? [] : addresses };
}

/** The leaf can come twice, from the signal context and from unwinding (less one): once is kept. */
export function dropRepeatedLeaves(lp: LegacyProfile): void {
  for (const s of lp.samples) {
    if (s.locations.length > 1 && s.locations[0].address === BigInt.asUintN(64, s.locations[1].address + 1n)) s.locations.splice(1, 1);
  }
}
