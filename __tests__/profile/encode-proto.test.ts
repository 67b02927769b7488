/**
 * encodeProfileProto: what it writes decodes to the same profile, field for field (the `raw`
 * dump shows every decoded field), including values a plain varint path would get wrong:
 * negative values (a -base diff), numbers past 2^32, 64-bit mapping bounds, exact timestamps.
 */
import { gunzipSync } from 'node:zlib';
import { formatRaw } from '../../src/format/raw.js';
import { parseProfile } from '../../src/profile/decode.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { encodeProfileProto } from '../../src/profile/encode-proto.js';
import { heapMessage, int64 } from '../helpers/profile-fixtures.js';

const message = heapMessage({
  samples: [
    {
      stack: ['main.leak', 'main.main'],
      values: [3, 3072, -2, -2048],
      labels: [
        { key: 'bytes', num: 1024, unit: 'bytes' },
        { key: 'handler', str: '/api' },
      ],
    },
    {
      stack: [
        {
          lines: [
            { fn: 'main.inlined', line: 7 },
            { fn: 'main.caller', line: 12, file: 'main.go', startLine: 10 },
          ],
          folded: true,
        },
        'main.main',
      ],
      values: [2 ** 40, 2 ** 50, 1, 1],
    },
    { stack: ['runtime.systemstack'], values: [1, 2, 3, 4], labels: [{ key: 'n', num: -5 }] },
  ],
  comments: ['first comment', 'second'],
  dropFrames: 'runtime\\..*',
  keepFrames: 'main\\..*',
  defaultSampleType: 'inuse_space',
  timeNanos: 1_790_000_000_123_456_789n,
  durationNanos: 30_000_000_000n,
  mappings: [
    { id: 1, start: 0x400000, limit: 0x4b6000, file: '/bin/app', buildId: 'abc', hasFunctions: true, hasFilenames: true },
    { id: 7, start: int64(0xffffffffff600000n), limit: int64(0xffffffffffffffffn), offset: int64(0xffffffffff600000n), file: '[vsyscall]' },
  ],
});

const profile = parseProfile(encodeProfile(message));

describe('encodeProfileProto', () => {
  it('writes a profile that decodes to the same raw dump', () => {
    const written = encodeProfileProto(profile);
    expect([...written.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(formatRaw(parseProfile(written))).toBe(formatRaw(profile));
    // The dump shows what a broken encoder would lose.
    const raw = formatRaw(profile);
    for (const text of [
      'Comment: first comment',
      '        -2      -2048',
      '1099511627776',
      'bytes:[1024 bytes]',
      'handler:[/api]',
      'n:[-5]',
      '0xffffffffffffffff',
      '[F]',
      'inuse_space/bytes[dflt]',
    ]) {
      expect(raw).toContain(text);
    }
  });

  it('writes plain profile.proto with gzip off', () => {
    const plain = encodeProfileProto(profile, { gzip: false });
    expect(gunzipSync(encodeProfileProto(profile))).toEqual(Buffer.from(plain));
    expect(formatRaw(parseProfile(plain))).toBe(formatRaw(profile));
  });

  it('leaves out the samples marked and divides values as pprof does (truncated toward zero)', () => {
    const exclude = Uint8Array.from([1, 0, 0]);
    const back = parseProfile(encodeProfileProto(profile, { exclude, ratio: 1 / 3 }));
    expect(back.samples.count).toBe(2);
    expect([...back.samples.values.subarray(0, 4)]).toEqual([Math.trunc(2 ** 40 / 3), Math.trunc(2 ** 50 / 3), 0, 0]);
    expect([...back.samples.values.subarray(4, 8)]).toEqual([0, 0, 1, 1]);
  });

  it('writes values no int64 holds as Go converts them on amd64 (-2^63)', () => {
    const back = parseProfile(encodeProfileProto(profile, { ratio: Infinity }));
    expect(back.samples.values[0]).toBe(-(2 ** 63));
  });

  it('keeps drop_frames, keep_frames, time and duration exactly', () => {
    const back = parseProfile(encodeProfileProto(profile));
    expect([back.dropFrames, back.keepFrames, back.timeNanos, back.durationNanos]).toEqual([
      'runtime\\..*',
      'main\\..*',
      1_790_000_000_123_456_789n,
      30_000_000_000n,
    ]);
  });
});
