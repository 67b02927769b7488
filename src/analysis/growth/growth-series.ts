/**
 * Whether snapshots can be ranked as one series. Growth matches functions by name from snapshot to
 * snapshot, so it would rank anything; these checks keep it from silently ranking snapshots of
 * different programs or kinds of profile. Each snapshot is compared with the first one given:
 *
 * - refused: other sample types (names and units, in order), another period type, or, unless
 *   sample_index picks the value for all, another default sample type (an allocs profile among
 *   heap ones): the numbers would not be the same quantity;
 * - warned about: another program name (the base name of the main mapping's file, `File:`), or
 *   the same name with another build ID: a renamed or rebuilt binary may well be the same program,
 *   so the report goes on, but the reader is told.
 */
import type { Profile, ValueType } from '../../profile/model.js';
import { baseName } from '../../go/paths.js';

/** A snapshot and how messages name it (a file, a URL, `snapshot 3`). */
export interface NamedSnapshot {
  readonly name: string;
  readonly profile: Profile;
}

/** What the checks found: a refusal, or a warning, as one line each (without a prefix). */
export interface SeriesCheck {
  readonly refusal: string | null;
  readonly warning: string | null;
}

/** Checks a series (in the order given); `sampleIndexGiven` when -sample_index picks the value. */
export function checkSeries(series: readonly NamedSnapshot[], sampleIndexGiven: boolean): SeriesCheck {
  if (series.length === 0) return { refusal: null, warning: null };
  const first = series[0];
  const warned: { snapshot: NamedSnapshot; why: string }[] = [];
  for (const snapshot of series.slice(1)) {
    const refused = kindDifference(first.profile, snapshot.profile, sampleIndexGiven);
    if (refused !== null) return { refusal: `${snapshot.name}: cannot be ranked with ${first.name}: ${refused}`, warning: null };
    const why = programDifference(first, snapshot);
    if (why !== null) warned.push({ snapshot, why });
  }
  if (warned.length === 0) return { refusal: null, warning: null };
  const more = warned.length > 1 ? ` (${warned.length - 1} more snapshot${warned.length > 2 ? 's differ' : ' differs'} too)` : '';
  return { refusal: null, warning: `${warned[0].why}${more}; ranked as one series all the same` };
}

/** Why `other` holds another quantity than `first`, or null. */
function kindDifference(first: Profile, other: Profile, sampleIndexGiven: boolean): string | null {
  const ours = first.sampleTypes.map(typeText).join(' ');
  const theirs = other.sampleTypes.map(typeText).join(' ');
  if (ours !== theirs) return `sample types [${theirs}] instead of [${ours}]`;
  if (typeText(first.periodType) !== typeText(other.periodType))
    return `period type ${typeText(other.periodType)} instead of ${typeText(first.periodType)}`;
  if (!sampleIndexGiven && defaultType(first) !== defaultType(other)) {
    return `default sample type ${defaultType(other)} instead of ${defaultType(first)} (-sample_index picks one for all)`;
  }
  return null;
}

/** Why `other` may come from another program than `first` (one line, naming both), or null. */
function programDifference(first: NamedSnapshot, other: NamedSnapshot): string | null {
  const ours = first.profile.mappings[0];
  const theirs = other.profile.mappings[0];
  // A profile without a main binary's name (Node's, say) has nothing to compare.
  if (!ours?.file || !theirs?.file) return null;
  const ourName = baseName(ours.file);
  const theirName = baseName(theirs.file);
  if (ourName !== theirName) return `${other.name} is from program ${theirName}, ${first.name} from ${ourName}`;
  if (ours.buildId !== '' && theirs.buildId !== '' && ours.buildId !== theirs.buildId) {
    return `${other.name} is from another build of ${theirName} (build ID ${theirs.buildId}, ${first.name} has ${ours.buildId})`;
  }
  return null;
}

function typeText(t: ValueType): string {
  return `${t.type}/${t.unit}`;
}

/** The sample type a report shows by default: the named default if it is one, else the last (resolveSampleIndex). */
function defaultType(p: Profile): string {
  const names = p.sampleTypes.map((t) => t.type);
  return names.includes(p.defaultSampleType) ? p.defaultSampleType : (names.at(-1) ?? '');
}
