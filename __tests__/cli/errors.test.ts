import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';

const dir = mkdtempSync(join(tmpdir(), 'heapcli-errors-'));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const good = readFileSync('testdata/profiles/leakybuf.heap.pb.gz');

/** Runs the real executable, as a user would. */
function heapcli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/heapcli.js', ...args], { encoding: 'utf8', input: '', env: { ...process.env, TZ: 'UTC' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("bad profiles: the file and why, then pprof's `failed to fetch any source profiles`, exit 1", () => {
  // pprof's words where it has words of its own (the first four); where pprof can only say
  // `parsing profile: unrecognized profile format` or names a gzip offset, heapcli says what it found.
  const cases: [string, () => string, string][] = [
    ['a missing file', () => join(dir, 'nope.pb.gz'), `open ${join(dir, 'nope.pb.gz')}: no such file or directory`],
    ['a directory', () => dir, `read ${dir}: is a directory`],
    ['an empty file', () => file('empty.pb', ''), 'parsing profile: empty input file'],
    ['gzip of nothing', () => file('empty.pb.gz', gzipSync(new Uint8Array(0))), 'parsing profile: empty input file'],
    [
      'a text file',
      () => file('notes.txt', 'hello world\nthis is not a profile\n'),
      'not a pprof profile: neither gzip nor profile.proto (',
    ],
    [
      'random bytes',
      () =>
        file(
          'random.bin',
          Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251),
        ),
      'not a pprof profile',
    ],
    ['truncated gzip', () => file('cut.pb.gz', good.subarray(0, good.length >> 1)), 'truncated gzip data (unexpected end of file)'],
    ['gzip missing its trailer', () => file('trailer.pb.gz', good.subarray(0, good.length - 4)), 'truncated gzip data'],
  ];
  it.each(cases)('%s', (_what, path, reason) => {
    const target = path();
    const run = heapcli('-top', target);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith(`${target}: ${reason}`)).toBe(true);
    expect(lines[1]).toBe('failed to fetch any source profiles');
  });

  const broken = async (name: string) => {
    const { encodeProfile } = await import('../../tools/profile-pb/encode.js');
    return file(
      name,
      encodeProfile({
        stringTable: ['', 'inuse_space', 'bytes', 'f'],
        sampleType: [{ type: 1, unit: 2 }],
        function: [{ id: 0, name: 3 }],
        location: [{ id: 1, line: [{ functionId: 0 }] }],
        sample: [{ locationId: [1], value: [100] }],
      }),
    );
  };

  it('says what pprof says of a profile that decodes but breaks its checks', async () => {
    const path = await broken('reserved.pb.gz');
    const run = heapcli('-top', path);
    expect([run.status, run.stderr]).toEqual([
      1,
      `${path}: malformed profile: found function with reserved ID=0\nfailed to fetch any source profiles\n`,
    ]);
  });

  it('says `base profiles` when the bad one is a -base or -diff_base', async () => {
    const path = await broken('reserved-base.pb.gz');
    for (const flag of ['-base', '-diff_base']) {
      const run = heapcli('-top', `${flag}=${path}`, 'testdata/profiles/leakybuf.heap.pb.gz');
      expect([run.status, run.stdout, run.stderr]).toEqual([
        1,
        '',
        `${path}: malformed profile: found function with reserved ID=0\nfailed to fetch any base profiles\n`,
      ]);
    }
  });

  it('goes on without a source that fails while another loads, saying so as pprof does', async () => {
    const bad = await broken('reserved-source.pb.gz');
    const good = 'testdata/profiles/leakybuf.heap.pb.gz';
    const missing = join(dir, 'gone.pb.gz');
    const run = heapcli('-top', '-nodecount=1', bad, good, missing);
    expect([run.status, run.stdout]).toEqual([0, heapcli('-top', '-nodecount=1', good).stdout]);
    const failures = `${bad}: malformed profile: found function with reserved ID=0\n${missing}: open ${missing}: no such file or directory\n`;
    expect(run.stderr).toBe(`${failures}Fetched 1 source profiles out of 3\n`);
    const none = heapcli('-top', bad, missing);
    expect([none.status, none.stderr]).toEqual([1, `${failures}failed to fetch any source profiles\n`]);
  });

  it('answers a profile with neither sample types nor samples as pprof does', async () => {
    const { encodeProfile } = await import('../../tools/profile-pb/encode.js');
    const path = file('nothing.pb.gz', encodeProfile({ stringTable: ['', 'x'], comment: [1] }));
    const run = heapcli('-top', path);
    expect([run.status, run.stdout, run.stderr]).toEqual([1, '', 'profile has no samples\n']);
  });

  it('refuses a gzip bomb past HEAPCLI_MAX_PROFILE', () => {
    const path = 'testdata/profiles/leakybuf.heap.pb.gz';
    const run = spawnSync(process.execPath, ['bin/heapcli.js', '-top', path], {
      encoding: 'utf8',
      env: { ...process.env, HEAPCLI_MAX_PROFILE: '8000' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${path}: inflates to more than 8000 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)\nfailed to fetch any source profiles\n`,
    );
  });

  it("-normalize without a base: one line, in pprof's words", () => {
    const run = heapcli('-top', '-normalize', 'testdata/profiles/leakybuf.heap.pb.gz');
    expect([run.status, run.stderr]).toEqual([1, 'must have base profile to normalize by\n']);
  });

  it('HEAPCLI_MAX_PROFILE bounds a file as read, with a unit', () => {
    const path = 'testdata/profiles/leakybuf.heap.txt';
    const run = spawnSync(process.execPath, ['bin/heapcli.js', '-top', path], {
      encoding: 'utf8',
      env: { ...process.env, HEAPCLI_MAX_PROFILE: '10kB' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${path}: is larger than 10240 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)\nfailed to fetch any source profiles\n`,
    );
  });

  it.each(['0', '-1', '100kb!', 'big'])('refuses HEAPCLI_MAX_PROFILE=%s before reading anything (exit 2)', (value) => {
    const run = spawnSync(process.execPath, ['bin/heapcli.js', '-top', 'testdata/profiles/leakybuf.heap.pb.gz'], {
      encoding: 'utf8',
      env: { ...process.env, HEAPCLI_MAX_PROFILE: value },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `heapcli: HEAPCLI_MAX_PROFILE=${JSON.stringify(value)} is not a size: give a number of bytes of at least 1, or one with a unit (64MB, 2GB; powers of 1024)\n`,
    );
  });

  it('a device given as the profile is refused at once', () => {
    const run = heapcli('-top', '/dev/zero');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('/dev/zero: read /dev/zero: is a device, not a file\nfailed to fetch any source profiles\n');
  });
});

describe('command-line mistakes: exit 2 with a usage hint', () => {
  it.each([
    [['-bogus', 'x.pb.gz'], 'heapcli: flag provided but not defined: -bogus\n'],
    [['-top'], 'heapcli: no profile given\n'],
    [['-nodecount=abc', '-top', 'x'], 'heapcli: invalid value "abc" for flag -nodecount: parse error\n'],
    [['-trim=maybe', '-top', 'x'], 'heapcli: invalid boolean value "maybe" for -trim: parse error\n'],
    [['-top', '-raw', 'x'], 'heapcli: only one output format may be given: -top and -raw\n'],
    [['-top', '-sample_index'], 'heapcli: flag needs an argument: -sample_index\n'],
    // pprof: "conflicting options set: [...]", the names in Go's map order (random).
    [['-top', '-files', '-addresses', 'x'], 'heapcli: conflicting options set: [addresses files]\n'],
    [['-peek=.', '-flat', '-cum', 'x'], 'heapcli: conflicting options set: [cum flat]\n'],
  ])('%j', (args, message) => {
    const run = heapcli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${message}Run 'heapcli -h' for usage.\n`);
  });

  it('rejects a bad option value after loading, naming the problem', () => {
    const run = heapcli('-top', '-sample_index=foo', 'testdata/profiles/leakybuf.heap.pb.gz');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('heapcli: sample_index "foo" must be one of: [alloc_objects alloc_space inuse_objects inuse_space]\n');
  });

  it('takes the last of a repeated flag, as Go does, without reading the earlier ones', () => {
    const run = heapcli(
      '-top',
      '-sample_index=bogus',
      '-focus=[a',
      '-sample_index=alloc_space',
      '-focus=Get',
      'testdata/profiles/leakybuf.heap.pb.gz',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^File: leakybuf\nType: alloc_space\n/);
    expect(run.stdout).toContain('main.GetLargeData');
    expect(run.stdout).not.toContain('main.indexRows');
  });

  it('rejects a bad regexp at report time with exit 1', () => {
    const run = heapcli('-top', '-focus=[a', 'testdata/profiles/leakybuf.heap.pb.gz');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('parsing focus regexp: error parsing regexp: missing closing ]: `[a`\n');
  });
});

describe('help and version', () => {
  it('prints usage on -h and --help, listing flags from the tables', () => {
    for (const flag of ['-h', '--help']) {
      const run = heapcli(flag);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^usage: heapcli \[flags\] <profile>\n/);
      expect(run.stdout).toContain('  -top ');
      expect(run.stdout).toContain('  -nodecount=<int> ');
      expect(run.stdout).toContain('  -cum | -flat ');
    }
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(heapcli('--version').stdout).toBe(`heapcli ${pkg.version}\n`);
  });

  it('exits quietly when the reader of its output goes away (EPIPE)', () => {
    const run = spawnSync(
      'bash',
      ['-c', 'node bin/heapcli.js -raw testdata/profiles/leakybuf.heap.pb.gz | head -1; echo "status=${PIPESTATUS[0]}"'],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toBe('PeriodType: space bytes\nstatus=0\n');
    expect(run.stderr).toBe('');
  });
});
