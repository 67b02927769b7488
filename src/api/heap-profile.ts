import { applyAssignment } from '../commands/assign.js';
import { commandOptions } from '../commands/command-options.js';
import { COMMANDS } from '../commands/table.js';
import { NO_SERIES_MESSAGE } from '../commands/report-growth.js';
import type { ExecResult, Session } from '../session.js';
import { writeFileWhole } from '../host/whole-file.js';
import { HeapcliError } from './errors.js';
import { growthTable, listTable, peekTable, topTable } from './typed-reports.js';
import type { GrowthTable, ListTable, PeekTable, ReportSettings, SampleType, TopTable } from './types.js';
import type { ReportOptions } from '../analysis/options.js';

/**
 * An opened profile (or several merged, or one against a base) and the console's settings on it.
 * `execute` answers a console line with the console's text; `top`, `list`, `peek` and `growth`
 * return the same reports as numbers.
 */
export class HeapProfile {
  /** @internal */
  constructor(
    private readonly session: Session,
    private readonly onMessage: (line: string) => void,
  ) {}

  /** The profile's sample types, in order (`sample_index` takes a name or a position). */
  get sampleTypes(): readonly SampleType[] {
    return this.session.analysis.profile.sampleTypes.map(({ type, unit }) => ({ type, unit }));
  }

  /** The current settings, by pprof's option names (what the console's `o` lists). */
  get settings(): Readonly<Record<string, string | number | boolean>> {
    return { ...this.session.options };
  }

  /**
   * Runs one console line (`top5`, `sample_index=alloc_space`, `list Grow`) and returns what the
   * console prints on stdout; what it prints on stderr goes to `onMessage`. A line redirected
   * with `>file` writes the file (whole or not at all) and returns ''; a file report (`proto`,
   * `callgrind`) must be redirected so. Throws HeapcliError, with
   * the console's message, when the line fails; the settings are then unchanged.
   */
  execute(line: string): string {
    const result = this.session.execute(line);
    this.tell(result.err);
    if (result.failed) throw new HeapcliError(result.err.trimEnd());
    // A file report (proto, callgrind) is bytes, not console text: it needs a file to go to.
    if (result.binary) throw new HeapcliError(`${line.trim().split(/\s+/)[0]} makes a file: name it with >file (or the output setting)`);
    // The library has no Graphviz or viewer port: web, eog, weblist... would only report that later.
    if (result.action)
      throw new HeapcliError(
        `${line.trim().split(/\s+/)[0]} opens a viewer, which the library API does not do; dot gives the graph as text`,
      );
    if (result.file) {
      writeText(result.file.path, result.file);
      return '';
    }
    return joined(result);
  }

  /** The `top` report as rows, as `heapcli -top` computes it (all rows unless nodecount is set). */
  top(settings: ReportSettings = {}): TopTable {
    return this.report(() => topTable(this.session.analysis, this.optionsFor('top', settings)));
  }

  /** `list regexp`: each matching function's sampled source lines, by file. */
  list(regexp: string, settings: ReportSettings = {}): ListTable {
    return this.report(() => listTable(this.session.analysis, this.optionsFor('list', settings), regexp));
  }

  /** `peek regexp`: each matching function with its callers and callees. */
  peek(regexp: string, settings: ReportSettings = {}): PeekTable {
    return this.report(() => peekTable(this.session.analysis, this.optionsFor('peek', settings), regexp));
  }

  /**
   * `growth`: the functions of a series of snapshots (several profiles opened together, without a
   * base) ranked by how steadily they grew; 20 rows unless nodecount is set.
   */
  growth(settings: ReportSettings = {}): GrowthTable {
    const series = this.session.series;
    if (series.length === 0) throw new HeapcliError(NO_SERIES_MESSAGE);
    return this.report(() => growthTable(series, this.optionsFor('growth', settings)));
  }

  /**
   * The options a one-shot `-command` runs with: the session's settings, `settings` applied for
   * this report (pprof's message on a bad one), then the command row's rules (list's lines, peek
   * untrimmed, growth's 20 rows), as the console applies them.
   */
  private optionsFor(command: 'top' | 'list' | 'peek' | 'growth', settings: ReportSettings): ReportOptions {
    return commandOptions(COMMANDS.get(command)!.rules, this.optionsWith(settings), {}, false);
  }

  /** The session's settings with `settings` applied for one report; pprof's message on a bad one. */
  private optionsWith(settings: ReportSettings): ReportOptions {
    let options = { ...this.session.options, compact_labels: false };
    for (const [name, value] of Object.entries(settings)) {
      try {
        options = applyAssignment(options, { name, value: String(value), bare: false }, this.session.analysis.profile).options;
      } catch (err) {
        throw new HeapcliError(`${name}: ${(err as Error).message}`);
      }
    }
    return options;
  }

  /** Runs a typed report, its failures as HeapcliError and its warnings to onMessage. */
  private report<T extends { readonly warnings: readonly string[] }>(make: () => T): T {
    let table: T;
    try {
      table = make();
    } catch (err) {
      if (err instanceof HeapcliError) throw err;
      throw new HeapcliError((err as Error).message);
    }
    for (const w of table.warnings) this.onMessage(w);
    return table;
  }

  private tell(err: string): void {
    for (const line of err.split('\n').slice(0, -1)) this.onMessage(line);
  }
}

/** A result's whole text: `out`, then its streamed rest. */
function joined(result: ExecResult): string {
  if (!result.rest) return result.out;
  const parts = [result.out];
  for (const chunk of result.rest) parts.push(chunk);
  return parts.join('');
}

/** Writes a redirected report, throwing HeapcliError with the file's name when it cannot. */
function writeText(path: string, file: NonNullable<ExecResult['file']>): void {
  const encoder = new TextEncoder();
  const bytes = file.bytes;
  if (bytes instanceof Promise) throw new HeapcliError(`${path}: this report is made asynchronously, which execute cannot wait for`);
  function* chunks(): Iterable<Uint8Array> {
    if (bytes !== undefined) return yield bytes as Uint8Array;
    yield encoder.encode(file.text);
    if (file.rest) for (const chunk of file.rest) yield encoder.encode(chunk);
  }
  try {
    writeFileWhole(path, chunks());
  } catch (err) {
    throw new HeapcliError((err as Error).message);
  }
}
