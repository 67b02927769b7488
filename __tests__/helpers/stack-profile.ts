import { ProfileBuilder, type ProfileHeader } from '../../src/profile/builder.js';
import type { Mapping, Profile, ValueType } from '../../src/profile/model.js';

/** A profile header with these sample types and nothing else set (period 1, in bytes of space), less what `rest` says. */
export function headerOf(sampleTypes: ValueType[], rest: Partial<ProfileHeader> = {}): ProfileHeader {
  return {
    sampleTypes,
    defaultSampleType: '',
    periodType: { type: 'space', unit: 'bytes' },
    period: 1,
    timeNanos: 0n,
    durationNanos: 0n,
    comments: [],
    dropFrames: '',
    keepFrames: '',
    ...rest,
  };
}

/** The one mapping of the test profiles: a binary with functions, files, lines and inlined frames. */
export const APP_MAPPING: Mapping = {
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
};

/**
 * A one-type profile from stacks written root first: 'a>b>c' calls a, then b, then c (the leaf);
 * 'x+y' is one location where y is inlined into x.
 */
export function profileOf(samples: [string, number][]): Profile {
  const b = new ProfileBuilder(1);
  const functions = new Map<string, number>();
  const fn = (name: string) => functions.get(name) ?? functions.set(name, b.addFunction(name, name, 'f.go', 0)).get(name)!;
  b.mappings.push({ ...APP_MAPPING });
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
  return b.finish(headerOf([{ type: 'inuse_space', unit: 'bytes' }]), Float64Array.from(values));
}
