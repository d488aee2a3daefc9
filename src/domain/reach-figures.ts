import { PHASE_GROUP_CODES, PHASE_GROUPS, type PhaseGroup, type SchoolReach } from './reach.js';

/** Where each reach band starts, in km; the last band has no end. */
export const REACH_BAND_STARTS_KM: readonly number[] = [0, 5, 10, 20, 40];

/** Schools whose distance is at least `fromKm` and below `toKm` (no end for the last band). */
export interface ReachBand {
  fromKm: number;
  toKm: number | null;
  schools: number;
}

/** Reach figures of a set of schools, from their stored distances. */
export interface ReachFigures {
  /** Open schools counted, unknown included. */
  schools: number;
  bands: ReachBand[];
  /** Schools with no distance: no location in GIAS, or no teaching school that qualifies. */
  unknown: number;
  medianKm: number | null;
  farthestKm: number | null;
}

export interface PhaseGroupReach extends ReachFigures {
  phaseGroup: PhaseGroup;
}

/** An area's reach: to the nearest teaching school, and per phase group to the nearest of the same group. */
export interface AreaReach extends ReachFigures {
  byPhaseGroup: PhaseGroupReach[];
}

/** Figures from distances in metres (null for unknown). The median of an even count is the mean of the middle two. */
export function reachFiguresOf(distances: readonly (number | null)[]): ReachFigures {
  const known = distances.filter((metres): metres is number => metres !== null).sort((left, right) => left - right);
  const bands = REACH_BAND_STARTS_KM.map((fromKm, index) => ({
    fromKm,
    toKm: REACH_BAND_STARTS_KM[index + 1] ?? null,
    schools: 0,
  }));
  for (const metres of known) {
    const band = bands.findLast((candidate) => metres >= candidate.fromKm * 1000);
    if (band) band.schools += 1;
  }
  const middle = known.length / 2;
  const median =
    known.length === 0
      ? null
      : known.length % 2 === 1
        ? known[Math.floor(middle)]!
        : (known[middle - 1]! + known[middle]!) / 2;
  return {
    schools: distances.length,
    bands,
    unknown: distances.length - known.length,
    medianKm: median === null ? null : toKm(median),
    farthestKm: known.length === 0 ? null : toKm(known[known.length - 1]!),
  };
}

/** The reach of an area's schools, overall and per phase group (groups with no school left out). */
export function areaReachOf(schools: readonly SchoolReach[]): AreaReach {
  const byPhaseGroup = PHASE_GROUP_CODES.map((phaseGroup) => {
    const members = schools.filter((school) => PHASE_GROUPS[school.phase].includes(phaseGroup));
    return { phaseGroup, ...reachFiguresOf(members.map((school) => school.nearestSamePhase?.metres ?? null)) };
  }).filter((group) => group.schools > 0);
  return { ...reachFiguresOf(schools.map((school) => school.nearest?.metres ?? null)), byPhaseGroup };
}

/**
 * What counts as remote when a caller does not say (schema/coverage.graphql and schema/reach.graphql give the same
 * defaults): 20 km or more from a teaching school, and a tenth of an authority's schools for a REMOTE gap.
 */
export const REMOTE_DEFAULTS = { beyondKm: 20, minShare: 0.1 } as const;

/** The share (0 to 1) of the schools with a known distance that are `beyondKm` or more from a teaching school. */
export function remoteShareOf(schools: readonly SchoolReach[], beyondKm: number): number {
  const known = schools.filter((school) => school.nearest !== null);
  if (known.length === 0) return 0;
  return known.filter((school) => school.nearest!.metres >= beyondKm * 1000).length / known.length;
}

/** Metres as km to 3 decimals. */
export function toKm(metres: number): number {
  return Math.round(metres) / 1000;
}
