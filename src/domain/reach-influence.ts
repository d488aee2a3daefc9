import type { GridPoint } from './grid.js';
import type { SchoolReach } from './reach.js';

/**
 * Which local authorities a teaching school's change can affect, bounded by 10 km squares of the grid: an
 * authority is affected only if one of its squares comes within the farthest reach of its schools of the
 * changed teaching school. A school nearer to a new teaching school than to its nearest gains it; a school whose
 * nearest was a teaching school that went was that far from it; either way within its authority's farthest.
 */

/** Side of a reach square, in metres. */
export const REACH_SQUARE_METRES = 10_000;

/** Where an authority's located schools are, and how far the farthest is from its nearest teaching school. */
export interface AreaExtent {
  /** The 10 km squares its located schools are in, as `<x>:<y>` (square indexes east and north). */
  squares: string[];
  /** The farthest distance (metres) of any of its schools, either measure; null when unbounded (none qualifies). */
  farthestMetres: number | null;
}

export function squareOf(point: GridPoint): string {
  return `${Math.floor(point.easting / REACH_SQUARE_METRES)}:${Math.floor(point.northing / REACH_SQUARE_METRES)}`;
}

/** The extent of an authority's schools. */
export function extentOf(schools: readonly SchoolReach[]): AreaExtent {
  const squares = new Set<string>();
  let farthest: number | null = 0;
  for (const school of schools) {
    if (!school.location) continue;
    squares.add(squareOf(school.location));
    if (!school.nearest || !school.nearestSamePhase) farthest = null;
    else if (farthest !== null) farthest = Math.max(farthest, school.nearest.metres, school.nearestSamePhase.metres);
  }
  return { squares: [...squares].sort(), farthestMetres: farthest };
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

/** The authorities whose schools' reach a teaching school appearing or going at any of `places` can change. */
export function affectedAreas(extents: ReadonlyMap<string, AreaExtent>, places: readonly GridPoint[]): string[] {
  const affected: string[] = [];
  for (const [code, extent] of extents) {
    const within = (place: GridPoint) =>
      extent.squares.some(
        (square) => extent.farthestMetres === null || distanceToSquare(place, square) <= extent.farthestMetres,
      );
    if (places.some(within)) affected.push(code);
  }
  return affected.sort();
}
