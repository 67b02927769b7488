import type { Profile } from '../profile/model.js';
import { formatGoDuration, formatGoTimeValue } from './go-time.js';

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * The profile as text, laid out as pprof's `raw` report prints it: header, samples (values, location
 * ids, labels), locations with every line, mappings. It is also the canonical dump that decoder
 * tests compare, so every decoded field shows up here. Samples marked in `exclude` are left out.
 */
export function formatRaw(p: Profile, exclude: Uint8Array | null = null): string {
  const lines: string[] = p.comments.map((c) => `Comment: ${c}`);
  lines.push(`PeriodType: ${p.periodType.type} ${p.periodType.unit}`);
  lines.push(`Period: ${p.period}`);
  if (p.timeNanos !== 0n) lines.push(`Time: ${formatGoTimeValue(p.timeNanos)}`);
  // Go prints the duration with %.4v: its String() cut to four characters.
  if (p.durationNanos !== 0n) lines.push(`Duration: ${formatGoDuration(Number(p.durationNanos)).slice(0, 4)}`);
  lines.push('Samples:');
  lines.push(p.sampleTypes.map((t) => `${t.type}/${t.unit}${t.type === p.defaultSampleType ? '[dflt]' : ''}`).join(' '));
  for (let s = 0; s < p.samples.count; s++) if (!exclude?.[s]) lines.push(...sampleLines(p, s));
  lines.push('Locations');
  for (let l = 0; l < p.locations.count; l++) lines.push(...locationLines(p, l));
  lines.push('Mappings');
  for (const m of p.mappings) {
    const bits = [m.hasFunctions && '[FN]', m.hasFilenames && '[FL]', m.hasLineNumbers && '[LN]', m.hasInlineFrames && '[IN]'];
    lines.push(`${m.id}: ${hex(m.start)}/${hex(m.limit)}/${hex(m.offset)} ${m.file} ${m.buildId} ${bits.filter(Boolean).join('')}`);
  }
  return lines.join('\n') + '\n';
}

function sampleLines(p: Profile, s: number): string[] {
  const { samples: ss, locations } = p;
  let text = '';
  for (let i = 0; i < ss.valuesPerSample; i++) text += ` ${String(ss.values[s * ss.valuesPerSample + i]).padStart(10)}`;
  text += ': ';
  for (let i = ss.locStart[s]; i < ss.locStart[s + 1]; i++) text += `${locations.id[ss.locs[i]]} `;
  const out = [text];
  const { strings: str, numeric } = groupLabels(p, s);
  const indent = ' '.repeat(16);
  if (str.size > 0) out.push(indent + [...str].map(([k, v]) => `${k}:[${v.join(' ')}]`).sort().join(' '));
  if (numeric.size > 0) {
    const shown = [...numeric].map(([k, { values, units }]) => {
      const items = units.length === values.length ? values.map((v, i) => `${v} ${units[i]}`) : values.map(String);
      return `${k}:[${items.join(' ')}]`;
    });
    out.push(indent + shown.sort().join(' '));
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
      str.set(key, [...(str.get(key) ?? []), strings[ss.labelStr[i]]]);
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

function locationLines(p: Profile, l: number): string[] {
  const { locations, functions, strings } = p;
  let head = `${String(locations.id[l]).padStart(6)}: ${hex(locations.address[l])} `;
  if (locations.mapping[l] >= 0) head += `M=${p.mappings[locations.mapping[l]].id} `;
  if (locations.isFolded[l]) head += '[F] ';
  const out: string[] = [];
  if (locations.lineStart[l] === locations.lineStart[l + 1]) out.push(head);
  for (let k = locations.lineStart[l]; k < locations.lineStart[l + 1]; k++) {
    const fn = locations.lineFunction[k];
    let text = '??';
    if (fn >= 0) {
      const name = strings[functions.name[fn]];
      const system = strings[functions.systemName[fn]];
      text = `${name} ${strings[functions.filename[fn]]}:${locations.lineNumber[k]} s=${functions.startLine[fn]}`;
      if (name !== system) text += `(${system})`;
    }
    out.push(head + text);
    head = ' '.repeat(13);
  }
  return out;
}
