import { distanceKm, squaresWithin, type GridPoint } from '../domain/grid.js';
import { passesFilter, type SchoolSummary, type SearchFilter } from '../domain/search-filter.js';
import { compareIdentifiers } from '../domain/text.js';
import { batchGet } from './batch-get.js';
import { forEachPlaceEntry } from './grid-square-items.js';
import { keys } from './keys.js';
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
  /**
   * Only schools that pass this filter.
   * @default every school
   */
  filter?: SearchFilter;
}

/**
 * Schools within `radiusKm` of a grid point, nearest first (then by URN). Reads the 10 km grid squares the
 * circle reaches with BatchGetItem: a set that depends on the radius only (maxSquaresWithin: at most 36 squares,
 * one request, up to 25 km; two requests up to 50 km), never the whole country. Each square is one item with
 * its schools packed in one attribute (grid-square-items.ts), read in place.
 */
export async function schoolsWithin(
  store: Store,
  centre: GridPoint,
  radiusKm: number,
  options: PlaceSearchOptions = {},
): Promise<NearbySchool[]> {
  const squares = squaresWithin(centre, radiusKm * 1000);
  const items = await batchGet(
    store,
    squares.map(({ column, row }) => keys.gridSquare(column, row)),
    { consistent: options.consistent },
  );
  const found: NearbySchool[] = [];
  let distance = 0;
  const within = (point: GridPoint) => {
    distance = distanceKm(centre, point);
    return distance <= radiusKm;
  };
  const filter = options.filter ?? {};
  items.forEach((item, position) => {
    if (!item) return;
    forEachPlaceEntry(squares[position]!, item, within, (school) => {
      if (passesFilter(school, filter)) found.push(Object.assign(school, { distanceKm: distance }));
    });
  });
  return found.sort((left, right) => left.distanceKm - right.distanceKm || compareIdentifiers(left.urn, right.urn));
}
