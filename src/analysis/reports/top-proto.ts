import { ProfileBuilder } from '../../profile/builder.js';
import type { Profile } from '../../profile/model.js';
import type { PreparedReport } from '../analysis.js';
import { cumValue, flatValue } from '../graph/graph.js';
import { type EdgeScope, reportGraph } from './rows.js';
import { reportUnit, scaleValue } from '../values/units.js';

/** No edges: topproto writes nodes alone. */
const NO_EDGES: EdgeScope = { key: 'none', nodes: (_shown, frames) => new Uint8Array(frames.nodes.length) };

/**
 * `topproto`'s profile: `top`'s nodes (same trimming and order, every node when nodecount is
 * unset), each a location of its own (ids 1, 2, ... in report order) with one sample of two
 * values, `cum` then `flat`, in the report's unit and truncated to integers as pprof does. Nodes
 * that print alike share a function (name, file and start line). No mappings: readers add one.
 */
export function topProtoProfile(r: PreparedReport): Profile {
  const { trimmed } = reportGraph({ ...r, defaultNodeCount: 0 }, NO_EDGES);
  const { graph, shown } = trimmed;
  const values = shown.map((n) => [flatValue(graph, n), cumValue(graph, n)] as const);
  // With no nodes pprof leaves the unit as the option says (`minimum` too).
  const unit = shown.length === 0 ? r.options.unit : reportUnit(r.options.unit, values, r.total, 1 / r.options.divide_by, r.sampleUnit);
  const inUnit = (v: number) => Math.trunc(scaleValue(v, r.sampleUnit, unit).value);
  const b = new ProfileBuilder(2);
  const functions = new Map<string, number>();
  const sampleValues: number[] = [];
  shown.forEach((n, i) => {
    const info = r.frames.nodes[n];
    const key = JSON.stringify([info.name, info.file, info.startLine]);
    let fn = functions.get(key);
    if (fn === undefined) functions.set(key, (fn = b.addFunction(info.name, '', info.file, info.startLine)));
    const location = b.addLocation(-1, info.address, false, [[fn, info.line]]);
    b.addSample([location]);
    sampleValues.push(inUnit(values[i][1]), inUnit(values[i][0]));
  });
  const p = r.profile;
  return b.finish(
    {
      sampleTypes: [
        { type: 'cum', unit },
        { type: 'flat', unit },
      ],
      defaultSampleType: '',
      periodType: p.periodType,
      period: p.period,
      timeNanos: p.timeNanos,
      durationNanos: p.durationNanos,
      comments: [],
      dropFrames: '',
      keepFrames: '',
    },
    Float64Array.from(sampleValues),
  );
}
