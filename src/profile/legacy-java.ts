/**
 * Legacy Java heap and contention profiles (`--- heapz 1 ---`, `--- contentionz 1 ---`): `name =
 * value` attributes, samples `<value> <count> @ <frame ids>` (the count second, unlike every other
 * format), then the frame table. Heap samples are unsampled at Java's fixed 512 KiB rate.
 */
import { readJavaFrames } from './legacy-java-frames.js';
import { LegacyProfile } from './legacy-profile.js';
import { goParseInt, wrapInt64 } from './legacy-strconv.js';
import { unsampleHeapPair } from './legacy-unsample.js';
import { hexAddresses, parseFailure, trimSpace } from './legacy-text.js';

type JavaKind = 'heap' | 'contention';

/** The sampling rate of Java heap profiles, which do not say it. */
const JAVA_HEAP_RATE = 524288n;

/** A legacy Java heap or contention profile, or null when `text` is not one. */
export function parseLegacyJava(text: string): LegacyProfile | null {
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0) return null;
  const header = trimSpace(text.slice(0, firstEnd + 1));
  const kind: JavaKind | null = header === '--- heapz 1 ---' ? 'heap' : header === '--- contentionz 1 ---' ? 'contention' : null;
  if (!kind) return null;
  const lp = new LegacyProfile([]);
  const lines = new TerminatedLines(text, firstEnd + 1);
  if (!readAttributes(kind, lines, lp)) return null;
  readSamples(kind, lines, lp);
  readJavaFrames(text.slice(lines.pos), lp);
  return lp;
}

/** The lines of a text that end in `\n` (a last line without one is left for the frame table). */
class TerminatedLines {
  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  /** The next line, trimmed, without moving past it; null when no `\n` is left. */
  peek(): string | null {
    const end = this.text.indexOf('\n', this.pos);
    return end < 0 ? null : trimSpace(this.text.slice(this.pos, end));
  }

  advance(): void {
    this.pos = this.text.indexOf('\n', this.pos) + 1;
  }
}

/** Reads the attributes; false when one says this is not a Java profile of this kind. */
function readAttributes(kind: JavaKind, lines: TerminatedLines, lp: LegacyProfile): boolean {
  for (let line = lines.peek(); line !== null; lines.advance(), line = lines.peek()) {
    if (line === '') continue;
    const attribute = matchAttribute(line);
    if (!attribute) return true;
    const [name, value] = attribute;
    switch (`${kind}/${name}`) {
      case 'heap/format':
      case 'contention/format':
        if (value !== 'java') return false;
        break;
      case 'heap/resolution':
        lp.sampleTypes = [
          { type: 'inuse_objects', unit: 'count' },
          { type: 'inuse_space', unit: value },
        ];
        break;
      case 'contention/resolution':
        lp.sampleTypes = [
          { type: 'contentions', unit: 'count' },
          { type: 'delay', unit: value },
        ];
        break;
      case 'contention/sampling period':
        lp.periodType = { type: 'contentions', unit: 'count' };
        lp.period = Number(attributeNumber(line, value));
        break;
      case 'contention/ms since reset':
        lp.durationNanos = wrapInt64(attributeNumber(line, value) * 1000000n);
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Go's `[\w ]` (ASCII word characters and space). */
const isWordOrSpace = (c: string | undefined) => c !== undefined && /^[0-9A-Za-z_ ]$/.test(c);

/**
 * `name = value` as pprof's `([\w ]+)=([\w ]+)` finds it anywhere in the line: the first `=` with
 * such characters on both sides; name and value trimmed.
 */
function matchAttribute(line: string): [string, string] | null {
  for (let eq = line.indexOf('='); eq >= 0; eq = line.indexOf('=', eq + 1)) {
    if (!isWordOrSpace(line[eq - 1]) || !isWordOrSpace(line[eq + 1])) continue;
    let start = eq - 1;
    while (isWordOrSpace(line[start - 1])) start--;
    let end = eq + 1;
    while (isWordOrSpace(line[end])) end++;
    return [trimSpace(line.slice(start, eq)), trimSpace(line.slice(eq + 1, end))];
  }
  return null;
}

function attributeNumber(line: string, value: string): bigint {
  try {
    return goParseInt(value, 0);
  } catch (err) {
    throw parseFailure(`failed to parse attribute ${line}: ${(err as Error).message}`);
  }
}

/** Reads the samples, up to the first line that is not one. */
function readSamples(kind: JavaKind, lines: TerminatedLines, lp: LegacyProfile): void {
  for (let line = lines.peek(); line !== null; lines.advance(), line = lines.peek()) {
    if (line === '') continue;
    const sample = matchSample(line);
    if (!sample) return;
    let addresses: bigint[];
    try {
      addresses = hexAddresses(sample.frames);
    } catch (err) {
      throw parseFailure(`malformed sample: ${line}: ${(err as Error).message}`);
    }
    const count = sampleNumber(line, sample.count);
    const value = sampleNumber(line, sample.value);
    if (kind === 'heap') {
      if (count === 0n) throw parseFailure(`parsing sample ${line}: second value must be non-zero`);
      const [objects, bytes] = unsampleHeapPair(count, value, JAVA_HEAP_RATE);
      lp.addSample([Number(objects), Number(bytes)], addresses, Number(value / count));
    } else {
      const period = BigInt(lp.period);
      const scale = (n: bigint) => Number(period !== 0n ? wrapInt64(n * period) : n);
      lp.addSample([scale(count), scale(value)], addresses);
    }
  }
}

function sampleNumber(line: string, digits: string): bigint {
  try {
    return goParseInt(digits, 0);
  } catch (err) {
    throw parseFailure(`parsing sample ${line}: ${(err as Error).message}`);
  }
}

/**
 * A sample as pprof's ` *(\d+) +(\d+) +@ +([ x0-9a-f]*)` finds it anywhere in the line: the first
 * run of digits followed by spaces, digits, spaces, `@` and spaces. Linear, unlike the regexp in
 * a backtracking engine on a long line of digits.
 */
function matchSample(line: string): { value: string; count: string; frames: string } | null {
  for (const run of line.matchAll(/[0-9]+/g)) {
    SAMPLE_REST.lastIndex = run.index! + run[0].length;
    const rest = SAMPLE_REST.exec(line);
    if (rest) return { value: run[0], count: rest[1], frames: rest[2] };
  }
  return null;
}

/** What follows a sample's first number. */
const SAMPLE_REST = / +([0-9]+) +@ +([ x0-9a-f]*)/y;
