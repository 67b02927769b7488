/**
 * The library API (`openProfile`): its typed rows carry the numbers pprof printed in the goldens,
 * its `execute` the console's text, and its failures the console's one-line messages.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentage } from '../../src/analysis/values/units.js';
import { HeapcliError, openProfile } from '../../src/api/index.js';
import { GOLDEN, manifests, profilePath } from '../helpers/goldens.js';

const HEAP = 'testdata/profiles/leakybuf.heap.pb.gz';
const BASE = 'testdata/profiles/leakybuf.base.pb.gz';
const golden = (name: string, stream = 'out') => readFileSync(join(GOLDEN, `${name}.${stream}`), 'utf8');

/** pprof's table rows (`flat flat% sum% cum cum% name [(inline)]`), as numbers and names. */
function pprofRows(out: string): { flatPct: string; sumPct: string; cumPct: string; name: string }[] {
  const row = /^\s*\S+\s+(\S+%)\s+(\S+%)\s+\S+\s+(\S+%)\s+(.*)$/;
  return out.split('\n').flatMap((line) => {
    const m = row.exec(line);
    return m ? [{ flatPct: m[1], sumPct: m[2], cumPct: m[3], name: m[4] }] : [];
  });
}

/** A share as pprof prints it (`82.83%`, `0.015%`, `100%`), from the API's number. */
const shown = (percent: number) => percentage(percent, 100).trim();

/** One-shot `-top` runs of a single profile whose other flags are settings (`-cum`, `-name=value`). */
const TOP_CASES = manifests('oneshot')
  .filter(
    ([, , ...args]) =>
      args[0] === '-top' &&
      args.slice(1).every((a) => /^-(cum|[a-z_]+=[^=]+)$/.test(a) && !/^-(base|diff_base|output|tagfocus|tagignore)=/.test(a)),
  )
  .map(([name, profile, , ...flags]) => ({ name, profile: profilePath(profile), flags }))
  // Flags pprof has not got (heapcli's own, such as -sort) are tested elsewhere.
  .filter(({ name }) => !golden(name, 'err').startsWith('flag provided but not defined'));

/** `-cum` and `-name=value` as API settings. */
function settingsOf(flags: readonly string[]): Record<string, string> {
  return Object.fromEntries(flags.map((f) => (f === '-cum' ? ['cum', 'true'] : f.slice(1).split(/=(.*)/s, 2)) as [string, string]));
}

describe('top() rows are the rows pprof printed', () => {
  it('covers a good number of golden runs', () => expect(TOP_CASES.length).toBeGreaterThan(40));

  it.each(TOP_CASES)('$name', async ({ name, profile, flags }) => {
    const err = golden(name, 'err');
    if (golden(name) === '') {
      // pprof failed: the API throws its first line (the second says no profile could be fetched).
      const failure = err.split('\n')[0];
      await expect((async () => (await openProfile(profile)).top(settingsOf(flags)))()).rejects.toThrow(new HeapcliError(failure));
      return;
    }
    const expected = pprofRows(golden(name));
    const table = (await openProfile(profile)).top(settingsOf(flags));
    expect(table.rows.map((r) => r.name + (r.inline ? ` ${r.inline}` : ''))).toEqual(expected.map((r) => r.name));
    // The API's exact shares, printed as pprof prints them, are pprof's columns.
    expect(table.rows.map((r) => [shown(r.flatPercent), shown(r.sumPercent), shown(r.cumPercent)])).toEqual(
      expected.map((r) => [r.flatPct, r.sumPct, r.cumPct]),
    );
  });
});

describe("values in the sample type's unit", () => {
  it("bytes: growBuf's 4119kB is 4217856 bytes, of a 4.86MB total (pprof's -top)", async () => {
    const table = (await openProfile(HEAP)).top();
    expect([table.type, table.unit, table.total]).toEqual(['inuse_space', 'bytes', 5092304]);
    expect(table.rows[0]).toMatchObject({ name: 'main.growBuf', inline: '(inline)', flat: 4217856, cum: 4217856 });
    expect((table.total / 1024 / 1024).toFixed(2)).toBe('4.86');
  });

  it('nodecount cuts rows and says how many there were (`Showing top 3 nodes out of 12`)', async () => {
    const table = (await openProfile(HEAP)).top({ nodecount: 3 });
    expect([table.rows.length, table.nodesAfterDrop, table.droppedNodes]).toEqual([3, 12, 28]);
  });

  it("-base subtracts: the same rows as pprof's -top -base", async () => {
    const table = (await openProfile(BASE, { base: HEAP })).top();
    expect(table.rows.map((r) => r.name + (r.inline ? ` ${r.inline}` : ''))).toEqual(
      pprofRows(golden('leakybuf.base.top.base=leakybuf.heap')).map((r) => r.name),
    );
  });

  it('bytes given directly open as the file does', async () => {
    const fromBytes = (await openProfile(readFileSync(HEAP))).top();
    expect(fromBytes).toEqual((await openProfile(HEAP)).top());
  });
});

describe('list() and peek()', () => {
  it("list: the sampled lines of pprof's listing, in bytes", async () => {
    const table = (await openProfile(HEAP, { settings: { source_path: 'testdata/programs' } })).list('GetLargeData');
    expect(table.routines.map((r) => [r.name, r.file])).toEqual([['main.GetLargeData', 'leakybuf/main.go']]);
    // pprof: 288kB on line 40, 94.21kB cum on 42, 4.02MB cum on 43.
    expect(table.routines[0].lines).toEqual([
      { line: 40, flat: 294912, cum: 294912 },
      { line: 42, flat: 0, cum: 96472 },
      { line: 43, flat: 0, cum: 4217856 },
    ]);
    expect(golden('leakybuf.heap.list=GetLargeData.source_path=testdata_programs')).toMatch(
      /288kB +288kB +40:[\s\S]* \. +94\.21kB +42:[\s\S]* \. +4\.02MB +43:/,
    );
  });

  it('peek: the entries pprof printed, with callers and callees', async () => {
    const table = (await openProfile(HEAP)).peek('GetLargeData');
    const entry = table.entries[0];
    expect(entry.name).toBe('main.GetLargeData');
    expect(entry.callers.map((c) => c.name)).toEqual(['main.main']);
    expect(entry.callees.map((c) => [c.name, c.inline])).toEqual(expect.arrayContaining([['main.growBuf', true]]));
    const out = golden('leakybuf.heap.peek.GetLargeData');
    for (const callee of entry.callees) expect(out).toContain(callee.name);
    expect(entry.callees.reduce((s, c) => s + c.weight, 0) + entry.flat).toBe(entry.cum);
  });

  it("no match is an error with pprof's words", async () => {
    const profile = await openProfile(HEAP);
    expect(() => profile.peek('nomatch')).toThrow(new HeapcliError('no matches found for regexp: nomatch'));
    expect(() => profile.list('nomatch')).toThrow('no matches found for regexp: nomatch');
  });
});

describe('growth()', () => {
  const series = readdirSync('testdata/profiles/growing')
    .filter((f) => f.endsWith('.pb.gz'))
    .sort()
    .map((f) => join('testdata/profiles/growing', f));

  it('ranks the series as heapcli -growth does', async () => {
    const table = (await openProfile(series)).growth();
    const printed = readFileSync('__tests__/golden/growth/growing.growth.out', 'utf8')
      .split('\n')
      .slice(5)
      .filter((l) => l.trim() !== '');
    expect(table.rows.map((r) => r.name)).toEqual(printed.map((l) => l.trim().split(/\s+/).pop()));
    expect(table.rows[0]).toMatchObject({ name: 'main.leakStep', verdict: 'leak?', rising: 7, steps: 7, change: 28 * 1024 });
    expect([table.snapshots, table.timed, table.unit]).toEqual([8, true, 'bytes']);
  });

  it('one profile is not a series', async () => {
    await expect((async () => (await openProfile(HEAP)).growth())()).rejects.toThrow('growth needs a series of snapshots');
  });
});

describe("execute(): the console's text and settings", () => {
  it('answers a line as the console does, and keeps settings between lines', async () => {
    const profile = await openProfile(HEAP);
    expect(profile.execute('sample_index=alloc_space')).toBe('');
    expect(profile.settings.sample_index).toBe('alloc_space');
    expect(profile.execute('top3').split('\n')[4]).toBe('    4119kB 55.58% 55.58%     4119kB 55.58%  main.growBuf');
  });

  it("a failed line throws the console's message and changes nothing", async () => {
    const profile = await openProfile(HEAP);
    expect(() => profile.execute('nodecount=many')).toThrow(HeapcliError);
    expect(() => profile.execute('frobnicate')).toThrow('unrecognized command: "frobnicate"');
    expect(profile.settings.nodecount).toBe(-1);
  });

  it('>file writes the report and returns nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapcli-api-'));
    try {
      const profile = await openProfile(HEAP);
      expect(profile.execute(`top2 >${join(dir, 'top.txt')}`)).toBe('');
      expect(readFileSync(join(dir, 'top.txt'), 'utf8')).toBe(profile.execute('top2'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file report (proto, callgrind) is written to >file as bytes; without one it throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapcli-api-'));
    try {
      const profile = await openProfile(HEAP);
      expect(profile.execute(`callgrind >${join(dir, 'out.callgrind')}`)).toBe('');
      expect(readFileSync(join(dir, 'out.callgrind'), 'utf8')).toBe(golden('leakybuf.heap.callgrind'));
      expect(profile.execute(`proto >${join(dir, 'p.pb.gz')}`)).toBe('');
      expect((await openProfile(join(dir, 'p.pb.gz'))).execute('raw')).toBe(profile.execute('raw'));
      expect(() => profile.execute('proto')).toThrow('proto makes a file: name it with >file (or the output setting)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('graphs: dot is text; images and viewers say the API does not draw them', async () => {
    const profile = await openProfile(HEAP);
    expect(profile.execute('dot')).toBe(golden('leakybuf.heap.dot'));
    expect(() => profile.execute('web')).toThrow(
      new HeapcliError('web opens a viewer, which the library API does not do; dot gives the graph as text'),
    );
    expect(() => profile.execute('svg')).toThrow('svg makes a file: name it with >file (or the output setting)');
  });

  it('stderr messages go to onMessage', async () => {
    const said: string[] = [];
    (await openProfile(HEAP, { onMessage: (l) => said.push(l) })).top({ focus: 'nothing-matches-this' });
    expect(said).toEqual(['Focus expression matched no samples']);
  });
});

describe('a URL', () => {
  it("is fetched with the console's notices, and no copy is saved", async () => {
    const home = mkdtempSync(join(tmpdir(), 'heapcli-api-home-'));
    const server = createServer((_req, res) => res.end(readFileSync(HEAP)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      const said: string[] = [];
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/pprof/heap`;
      const profile = await openProfile(url, { onMessage: (l) => said.push(l) });
      expect(said).toEqual([`Fetching profile over HTTP from ${url}`]);
      expect(profile.top().rows[0].name).toBe('main.growBuf');
      expect(readdirSync(home)).toEqual([]);
    } finally {
      process.env.HOME = saved;
      server.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('failures are one line', () => {
  it('a missing file, bytes that are no profile, a bad setting', async () => {
    await expect(openProfile('missing.pb.gz')).rejects.toThrow(
      new HeapcliError('missing.pb.gz: open missing.pb.gz: no such file or directory'),
    );
    await expect(openProfile(new TextEncoder().encode('hello'))).rejects.toThrow(/^profile bytes: /);
    await expect(openProfile(HEAP, { settings: { sample_index: 'bogus' } })).rejects.toThrow(HeapcliError);
    const profile = await openProfile(HEAP);
    expect(() => profile.top({ colour: 'red' })).toThrow('colour: unknown config field "colour"');
  });
});
