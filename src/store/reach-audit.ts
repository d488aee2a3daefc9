import { ConcurrentChange } from '../domain/errors.js';
import { reachByArea, type Nearest, type SchoolReach } from '../domain/reach.js';
import { keys } from './keys.js';
import { partitionItems } from './partition-items.js';
import { readAllReach, writeReach, type AreaWrite } from './reach-areas.js';
import { stateOf, toReachStateItem } from './reach-items.js';
import { fromSchoolItem } from './school-item.js';
import type { Store } from './store.js';

/** A school whose stored reach differs from its reach recomputed from the schools. */
export interface ReachDifference {
  urn: string;
  laCode: string;
  /** Nearest teaching school and distance, as `<urn> at <km> km` (or "none"), stored and recomputed. */
  stored: string;
  actual: string;
}

export interface ReachAuditResult {
  schoolsRead: number;
  differences: ReachDifference[];
  /** Whether the projector's state (teaching schools, areas' extents) differs from the schools'. */
  stateDiffers: boolean;
  /** Local authorities rewritten (with `repair`). */
  repaired: number;
  /** Whether the repair found reach changing under it (run again). */
  changedDuringAudit: boolean;
}

/**
 * Recomputes every open school's reach from the schools (all of them, in memory, as a fresh load does) and
 * compares it with what the projector keeps. `repair` rewrites the differing areas and the state, conditional on
 * what it read, so a projection running meanwhile is never overwritten.
 */
export async function auditReach(store: Store, options: { repair?: boolean } = {}): Promise<ReachAuditResult> {
  const schools = [];
  for await (const item of partitionItems(store, keys.allSchools, { index: 'gsi1' }))
    schools.push(fromSchoolItem(item));
  const expected = reachByArea(schools);
  const { areas, state } = await readAllReach(store);

  const differences: ReachDifference[] = [];
  const writes: AreaWrite[] = [];
  for (const code of new Set([...expected.keys(), ...areas.keys()])) {
    const actual = expected.get(code) ?? [];
    const stored = new Map((areas.get(code)?.schools ?? []).map((school) => [school.urn, school]));
    const before = differences.length;
    for (const school of actual) {
      const kept = stored.get(school.urn);
      stored.delete(school.urn);
      if (!kept || JSON.stringify(kept) !== JSON.stringify(school))
        differences.push({ urn: school.urn, laCode: code, stored: describe(kept), actual: describe(school) });
    }
    for (const kept of stored.values())
      differences.push({ urn: kept.urn, laCode: code, stored: describe(kept), actual: 'not counted' });
    if (differences.length > before)
      writes.push({ laCode: code, readVersion: areas.get(code)?.version ?? 0, schools: actual });
  }
  const actualState = stateOf(expected, state.asOf, state.version);
  const stateDiffers = JSON.stringify(toReachStateItem(actualState)) !== JSON.stringify(toReachStateItem(state));

  let repaired = 0;
  let changedDuringAudit = false;
  if (options.repair && (writes.length > 0 || stateDiffers)) {
    try {
      await writeReach(store, writes, { ...actualState, readVersion: state.version });
      repaired = writes.length;
    } catch (error) {
      if (!(error instanceof ConcurrentChange)) throw error;
      changedDuringAudit = true;
    }
  }
  return { schoolsRead: schools.length, differences, stateDiffers, repaired, changedDuringAudit };
}

function describe(school: SchoolReach | undefined): string {
  if (!school) return 'not counted';
  const nearest = (found: Nearest | null) => (found ? `${found.urn} at ${found.metres / 1000} km` : 'none');
  return `${nearest(school.nearest)} (same phase: ${nearest(school.nearestSamePhase)})`;
}
