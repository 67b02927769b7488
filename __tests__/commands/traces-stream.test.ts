/**
 * `traces` (and `raw`) streamed: the header in `out`, the samples in `rest`, made as they are read.
 * Joined, the chunks are pprof's report byte for byte (the goldens) and what a plain per-frame
 * layout of the same samples prints; they come in bounded chunks, lazily, and stop on an interrupt.
 * `>file` and `-output` write the whole text.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { numLabelUnits } from '../../src/analysis/values/labels.js';
import { traceReport } from '../../src/analysis/reports/traces.js';
import { TRACE_CHUNK_CHARS, tracesBody } from '../../src/format/traces.js';
import { formatRaw } from '../../src/format/raw.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import type { Profile } from '../../src/profile/model.js';
import { Interrupted, Session, type ExecResult } from '../../src/session.js';
import { writeReportFile } from '../../src/host/report-files.js';
import { printResult } from '../../src/ui/print-result.js';
import { PROFILES, golden } from '../helpers/goldens.js';
import { runHeapcli } from '../helpers/run-cli.js';
import { profileOf } from '../helpers/stack-profile.js';

process.env.TZ = 'UTC';

const dir = mkdtempSync(join(tmpdir(), 'heapcli-traces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const profileFiles = readdirSync(PROFILES).filter((f) => /\.(pb\.gz|txt)$/.test(f));
const loaded = new Map<string, Profile>();
const profile = (file: string) => loaded.get(file) ?? loaded.set(file, loadProfileFile(join(PROFILES, file))).get(file)!;

/** The chunks of a result's `rest`, taken one by one. */
const chunksOf = (result: { rest?: Iterable<string> }) => [...(result.rest ?? [])];
/** A one-shot session's answer to `line` (option assignments first). */
function oneShot(p: Profile, ...lines: string[]): ExecResult {
  const session = new Session(p, { interactive: false });
  for (const line of lines.slice(0, -1)) expect(session.execute(line).failed).toBeFalsy();
  return session.execute(lines[lines.length - 1]);
}

/** `traces` laid out the plain way, a formatted line per frame, from the same analysis. */
function plainTraces(p: Profile, ...settings: string[]): string {
  const session = new Session(p, { interactive: false });
  for (const line of settings) session.execute(line);
  const r = session.analysis.prepare(session.options);
  const { frameStart, frameNode, frameInline, names } = r.frames;
  const pad = (text: string) => ' '.repeat(Math.max(0, 10 - [...text].length)) + text;
  const group = (labels: readonly { key: string; values: readonly string[] }[]) =>
    labels
      .map((l) => `${pad(l.key)}:  ${l.values.join(' ')}\n`)
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
      .join('');
  let out = '';
  for (const t of traceReport(r, numLabelUnits(p).units)) {
    out += '-----------+-------------------------------------------------------\n' + group(t.stringLabels) + group(t.numericLabels);
    let first = true;
    for (const l of t.locations) {
      for (let f = frameStart[l]; f < frameStart[l + 1]; f++) {
        out += `${pad(first ? t.valueText : '')}   ${names[frameNode[f]]}${frameInline[f] === 1 ? ' (inline)' : ''}\n`;
        first = false;
      }
    }
  }
  return out + '-----------+-------------------------------------------------------\n';
}

/** A profile of `n` samples with distinct deep stacks, big enough for many chunks. */
const many = (n: number) =>
  profileOf(Array.from({ length: n }, (_, i) => [`main>serve>handle${i % 97}>decode+parse>alloc${i % 13}`, 1024 * (1 + (i % 50))]));

describe('traces streamed, joined, is the whole report', () => {
  it.each(profileFiles)('%s', (file) => {
    const result = oneShot(profile(file), 'traces');
    expect(result.failed).toBeFalsy();
    expect(result.out).not.toContain('-----------+');
    const joined = result.out + chunksOf(result).join('');
    // pprof printed each .pb.gz's report (the legacy .txt ones have no traces golden).
    if (file.endsWith('.pb.gz')) expect(joined).toBe(golden(`${file.replace(/\.pb\.gz$/, '')}.traces`, 'out'));
    expect(joined.slice(result.out.length)).toBe(plainTraces(profile(file)));
  });

  it.each([
    ['noinlines=true'],
    ['granularity=lines'],
    ['granularity=addresses'],
    ['focus=main'],
    ['hide=runtime'],
    ['mean=true'],
    ['sample_index=0'],
  ])('with %s, as the plain layout prints it', (setting) => {
    for (const file of ['labels.heap.pb.gz', 'leakybuf.heap.pb.gz', 'recurse.heap.txt']) {
      const result = oneShot(profile(file), setting, 'traces');
      expect(chunksOf(result).join('')).toBe(plainTraces(profile(file), setting));
    }
  });
});

describe('traces layout', () => {
  it('pads label keys and values to 10 code points, as Go counts runes, and sorts label lines by bytes', () => {
    // One location with an inlined frame: frames 0 (inlined) and 1, names by node.
    const frames = {
      frameStart: Uint32Array.from([0, 2]),
      frameNode: Int32Array.from([0, 1]),
      frameInline: Uint8Array.from([1, 0]),
      names: ['inner', 'outer'],
    };
    const trace = {
      stringLabels: [
        { key: '\u{1d518}x', values: ['a', 'b'] },
        { key: 'zz', values: ['c'] },
        { key: '\u00e9t\u00e9', values: ['d'] },
      ],
      numericLabels: [],
      valueText: '\u{1d518}kB',
      locations: Uint32Array.from([0]),
    };
    expect([...tracesBody([trace], frames)].join('')).toBe(
      [
        '-----------+-------------------------------------------------------',
        // Whole lines by bytes: 8 spaces before 7 spaces and a letter; 'z' before U+1D518.
        '        zz:  c',
        '        \u{1d518}x:  a b',
        '       \u00e9t\u00e9:  d',
        '       \u{1d518}kB   inner (inline)',
        '             outer',
        '-----------+-------------------------------------------------------',
        '',
      ].join('\n'),
    );
  });
});

describe('traces chunks', () => {
  it('are bounded: about TRACE_CHUNK_CHARS, one sample more at most, and many for a big profile', () => {
    const p = many(20_000);
    const chunks = chunksOf(oneShot(p, 'traces'));
    const longestSample = Math.max(
      ...plainTraces(p)
        .split(/(?=-----------\+)/)
        .map((s) => s.length),
    );
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(TRACE_CHUNK_CHARS + longestSample);
    expect(chunks.join('')).toBe(plainTraces(p));
  });

  it('of any size join to the same text', () => {
    const p = profile('labels.heap.pb.gz');
    const r = new Session(p, { interactive: false }).analysis.prepare({ ...new Session(p, { interactive: false }).options });
    const whole = [...tracesBody(traceReport(r, numLabelUnits(p).units), r.frames)].join('');
    for (const size of [1, 100, 1000]) {
      const chunks = [...tracesBody(traceReport(r, numLabelUnits(p).units), r.frames, size)];
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join('')).toBe(whole);
    }
  });

  it('are made as they are read: the first chunk reads a few thousand samples, not all', () => {
    let checkpoints = 0;
    const session = new Session(many(40_000), { interactive: false, checkpoint: () => checkpoints++ });
    const result = session.execute('traces');
    const before = checkpoints;
    const chunks = result.rest![Symbol.iterator]();
    expect(chunks.next().done).toBe(false);
    // The walk checks in every 4,096 samples: 10 times for the whole profile.
    expect(checkpoints - before).toBe(1);
    while (!chunks.next().done);
    expect(checkpoints - before).toBe(10);
  });
});

describe('an interrupt while traces is read', () => {
  /** A console session whose checkpoint throws once `armed` is set, as Ctrl-C makes it do. */
  function interruptible() {
    const state = { armed: false };
    const session = new Session(many(40_000), {
      interactive: true,
      checkpoint: () => {
        if (state.armed) throw new Interrupted();
      },
    });
    return { session, state };
  }

  it('stops the chunks with Interrupted', () => {
    const { session, state } = interruptible();
    const chunks = session.execute('traces').rest![Symbol.iterator]();
    let taken = 0;
    for (; taken < 3; taken++) expect(chunks.next().done).toBe(false);
    state.armed = true;
    expect(() => {
      for (;;) if (chunks.next().done) break;
    }).toThrow(Interrupted);
  });

  it('is reported by the console as the command failing with `interrupted`, the part made before printed', async () => {
    const { session, state } = interruptible();
    let stdout = '';
    let stderr = '';
    let written = 0;
    const io = {
      input: Readable.from([]),
      stdout: { write: (text: string) => ((stdout += text), ++written === 3 && (state.armed = true)) },
      stderr: { write: (text: string) => (stderr += text) },
      writeFile: writeReportFile,
    };
    expect(await printResult(session.execute('traces'), io)).toBe(false);
    expect(stderr).toBe('interrupted\n');
    expect(stdout).toMatch(/^File: app\nType: inuse_space\n-----------\+/);
    expect(stdout.length).toBeLessThan(plainTraces(many(40_000)).length);
  });
});

describe('a streamed report written to a file', () => {
  const whole = (file: string) => golden(`${file.replace(/\.pb\.gz$/, '')}.traces`, 'out');

  it('`traces >file` in the console writes the whole text', async () => {
    const path = join(dir, 'console.txt');
    const run = await runHeapcli([join(PROFILES, 'labels.heap.pb.gz')], `traces >${path}\nquit\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`Generating report in ${path}\n`);
    expect(readFileSync(path, 'utf8')).toBe(whole('labels.heap.pb.gz'));
  });

  it('-traces -output=file writes the whole text, and nothing to stdout', async () => {
    const path = join(dir, 'oneshot.txt');
    const run = await runHeapcli(['-traces', `-output=${path}`, join(PROFILES, 'leakybuf.heap.pb.gz')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(whole('leakybuf.heap.pb.gz'));
  });

  it('writeReportFile writes text and every chunk, and a big report whole', () => {
    const path = join(dir, 'big.txt');
    const result = new Session(many(20_000), { interactive: true }).execute(`traces >${path}`);
    expect(result.file?.rest).toBeDefined();
    expect(writeReportFile(result.file!.path, result.file!.text, result.file!.rest)).toBeNull();
    expect(readFileSync(path, 'utf8')).toBe(result.file!.text + plainTraces(many(20_000)));
  });

  it('writeReportFile reports an interrupt mid-way with its message, not as a file error, and leaves no file', () => {
    const chunks = function* () {
      yield 'a\n';
      throw new Interrupted();
    };
    expect(writeReportFile(join(dir, 'cut.txt'), 'head\n', chunks())).toBe('interrupted');
    expect(existsSync(join(dir, 'cut.txt'))).toBe(false);
    expect(writeReportFile(join(dir, 'no/such/dir.txt'), 'x', chunks())).toBe(
      `heapcli: ${join(dir, 'no/such/dir.txt')}: no such file or directory`,
    );
  });
});

describe('the console prints a streamed report through a stream that asks it to wait', () => {
  it('waits for drain between chunks and prints everything in order', async () => {
    const got: string[] = [];
    let waits = 0;
    const stdout = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        got.push(chunk.toString());
        setImmediate(done);
      },
    });
    stdout.on('drain', () => waits++);
    const result = new Session(many(5_000), { interactive: true }).execute('traces');
    const io = { input: Readable.from([]), stdout, stderr: { write: () => true }, writeFile: writeReportFile };
    expect(await printResult(result, io)).toBe(true);
    expect(waits).toBeGreaterThan(1);
    expect(got.join('')).toBe(result.out + plainTraces(many(5_000)));
  });
});

describe('raw streamed', () => {
  it.each(profileFiles)('%s: out and rest joined are formatRaw', (file) => {
    const result = oneShot(profile(file), 'raw');
    const filter = new Session(profile(file), { interactive: false }).analysis.filterFor(
      new Session(profile(file), { interactive: false }).options,
    );
    expect(result.out + chunksOf(result).join('')).toBe(formatRaw(filter.profile, filter.exclude));
    expect(result.out).toMatch(/Samples:\n[^\n]+\n$/);
  });
});
