import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

describe('bad profiles: one line on stderr naming the file, exit 1, no stack trace', () => {
  const cases: [string, () => string, string][] = [
    ['a missing file', () => join(dir, 'nope.pb.gz'), 'no such file or directory'],
    ['a directory', () => dir, 'is a directory'],
    ['an empty file', () => file('empty.pb', ''), 'empty file'],
    ['a text file', () => file('notes.txt', 'hello world\nthis is not a profile\n'), 'not a pprof profile: neither gzip nor profile.proto ('],
    ['random bytes', () => file('random.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), 'not a pprof profile'],
    ['truncated gzip', () => file('cut.pb.gz', good.subarray(0, good.length >> 1)), 'truncated gzip data (unexpected end of file)'],
    ['gzip missing its trailer', () => file('trailer.pb.gz', good.subarray(0, good.length - 4)), 'truncated gzip data'],
  ];
  it.each(cases)('%s', (_what, path, reason) => {
    const target = path();
    const run = heapcli('-top', target);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr.startsWith(`heapcli: ${target}: ${reason}`)).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what is malformed in a profile that decodes but breaks the model', async () => {
    const { encodeProfile } = await import('../../src/profile/encode.js');
    const bytes = encodeProfile({
      stringTable: ['', 'inuse_space', 'bytes'],
      sampleType: [{ type: 1, unit: 2 }],
      sample: [{ locationId: [7], value: [100] }],
    });
    const path = file('dangling.pb.gz', bytes);
    const run = heapcli('-top', path);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`heapcli: ${path}: malformed profile: sample 0 refers to location id 7, which does not exist\n`);
  });

  it('refuses a gzip bomb past HEAPCLI_MAX_PROFILE', () => {
    const path = 'testdata/profiles/leakybuf.heap.pb.gz';
    const run = spawnSync(process.execPath, ['bin/heapcli.js', '-top', path], { encoding: 'utf8', env: { ...process.env, HEAPCLI_MAX_PROFILE: '8000' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`heapcli: ${path}: inflates to more than 8000 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)\n`);
  });

  it('HEAPCLI_MAX_PROFILE bounds a file as read, with a unit', () => {
    const path = 'testdata/profiles/leakybuf.heap.txt';
    const run = spawnSync(process.execPath, ['bin/heapcli.js', '-top', path], { encoding: 'utf8', env: { ...process.env, HEAPCLI_MAX_PROFILE: '10kB' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`heapcli: ${path}: is larger than 10240 bytes (the limit; set HEAPCLI_MAX_PROFILE to raise it)\n`);
  });

  it.each(['0', '-1', '100kb!', 'big'])('refuses HEAPCLI_MAX_PROFILE=%s before reading anything (exit 2)', (value) => {
    const run = spawnSync(process.execPath, ['bin/heapcli.js', '-top', 'testdata/profiles/leakybuf.heap.pb.gz'], { encoding: 'utf8', env: { ...process.env, HEAPCLI_MAX_PROFILE: value } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`heapcli: HEAPCLI_MAX_PROFILE=${JSON.stringify(value)} is not a size: give a number of bytes of at least 1, or one with a unit (64MB, 2GB; powers of 1024)\n`);
  });

  it('a device given as the profile is refused at once', () => {
    const run = heapcli('-top', '/dev/zero');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('heapcli: /dev/zero: is a device, not a file\n');
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
    const run = spawnSync('bash', ['-c', 'node bin/heapcli.js -raw testdata/profiles/leakybuf.heap.pb.gz | head -1; echo "status=${PIPESTATUS[0]}"'], { encoding: 'utf8' });
    expect(run.stdout).toBe('PeriodType: space bytes\nstatus=0\n');
    expect(run.stderr).toBe('');
  });
});
