/** 64-bit varints read as numbers without touching protobufjs's process-wide settings. */
import protobuf from 'protobufjs/minimal.js';
import { encodeProfile } from '../../tools/profile-pb/encode.js';
import { parseProfile } from '../../src/profile/decode.js';
import { heapMessage } from '../helpers/profile-fixtures.js';

describe('64-bit varints', () => {
  const longBefore = protobuf.util.Long;

  it('reads values past 2^49 (eight-byte varints) and negative ones (ten bytes) as exact numbers', () => {
    const big = 2 ** 52 + 3;
    const p = parseProfile(
      encodeProfile(
        heapMessage({
          sampleTypes: [['space', 'bytes']],
          samples: [
            { stack: ['f', 'main'], values: [big] },
            { stack: ['g', 'main'], values: [-5] },
          ],
        }),
        false,
      ),
    );
    expect(Array.from(p.samples.values)).toEqual([big, -5]);
  });

  it('leaves protobufjs configured as it was (util.Long is not set to null on import)', () => {
    expect(protobuf.util.Long).toBe(longBefore);
    expect(protobuf.util.Long).not.toBeNull();
  });
});
