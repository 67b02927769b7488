import type { Profile } from '../profile/model.js';
import { formatGoDuration, formatGoTimeValue } from '../go/time.js';

const hex = (n: number | bigint) => `0x${n.toString(16)}`;

/** About how many characters each chunk of a streamed `raw` report holds (see TRACE_CHUNK_CHARS). */
const RAW_CHUNK_CHARS = 64 * 1024;

/**
 * The profile as text, laid out as pprof's `raw` report prints it: header, samples (values, location
 * ids, labels), locations with every line, mappings. It is also the canonical dump that decoder
 * tests compare, so every decoded field shows up here. Samples marked in `exclude` are left out.
 */
export function formatRaw(p: Profile, exclude: Uint8Array | null = null): string {
  return rawHeader(p) + [...rawBody(p, exclude)].join('');
}

/** The `raw` report's lines before its samples. */
export function rawHeader(p: Profile): string {
  const lines: string[] = p.comments.map((c) => `Comment: ${c}`);
  lines.push(`PeriodType: ${p.periodType.type} ${p.periodType.unit}`);
  lines.push(`Period: ${p.period}`);
  if (p.timeNanos !== 0n) lines.push(`Time: ${formatGoTimeValue(p.timeNanos)}`);
  // Go prints the duration with %.4v: its String() cut to four characters.
  if (p.durationNanos !== 0n) lines.push(`Duration: ${formatGoDuration(p.durationNanos).slice(0, 4)}`);
  lines.push('Samples:');
  lines.push(p.sampleTypes.map((t) => `${t.type}/${t.unit}${t.type === p.defaultSampleType ? '[dflt]' : ''}`).join(' '));
  return lines.join('\n') + '\n';
}

/**
 * The rest of the `raw` report (samples, locations, mappings), made as it is read in chunks of
 * about `chunkChars` characters; `checkpoint` is called every 4,096 samples or locations.
 */
export function* rawBody(
  p: Profile,
  exclude: Uint8Array | null,
  checkpoint = () => {},
  chunkChars = RAW_CHUNK_CHARS,
): Generator<string, void, undefined> {
  let out = '';
  for (let s = 0; s < p.samples.count; s++) {
    if ((s & 4095) === 0) checkpoint();
    if (exclude?.[s]) continue;
    out += sampleLines(p, s);
    if (out.length >= chunkChars) {
      yield out;
      out = '';
    }
  }
  out += 'Locations\n';
  for (let l = 0; l < p.locations.count; l++) {
    if ((l & 4095) === 0) checkpoint();
    out += locationLines(p, l);
    if (out.length >= chunkChars) {
      yield out;
      out = '';
    }
  }
  out += 'Mappings\n';
  for (const m of p.mappings) {
    const bits = [m.hasFunctions && '[FN]', m.hasFilenames && '[FL]', m.hasLineNumbers && '[LN]', m.hasInlineFrames && '[IN]'];
    const { start, limit, offset } = { ...m, ...m.wide };
    out += `${m.id}: ${hex(start)}/${hex(limit)}/${hex(offset)} ${m.file} ${m.buildId} ${bits.filter(Boolean).join('')}\n`;
  }
  yield out;
}

/**
 * A sample value as Go prints an int64: every digit of a whole number, also past 2^53, where
 * JavaScript would round the digits (-2^63, Go's int64 of an infinite estimate, is exact here).
 */
function int64Text(v: number): string {
  return Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v).toString() : String(v);
}

/** Sample `s`'s lines, each ending in a newline. */
function sampleLines(p: Profile, s: number): string {
  const { samples: ss, locations } = p;
  let text = '';
  for (let i = 0; i < ss.valuesPerSample; i++) text += ` ${int64Text(ss.values[s * ss.valuesPerSample + i]).padStart(10)}`;
  text += ': ';
  for (let i = ss.locStart[s]; i < ss.locStart[s + 1]; i++) text += `${locations.id[ss.locs[i]]} `;
  let out = text + '\n';
  if (ss.labelStart[s] === ss.labelStart[s + 1]) return out;
  const { strings: str, numeric } = groupLabels(p, s);
  const indent = ' '.repeat(16);
  if (str.size > 0)
    out +=
      indent +
      [...str]
        .map(([k, v]) => `${k}:[${v.join(' ')}]`)
        .sort()
        .join(' ') +
      '\n';
  if (numeric.size > 0) {
    const shown = [...numeric].map(([k, { values, units }]) => {
      const items = units.length === values.length ? values.map((v, i) => `${v} ${units[i]}`) : values.map(String);
      return `${k}:[${items.join(' ')}]`;
    });
    out += indent + shown.sort().join(' ') + '\n';
  }
  return out;
}

/** Labels of sample `s` by key, as Go's decoder groups them (an all-zero label is dropped). */
function groupLabels(p: Profile, s: number) {
  const { samples: ss, strings } = p;
  const str = new Map<string, string[]>();
  const numeric = new Map<string, { values: number[]; units: string[] }>();
  for (let i = ss.labelStart[s]; i < ss.labelStart[s + 1]; i++) {
    const key = strings[ss.labelKey[i]];
    if (ss.labelStr[i] !== 0) {
      const values = str.get(key);
      if (values) values.push(strings[ss.labelStr[i]]);
      else str.set(key, [strings[ss.labelStr[i]]]);
    } else if (ss.labelNum[i] !== 0 || ss.labelNumUnit[i] !== 0) {
      const entry = numeric.get(key) ?? { values: [], units: [] };
      if (ss.labelNumUnit[i] !== 0) {
        while (entry.units.length < entry.values.length) entry.units.push('');
        entry.units.push(strings[ss.labelNumUnit[i]]);
      }
      entry.values.push(ss.labelNum[i]);
      numeric.set(key, entry);
    }
  }
  for (const entry of numeric.values()) {
    if (entry.units.length > 0) while (entry.units.length < entry.values.length) entry.units.push('');
  }
  return { strings: str, numeric };
}

/** Location `l`'s lines, each ending in a newline. */
function locationLines(p: Profile, l: number): string {
  const { locations, functions, strings } = p;
  let head = `${String(locations.id[l]).padStart(6)}: ${hex(locations.address[l])} `;
  if (locations.mapping[l] >= 0) head += `M=${p.mappings[locations.mapping[l]].id} `;
  if (locations.isFolded[l]) head += '[F] ';
  let out = '';
  if (locations.lineStart[l] === locations.lineStart[l + 1]) out += head + '\n';
  for (let k = locations.lineStart[l]; k < locations.lineStart[l + 1]; k++) {
    const fn = locations.lineFunction[k];
    let text = '??';
    if (fn >= 0) {
      const name = strings[functions.name[fn]];
      const system = strings[functions.systemName[fn]];
      text = `${name} ${strings[functions.filename[fn]]}:${locations.lineNumber[k]} s=${functions.startLine[fn]}`;
      if (name !== system) text += `(${system})`;
    }
    out += head + text + '\n';
    head = ' '.repeat(13);
  }
  return out;
}
