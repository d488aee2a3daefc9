import { ConcurrentChange } from '../domain/errors.js';
import { affectedAreas, extentOf, type TeachingPlace } from '../domain/reach-influence.js';
import { isTeachingPoint, reachOf, reachPointOf, type ReachPoint, type SchoolReach } from '../domain/reach.js';
import type { School } from '../domain/school.js';
import { compareIdentifiers } from '../domain/text.js';
import { readReachAreas, readReachState, writeReach, type AreaWrite } from './reach-areas.js';
import { pointOnly, toReachAreaItem, toReachStateItem, type ReachState } from './reach-items.js';
import type { Store } from './store.js';

/** A school item's change, as a stream record tells it: either side null where the item did not exist. */
export interface SchoolChange {
  urn: string;
  before: School | null;
  after: School | null;
  /** When the change was made (ISO 8601): the figures are `asOf` the latest change they include. */
  at: string;
}

/** What one projection did, for the bench and the logs. */
export interface ProjectionReport {
  /** Local authorities whose reach was read and recomputed. */
  areasRead: number;
  /** Schools in them. */
  schoolsRead: number;
  /** Schools whose stored reach changed. */
  schoolsChanged: number;
  areasWritten: number;
  /** Reads that found another writer in between, and so were done again. */
  retries: number;
}

/** How often a projection reads again after another writer got in between. */
const MAX_ATTEMPTS = 8;

/**
 * Brings stored reach up to date with school changes (a batch of stream records, in order). It recomputes the
 * local authorities of the changed schools and those a changed teaching school can affect (reach-influence), from
 * the state's teaching schools, and writes only what differs, conditional on what it read: a replayed record
 * writes nothing, and two projectors at once end with the same figures as one.
 */
export async function projectReach(store: Store, changes: readonly SchoolChange[]): Promise<ProjectionReport> {
  const latest = latestPerSchool(changes);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ...(await projectOnce(store, latest)), retries: attempt - 1 };
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** The first `before` and last `after` of each school: what the batch did to it overall. */
function latestPerSchool(changes: readonly SchoolChange[]): SchoolChange[] {
  const byUrn = new Map<string, SchoolChange>();
  for (const change of changes) {
    const earlier = byUrn.get(change.urn);
    byUrn.set(change.urn, earlier ? { ...change, before: earlier.before } : change);
  }
  return [...byUrn.values()];
}

async function projectOnce(store: Store, changes: readonly SchoolChange[]): Promise<Omit<ProjectionReport, 'retries'>> {
  const state = await readReachState(store);
  const teaching = new Map(state.teaching);
  const places: TeachingPlace[] = [];
  const codes = new Set<string>();
  const changed = new Map<string, ReachPoint | null>();
  for (const change of changes) {
    const after = change.after ? reachPointOf(change.after) : null;
    const old = teaching.get(change.urn);
    const next = after && isTeachingPoint(after) ? pointOnly(after) : undefined;
    if (JSON.stringify(old) !== JSON.stringify(next)) {
      if (old) places.push(old);
      if (next) places.push(next);
      if (next) teaching.set(change.urn, next);
      else teaching.delete(change.urn);
    }
    if (change.before) codes.add(change.before.laCode);
    if (change.after) codes.add(change.after.laCode);
    changed.set(change.urn, after);
  }
  for (const code of affectedAreas(state.extents, places)) codes.add(code);

  const read = await readReachAreas(store, [...codes], { consistent: true });
  if (read.state.version !== state.version) throw new ConcurrentChange('Reach state changed while reading');
  const teachingList = [...teaching.values()];
  const extents = new Map(state.extents);
  const writes: AreaWrite[] = [];
  let schoolsRead = 0;
  let schoolsChanged = 0;
  for (const area of read.areas) {
    schoolsRead += area.schools.length;
    const points: ReachPoint[] = area.schools.filter((school) => !changed.has(school.urn));
    for (const point of changed.values()) if (point?.laCode === area.laCode) points.push(point);
    const schools = reachOf(points, teachingList).sort((left, right) => compareIdentifiers(left.urn, right.urn));
    schoolsChanged += countChanged(area.schools, schools);
    if (schools.length > 0) extents.set(area.laCode, extentOf(schools));
    else extents.delete(area.laCode);
    if (!sameItem(toReachAreaItem(area.laCode, area.schools, 0), toReachAreaItem(area.laCode, schools, 0)))
      writes.push({ laCode: area.laCode, readVersion: area.version, schools });
  }
  const asOf = [state.asOf, ...changes.map((change) => change.at)].sort().at(-1)!;
  const next: ReachState = { version: state.version, asOf, teaching, extents };
  if (writes.length > 0 || !sameItem(toReachStateItem(state), toReachStateItem(next))) {
    await writeReach(store, writes, { ...next, readVersion: state.version });
  }
  return { areasRead: read.areas.length, schoolsRead, schoolsChanged, areasWritten: writes.length };
}

function countChanged(before: readonly SchoolReach[], after: readonly SchoolReach[]): number {
  const old = new Map(before.map((school) => [school.urn, JSON.stringify(school)]));
  const changed = after.filter((school) => old.get(school.urn) !== JSON.stringify(school)).length;
  const kept = new Set(after.map((school) => school.urn));
  const removed = before.filter((school) => !kept.has(school.urn)).length;
  return changed + removed;
}

function sameItem(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
