import { padLeft } from '../go/numbers.js';
import type { ListedFunction, Routine } from '../analysis/reports/source-lines.js';

/** A source file's lines, read as they are asked for. */
export interface SourceLines {
  /** Line `n` (from 1), or undefined past the last line pprof would read. */
  line(n: number): string | undefined;
}

/** A source file's lines, or the error reading it gave. */
export type ListSource = { readonly lines: SourceLines } | { readonly error: string };

/** How `list` prints: values and shares, and the source of each routine's file. */
export interface ListLayout {
  /** A value in the report's unit (`list` scales each value on its own under unit=minimum). */
  readonly formatValue: (v: number) => string;
  /** `value` as a share of the total, as pprof prints it. */
  readonly percentOfTotal: (v: number) => string;
  readonly source: (file: string) => ListSource;
}

/**
 * The `list` report: the total, then per function either `No source information for NAME` or one
 * ROUTINE block per file: its flat/cum header and the source lines in range, `.` for zero, or the
 * error when the file could not be read.
 */
export function formatList(total: number, functions: readonly ListedFunction[], layout: ListLayout): string {
  const out = [`Total: ${layout.formatValue(total)}`];
  const read = new Set<string>();
  for (const fn of functions) {
    if (fn.routines.length === 0) {
      out.push(`No source information for ${fn.name}`);
      continue;
    }
    for (const routine of fn.routines) out.push(...routineLines(fn.name, routine, layout, read));
  }
  return out.join('\n') + '\n';
}

/**
 * One ROUTINE block. A range that ends before it starts (a function whose start line is past its
 * sampled lines, as Go's package init functions can be) reads no line, so pprof opens no file for
 * it: the block is its header alone, with the file's error only if an earlier block of this
 * report tried the file (`read`).
 */
function routineLines(name: string, r: Routine, layout: ListLayout, read: Set<string>): string[] {
  const { formatValue } = layout;
  const out = [
    `ROUTINE ======================== ${name} in ${r.file}`,
    `${padLeft(formatValue(r.flat), 10)} ${padLeft(formatValue(r.cum), 10)} (flat, cum) ${layout.percentOfTotal(r.cum)} of Total`,
  ];
  if (r.start > r.end && !read.has(r.file)) return out;
  read.add(r.file);
  const source = layout.source(r.file);
  if ('error' in source) return [...out, ` Error: ${source.error}`];
  const orDot = (v: number) => (v === 0 ? '.' : formatValue(v));
  // The range may run past the end of the file: printing stops at its last line.
  for (let n = r.start; n <= r.end; n++) {
    const text = source.lines.line(n);
    if (text === undefined) break;
    const values = r.lines.get(n);
    out.push(`${padLeft(orDot(values?.flat ?? 0), 10)} ${padLeft(orDot(values?.cum ?? 0), 10)} ${padLeft(String(n), 6)}:${text}`);
  }
  return out;
}
