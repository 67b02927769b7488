import { ProfileBuilder } from '../../src/profile/builder.js';
import type { Profile } from '../../src/profile/model.js';

/**
 * A one-type profile from stacks written root first: 'a>b>c' calls a, then b, then c (the leaf);
 * 'x+y' is one location where y is inlined into x.
 */
export function profileOf(samples: [string, number][]): Profile {
  const b = new ProfileBuilder(1);
  const functions = new Map<string, number>();
  const fn = (name: string) => functions.get(name) ?? functions.set(name, b.addFunction(name, name, 'f.go', 0)).get(name)!;
  b.mappings.push({
    id: 1,
    start: 0,
    limit: 0,
    offset: 0,
    file: '/bin/app',
    buildId: '',
    hasFunctions: true,
    hasFilenames: true,
    hasLineNumbers: true,
    hasInlineFrames: true,
  });
  const values: number[] = [];
  for (const [stack, value] of samples) {
    const frames = stack.split('>').reverse();
    // Location lines run innermost first, so the inlined callee (after '+') comes first.
    const locs = frames.map((frame) =>
      b.addLocation(
        0,
        0,
        false,
        frame
          .split('+')
          .reverse()
          .map((name, i) => [fn(name), i + 1] as [number, number]),
      ),
    );
    b.addSample(locs);
    values.push(value);
  }
  const header = {
    sampleTypes: [{ type: 'inuse_space', unit: 'bytes' }],
    defaultSampleType: '',
    periodType: { type: 'space', unit: 'bytes' },
    period: 1,
    timeNanos: 0n,
    durationNanos: 0n,
    comments: [],
    dropFrames: '',
    keepFrames: '',
  };
  return b.finish(header, Float64Array.from(values));
}
