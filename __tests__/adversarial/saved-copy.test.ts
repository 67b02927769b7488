/**
 * The saved copy of a fetch (issue 19): its name comes from the served profile, so a crafted one
 * must not lead out of $HEAPCLI_TMPDIR, and the copy never goes through a symlink or over a file.
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { decodeSpec, heapMessage, type ProfileSpec } from '../helpers/profile-fixtures.js';
import { runHeapcli } from '../helpers/run-cli.js';
import { safeNamePart, savedProfilePrefix } from '../../src/inputs/saved-copy.js';
import { serve, startHostile, type Hostile } from './hostile-server.js';
import { treeOf } from './spawn.js';

const EVIL_TYPE = 'x/../../../../tmp/somewhere/../escaped/evil';
const crafted = (spec: ProfileSpec) => encodeProfile(heapMessage({ samples: [{ stack: ['main.leak'], values: [1, 2] }], ...spec }));

describe('savedProfilePrefix: one path component, whatever the profile says', () => {
  it('keeps the names Go writes as pprof writes them', () => {
    expect(savedProfilePrefix(decodeSpec({ mappings: [{ file: '/srv/bin/my-server' }] }))).toBe(
      'pprof.my-server.alloc_objects.alloc_space.inuse_objects.inuse_space.',
    );
  });

  it.each([
    [EVIL_TYPE, 'x_.._.._.._.._tmp_somewhere_.._escaped_evil'],
    ['a\\b', 'a_b'],
    ['\u001b]0;owned\u0007', '__0_owned_'],
    ['rtl\u202eexe', 'rtl_exe'],
    ['nul\u0000', 'nul_'],
    ['Größe', 'Größe'],
  ])('%j → %j', (name, safe) => {
    expect(safeNamePart(name)).toBe(safe);
  });

  it('stays under 255 bytes with a thousand sample types', () => {
    const types = Array.from({ length: 1000 }, (_, i) => [`type${i}`, 'count'] as const);
    const prefix = savedProfilePrefix(decodeSpec({ sampleTypes: types, samples: [{ stack: ['f'], values: types.map(() => 1) }] }));
    expect(Buffer.byteLength(`${prefix}9999.pb.gz`)).toBeLessThanOrEqual(255);
  });
});

describe('a served profile with a crafted sample type name', () => {
  let server: Hostile;
  const scratch = mkdtempSync(join(tmpdir(), 'heapcli-saved-copy-'));
  const evil = crafted({
    sampleTypes: [
      [EVIL_TYPE, 'bytes'],
      ['inuse_space', 'bytes'],
    ],
  });

  beforeAll(async () => {
    server = await startHostile({
      '/evil': serve(evil),
      '/plain': serve(crafted({ samples: [{ stack: ['main.leak'], values: [1, 2, 3, 4] }] })),
    });
  });
  afterAll(() => server.close());

  it('is saved inside HEAPCLI_TMPDIR under a sanitized name, nothing written elsewhere', async () => {
    const root = join(scratch, 'traversal');
    const dir = join(root, 'a', 'b', 'c', 'd', 'saved');
    const run = await runHeapcli(['-raw', `${server.base}/evil`], '', { HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(0);
    const name = 'pprof.app.x_.._.._.._.._tmp_somewhere_.._escaped_evil.inuse_space.001.pb.gz';
    expect(run.stderr).toContain(`Saved profile in ${join(dir, name)}\n`);
    expect(treeOf(root)).toEqual(['a', 'a/b', 'a/b/c', 'a/b/c/d', 'a/b/c/d/saved', `a/b/c/d/saved/${name}`]);
  });

  it('never writes through a symlink, nor over an existing file', async () => {
    const dir = join(scratch, 'links');
    mkdirSync(dir);
    const prefix = 'pprof.app.alloc_objects.alloc_space.inuse_objects.inuse_space.';
    const target = join(scratch, 'victim');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, join(dir, `${prefix}001.pb.gz`));
    // A dangling link too: O_EXCL refuses it rather than creating its target.
    symlinkSync(join(scratch, 'would-be-created'), join(dir, `${prefix}002.pb.gz`));
    writeFileSync(join(dir, `${prefix}003.pb.gz`), 'an older copy');
    const run = await runHeapcli(['-top', `${server.base}/plain`], '', { HEAPCLI_TMPDIR: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`Saved profile in ${join(dir, `${prefix}004.pb.gz`)}\n`);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(readlinkSync(join(dir, `${prefix}001.pb.gz`))).toBe(target);
    expect(() => lstatSync(join(scratch, 'would-be-created'))).toThrow();
    expect(readFileSync(join(dir, `${prefix}003.pb.gz`), 'utf8')).toBe('an older copy');
  });
});
