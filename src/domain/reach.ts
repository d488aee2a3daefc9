import { isTeachingSchool } from './designation.js';
import { isOpen } from './establishment-status.js';
import type { GridPoint } from './grid.js';
import type { Phase } from './phase.js';
import type { GorRegion } from './region.js';
import type { School } from './school.js';
import { compareIdentifiers } from './text.js';

/**
 * Reach: how far each open school is from the nearest current teaching school, in metres on the British
 * National Grid. docs/coverage.md gives the definitions; this module is the one home of the arithmetic.
 */

/** The groups of phases "same phase" compares: a school and a teaching school share a group. */
export type PhaseGroup = 'PRIMARY' | 'SECONDARY' | 'OTHER';

/**
 * Which groups each phase belongs to: nursery and middle-deemed-primary schools are primary-type, middle-deemed-
 * secondary and 16 plus are secondary-type, all-through schools are both, and phase "not applicable" (special
 * schools, pupil referral units) is a group of its own.
 */
export const PHASE_GROUPS: Readonly<Record<Phase, readonly PhaseGroup[]>> = {
  NURSERY: ['PRIMARY'],
  PRIMARY: ['PRIMARY'],
  MIDDLE_DEEMED_PRIMARY: ['PRIMARY'],
  SECONDARY: ['SECONDARY'],
  MIDDLE_DEEMED_SECONDARY: ['SECONDARY'],
  SIXTEEN_PLUS: ['SECONDARY'],
  ALL_THROUGH: ['PRIMARY', 'SECONDARY'],
  NOT_APPLICABLE: ['OTHER'],
};

export const PHASE_GROUP_CODES: readonly PhaseGroup[] = ['PRIMARY', 'SECONDARY', 'OTHER'];

/** What reach needs of an open school. */
export interface ReachPoint {
  urn: string;
  laCode: string;
  region: GorRegion;
  phase: Phase;
  /** Null where GIAS gives no location: such a school's reach is unknown, never guessed. */
  location: GridPoint | null;
  teaching: boolean;
}

/** The nearest teaching school to a school, and how far it is in whole metres. */
export interface Nearest {
  urn: string;
  metres: number;
}

/** An open school with its reach: null where its location is unknown or no teaching school qualifies. */
export interface SchoolReach extends ReachPoint {
  nearest: Nearest | null;
  nearestSamePhase: Nearest | null;
}

/** What reach keeps of a school, or null for a school that reach does not count (one that is not open). */
export function reachPointOf(school: School): ReachPoint | null {
  if (!isOpen(school.status)) return null;
  return {
    urn: school.urn,
    laCode: school.laCode,
    region: school.region,
    phase: school.phase,
    location:
      school.easting === null || school.northing === null
        ? null
        : { easting: school.easting, northing: school.northing },
    teaching: isTeachingSchool(school),
  };
}

/** Whether two schools share a phase group. */
export function samePhaseGroup(left: Phase, right: Phase): boolean {
  return PHASE_GROUPS[left].some((group) => PHASE_GROUPS[right].includes(group));
}

/** A teaching school reach measures from: open, current and located. */
export type TeachingPoint = ReachPoint & { location: GridPoint; teaching: true };

export function isTeachingPoint(point: ReachPoint): point is TeachingPoint {
  return point.teaching && point.location !== null;
}

/** The nearest of the teaching schools to a point (ties to the lower URN), or null when there is none. */
export function nearestOf(point: GridPoint, teaching: readonly TeachingPoint[]): Nearest | null {
  let best: TeachingPoint | null = null;
  let bestSquare = Number.POSITIVE_INFINITY;
  for (const candidate of teaching) {
    const east = candidate.location.easting - point.easting;
    const north = candidate.location.northing - point.northing;
    const square = east * east + north * north;
    if (square < bestSquare || (square === bestSquare && best !== null && candidate.urn < best.urn)) {
      best = candidate;
      bestSquare = square;
    }
  }
  return best ? { urn: best.urn, metres: Math.round(Math.sqrt(bestSquare)) } : null;
}

/** The reach of each school against the current teaching schools (a teaching school is 0 m from itself). */
export function reachOf(points: Iterable<ReachPoint>, teaching: readonly TeachingPoint[]): SchoolReach[] {
  const byPhase = new Map<Phase, TeachingPoint[]>();
  const samePhase = (phase: Phase) => {
    let found = byPhase.get(phase);
    if (!found) {
      found = teaching.filter((candidate) => samePhaseGroup(candidate.phase, phase));
      byPhase.set(phase, found);
    }
    return found;
  };
  return [...points].map((point) => {
    if (!point.location) return { ...point, nearest: null, nearestSamePhase: null };
    if (isTeachingPoint(point)) {
      const self = { urn: point.urn, metres: 0 };
      return { ...point, nearest: self, nearestSamePhase: self };
    }
    return {
      ...point,
      nearest: nearestOf(point.location, teaching),
      nearestSamePhase: nearestOf(point.location, samePhase(point.phase)),
    };
  });
}

/** Every open school's reach, by local authority, computed from the schools alone (a fresh load, the audit). */
export function reachByArea(schools: Iterable<School>): Map<string, SchoolReach[]> {
  const points = [...schools].map(reachPointOf).filter((point): point is ReachPoint => point !== null);
  const teaching = points.filter(isTeachingPoint);
  const areas = new Map<string, SchoolReach[]>();
  for (const school of reachOf(points, teaching).sort((left, right) => compareIdentifiers(left.urn, right.urn))) {
    const area = areas.get(school.laCode) ?? [];
    area.push(school);
    areas.set(school.laCode, area);
  }
  return areas;
}
