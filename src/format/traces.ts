import type { FrameTable } from '../analysis/graph/frames.js';
import { compareGoStrings } from '../analysis/values/labels.js';
import type { LabelLine, Trace } from '../analysis/reports/traces.js';

const SEPARATOR = '-----------+-------------------------------------------------------\n';
/** The value column of a frame line that is not a sample's first: `%10s` of ''. */
const BLANK = ' '.repeat(10);

/**
 * About how many characters (UTF-16 units) each chunk of the report holds: big enough that a
 * write per chunk costs little, small enough that nothing near the whole report is held.
 */
export const TRACE_CHUNK_CHARS = 64 * 1024;

/** What `traces` prints of the frame table: each location's frames, names and inline marks. */
export type TraceFrames = Pick<FrameTable, 'frameStart' | 'frameNode' | 'frameInline' | 'names'>;

/** Code points in `text`, as Go counts runes (a surrogate pair is one). */
function runeCount(text: string): number {
  let n = text.length;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) n--;
    }
  }
  return n;
}

/** Right-aligns in `width` columns counting code points, as Go's `%10s` does. */
function padRunes(text: string, width: number): string {
  const n = runeCount(text);
  return n >= width ? text : ' '.repeat(width - n) + text;
}

/** The traces report's first part: the profile's header labels. */
export function tracesHeader(headerLabels: readonly string[]): string {
  return headerLabels.join('\n') + '\n';
}

/**
 * The samples of the `traces` report, each between separators, as text made while `traces` is
 * read: chunks of about `chunkChars` characters (one sample's text more at most), the closing
 * separator in the last. Joined after `tracesHeader`, they are pprof's report byte for byte.
 */
export function* tracesBody(
  traces: Iterable<Trace>,
  frames: TraceFrames,
  chunkChars = TRACE_CHUNK_CHARS,
): Generator<string, void, undefined> {
  const stacks = new StackText(frames);
  const keys = new Map<string, string>();
  const line = (l: LabelLine) => {
    let key = keys.get(l.key);
    if (key === undefined) keys.set(l.key, (key = padRunes(l.key, 10)));
    return `${key}:  ${l.values.length === 1 ? l.values[0] : l.values.join(' ')}\n`;
  };
  // A group of label lines, `%10s:  v1 v2`, sorted as whole lines (padding included) like pprof.
  const group = (labels: readonly LabelLine[]) =>
    labels.length === 0 ? '' : labels.length === 1 ? line(labels[0]) : labels.map(line).sort(compareGoStrings).join('');
  let out = '';
  for (const t of traces) {
    out += SEPARATOR + group(t.stringLabels) + group(t.numericLabels) + stacks.of(t.locations, t.valueText);
    if (out.length >= chunkChars) {
      yield out;
      out = '';
    }
  }
  yield out + SEPARATOR;
}

/**
 * Each location's frame lines, made the first time the location is printed: a stack is then a
 * concatenation per location, not a formatted line per frame (a large profile prints millions).
 * They are joined from their pieces, which makes each one flat: V8 keeps a string built with `+`
 * as a tree of its parts, which writing every chunk it is in would walk again.
 */
class StackText {
  /** Per location: its lines after the value column of its first one (`   name\n` ...); '' until made. */
  private readonly afterValue: string[];
  /** Per location: its lines with the value column blank; '' until made. */
  private readonly blank: string[];

  constructor(private readonly frames: TraceFrames) {
    // Filled, not holey: V8 keeps a large array of holes as a dictionary, slow to read.
    this.afterValue = new Array<string>(frames.frameStart.length - 1).fill('');
    this.blank = new Array<string>(frames.frameStart.length - 1).fill('');
  }

  /** The lines of a stack, leaf first, with the sample's value before the first frame. */
  of(locations: Uint32Array, valueText: string): string {
    const { frameStart } = this.frames;
    let out = '';
    let first = true;
    for (const l of locations) {
      if (frameStart[l] === frameStart[l + 1]) continue;
      if (first) out = padRunes(valueText, 10) + (this.afterValue[l] || this.make(l, false));
      else out += this.blank[l] || this.make(l, true);
      first = false;
    }
    return out;
  }

  private make(l: number, blank: boolean): string {
    const { frameStart, frameNode, frameInline, names } = this.frames;
    const pieces: string[] = [];
    for (let f = frameStart[l]; f < frameStart[l + 1]; f++) {
      if (f > frameStart[l] || blank) pieces.push(BLANK);
      pieces.push('   ', names[frameNode[f]], frameInline[f] === 1 ? ' (inline)\n' : '\n');
    }
    const text = pieces.join('');
    (blank ? this.blank : this.afterValue)[l] = text;
    return text;
  }
}
