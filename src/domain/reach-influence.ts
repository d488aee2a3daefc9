import type { GridPoint } from './grid.js';
import type { Phase } from './phase.js';
import { PHASE_GROUP_CODES, PHASE_GROUPS, type PhaseGroup, type SchoolReach } from './reach.js';

/**
 * Which local authorities a teaching school's change can affect, bounded by 10 km squares of the grid: an
 * authority is affected only if one of its squares comes within the farthest reach of its schools of the
 * changed teaching school. A school nearer to a new teaching school than to its nearest gains it; a school whose
 * nearest was a teaching school that went was that far from it; either way within its authority's farthest. The
 * same-phase measure counts only for the teaching school's own phase groups, so an authority's long distances
 * to, say, the nearest special teaching school do not widen the bound of a primary one.
 */

/** Side of a reach square, in metres. */
export const REACH_SQUARE_METRES = 10_000;

/** Where an authority's located schools are, and how far the farthest is from its nearest teaching school. */
export interface AreaExtent {
  /** The 10 km squares its located schools are in, as `<x>:<y>` (square indexes east and north). */
  squares: string[];
  /** The farthest distance (metres) of any of its schools to its nearest teaching school; null when unbounded. */
  farthestMetres: number | null;
  /** Per phase group, the farthest same-phase distance of its schools of the group (0 with none; null unbounded). */
  farthestSamePhase: Readonly<Record<PhaseGroup, number | null>>;
}

/** A teaching school that appeared or went: where, and of which phase. */
export interface TeachingPlace {
  location: GridPoint;
  phase: Phase;
}

export function squareOf(point: GridPoint): string {
  return `${Math.floor(point.easting / REACH_SQUARE_METRES)}:${Math.floor(point.northing / REACH_SQUARE_METRES)}`;
}

/** The larger of two bounds, null (unbounded) winning. */
function wider(left: number | null, right: number | null): number | null {
  return left === null || right === null ? null : Math.max(left, right);
}

/** The extent of an authority's schools. */
export function extentOf(schools: readonly SchoolReach[]): AreaExtent {
  const squares = new Set<string>();
  let farthest: number | null = 0;
  const samePhase: Record<PhaseGroup, number | null> = { PRIMARY: 0, SECONDARY: 0, OTHER: 0 };
  for (const school of schools) {
    if (!school.location) continue;
    squares.add(squareOf(school.location));
    farthest = wider(farthest, school.nearest?.metres ?? null);
    for (const group of PHASE_GROUPS[school.phase]) {
      samePhase[group] = wider(samePhase[group], school.nearestSamePhase?.metres ?? null);
    }
  }
  return { squares: [...squares].sort(), farthestMetres: farthest, farthestSamePhase: samePhase };
}

/** The shortest distance (metres) from a point to any part of a square. */
export function distanceToSquare(point: GridPoint, square: string): number {
  const [x, y] = square.split(':').map(Number) as [number, number];
  const east = gap(point.easting, x * REACH_SQUARE_METRES);
  const north = gap(point.northing, y * REACH_SQUARE_METRES);
  return Math.hypot(east, north);
}

function gap(value: number, from: number): number {
  if (value < from) return from - value;
  return Math.max(0, value - (from + REACH_SQUARE_METRES));
}

/** How far from a changed teaching school an authority's schools may be affected (null: any distance). */
function boundFor(extent: AreaExtent, place: TeachingPlace): number | null {
  return PHASE_GROUPS[place.phase].reduce(
    (bound: number | null, group) => wider(bound, extent.farthestSamePhase[group]),
    extent.farthestMetres,
  );
}

/** The authorities whose schools' reach a teaching school appearing or going at any of `places` can change. */
export function affectedAreas(extents: ReadonlyMap<string, AreaExtent>, places: readonly TeachingPlace[]): string[] {
  const affected: string[] = [];
  for (const [code, extent] of extents) {
    const within = (place: TeachingPlace) => {
      const bound = boundFor(extent, place);
      return extent.squares.some((square) => bound === null || distanceToSquare(place.location, square) <= bound);
    };
    if (places.some(within)) affected.push(code);
  }
  return affected.sort();
}

/** The extent as the state item keeps it: `<farthest>|<primary>|<secondary>|<other>|<squares>`, '' for null. */
export function encodeExtent(extent: AreaExtent): string {
  const bound = (metres: number | null) => (metres === null ? '' : String(metres));
  return [
    bound(extent.farthestMetres),
    ...PHASE_GROUP_CODES.map((group) => bound(extent.farthestSamePhase[group])),
    extent.squares.join(' '),
  ].join('|');
}

export function decodeExtent(value: string): AreaExtent {
  const [farthest, primary, secondary, other, squares] = value.split('|') as [string, string, string, string, string];
  const bound = (text: string) => (text === '' ? null : Number(text));
  return {
    farthestMetres: bound(farthest),
    farthestSamePhase: { PRIMARY: bound(primary), SECONDARY: bound(secondary), OTHER: bound(other) },
    squares: squares === '' ? [] : squares.split(' '),
  };
}
