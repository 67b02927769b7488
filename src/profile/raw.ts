import type { RawSamples, SampleReader } from './decode-samples.js';
import { Growable } from './growable.js';
import type { WideMappingFields } from './model.js';

/** A mapping as read from the wire: ids and string indices not yet resolved. */
export interface RawMapping {
  id: number;
  start: number;
  limit: number;
  offset: number;
  filename: number;
  buildId: number;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
  /** start, limit and offset past 2^53, exactly as written (the number fields are rounded). */
  wide?: WideMappingFields;
}

/** Everything read from profile.proto before ids are resolved: columns of raw wire numbers. */
export class RawProfile {
  sampleTypes: [number, number][] = [];
  periodType: [number, number] | null = null;
  period = 0;
  timeNanos = 0n;
  durationNanos = 0n;
  dropFrames = 0;
  keepFrames = 0;
  defaultSampleType = 0;
  comments: number[] = [];
  strings: string[] = [];
  mappings: RawMapping[] = [];

  /** The samples' columns as they are read, made at the first sample. */
  sampleReader: SampleReader | null = null;
  /** The samples, once all are read. */
  samples: RawSamples | null = null;

  locId = new Growable(Float64Array, 1024);
  locMappingId = new Growable(Float64Array, 1024);
  locAddress = new Growable(Float64Array, 1024);
  locFolded = new Growable(Uint8Array, 1024);
  locLineStart = new Growable(Uint32Array, 1024);
  lineFunctionId = new Growable(Float64Array, 1024);
  lineNumber = new Growable(Float64Array, 1024);

  fnId = new Growable(Float64Array, 1024);
  fnName = new Growable(Float64Array, 1024);
  fnSystemName = new Growable(Float64Array, 1024);
  fnFilename = new Growable(Float64Array, 1024);
  fnStartLine = new Growable(Float64Array, 1024);

  /** Ids past 2^53, which a number cannot hold, by the negative stand-in each was given. */
  private readonly bigIds = new Map<number, bigint>();
  private readonly standIns = new Map<bigint, number>();

  /** A number for an id read exactly: itself when it fits, else a distinct negative stand-in. */
  idNumber(id: bigint): number {
    if (id <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(id);
    let standIn = this.standIns.get(id);
    if (standIn === undefined) {
      standIn = -(this.standIns.size + 1);
      this.standIns.set(id, standIn);
      this.bigIds.set(standIn, id);
    }
    return standIn;
  }

  /** An id as the file wrote it, for messages. */
  idText(id: number): string {
    return String(this.bigIds.get(id) ?? id);
  }
}
