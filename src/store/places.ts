import { distanceKm, squaresWithin, type GridPoint } from '../domain/grid.js';
import type { SchoolSummary } from '../domain/search-filter.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import { entriesOf, placeEntryOf } from './school-index-items.js';
import type { Store } from './store.js';

/** A school found near a place: what search filters by, its point on the grid and its straight-line distance. */
export interface NearbySchool extends SchoolSummary, GridPoint {
  distanceKm: number;
}

export interface PlaceSearchOptions {
  /**
   * Read the grid squares strongly consistently (a change committed just before is seen).
   * @default false
   */
  consistent?: boolean;
}

/**
 * Schools within `radiusKm` of a grid point, nearest first (then by URN). Reads the 10 km grid squares the
 * circle reaches with BatchGetItem: a set that depends on the radius only (maxSquaresWithin: at most 36 squares,
 * one request, up to 25 km; two requests up to 50 km), never the whole country.
 */
export async function schoolsWithin(
  store: Store,
  centre: GridPoint,
  radiusKm: number,
  options: PlaceSearchOptions = {},
): Promise<NearbySchool[]> {
  const squares = squaresWithin(centre, radiusKm * 1000).map(({ column, row }) => keys.gridSquare(column, row));
  const items = await batchGet(store, squares, { consistent: options.consistent });
  const found: NearbySchool[] = [];
  for (const item of items) {
    if (!item) continue;
    for (const [urn, value] of entriesOf(item)) {
      const school = placeEntryOf(urn, value);
      const distance = distanceKm(centre, school);
      if (distance <= radiusKm) found.push({ ...school, distanceKm: distance });
    }
  }
  return found.sort((left, right) => left.distanceKm - right.distanceKm || left.urn.localeCompare(right.urn));
}
