import type { LabelLine, Trace } from '../analysis/label-reports.js';
import { compareGoStrings } from '../analysis/labels.js';

const SEPARATOR = '-----------+-------------------------------------------------------';

/** Right-aligns in `width` columns counting code points, as Go's `%10s` does. */
function padRunes(text: string, width: number): string {
  const n = [...text].length;
  return n >= width ? text : ' '.repeat(width - n) + text;
}

/** A group of label lines, `%10s:  v1 v2`, sorted as whole lines (padding included) like pprof. */
function labelLines(labels: readonly LabelLine[]): string {
  return labels
    .map((l) => `${padRunes(l.key, 10)}:  ${l.values.join(' ')}\n`)
    .sort(compareGoStrings)
    .join('');
}

/** The `traces` report: header labels, then each sample between separators. */
export function formatTraces(headerLabels: readonly string[], traces: readonly Trace[]): string {
  let out = headerLabels.join('\n') + '\n';
  for (const t of traces) {
    out += SEPARATOR + '\n' + labelLines(t.stringLabels) + labelLines(t.numericLabels);
    t.frames.forEach((frame, i) => {
      out += `${padRunes(i === 0 ? t.valueText : '', 10)}   ${frame.name}${frame.inline ? ' (inline)' : ''}\n`;
    });
  }
  return out + SEPARATOR + '\n';
}
