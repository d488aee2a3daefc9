import { InvalidInput } from '../domain/errors.js';
import { onGrid, type GridPoint } from '../domain/grid.js';
import type { LatLong } from '../domain/location.js';
import type { SearchFilter } from '../domain/search-filter.js';
import { parseUrn } from '../domain/urn.js';
import { schoolsWithin } from '../store/places.js';
import type { RequestContext } from './context.js';
import { locationConversions } from './location-conversions.js';
import { pageArgs, type PageArgs } from './paging.js';
import { checkedFilter } from './school-search.js';
import { searchPage, type SearchPage } from './search-page.js';

/** The nearest and farthest a place search may reach, in km. */
export const WITHIN_KM = { min: 0.1, max: 50 } as const;

/** A place as GraphQL gives it: exactly one of a school, a WGS84 point or a grid point. */
export interface PlaceArgs {
  urn?: string | null;
  latLong?: LatLong | null;
  grid?: GridPoint | null;
}

/**
 * Schools within a distance of a place, nearest first. Bad arguments are refused before any read; a URN costs
 * one read, the search one BatchGetItem of the grid squares it reaches (two beyond 25 km), the page one more.
 */
export async function schoolsNear(
  context: RequestContext,
  args: PageArgs & { near: PlaceArgs; withinKm: number; filter?: SearchFilter | null },
): Promise<SearchPage<{ distanceKm: number }>> {
  const page = pageArgs(args);
  const filter = checkedFilter(args.filter ?? {});
  if (!(args.withinKm >= WITHIN_KM.min && args.withinKm <= WITHIN_KM.max)) {
    throw new InvalidInput(
      'withinKm',
      `withinKm must be from ${WITHIN_KM.min} to ${WITHIN_KM.max} km, got ${args.withinKm}`,
    );
  }
  const centre = await placePoint(context, args.near);
  const found = await schoolsWithin(context.store, centre, args.withinKm, { filter });
  return searchPage(context, ['schoolsNear', centre, args.withinKm, filter], found, page);
}

async function placePoint(context: RequestContext, near: PlaceArgs): Promise<GridPoint> {
  const given = (['urn', 'latLong', 'grid'] as const).filter((field) => near[field] != null);
  if (given.length !== 1) {
    throw new InvalidInput(
      'near',
      `near takes exactly one of urn, latLong or grid, got ${given.length === 0 ? 'none' : given.join(' and ')}`,
    );
  }
  if (near.grid) {
    if (!onGrid(near.grid))
      throw new InvalidInput(
        'near.grid',
        'near.grid must be an easting from 0 to 700000 and a northing from 0 to 1300000',
      );
    return near.grid;
  }
  if (near.latLong) {
    const { latitude, longitude } = near.latLong;
    const inRange = Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    const point = inRange ? (await locationConversions()).toGridPoint(near.latLong) : null;
    if (!point || !onGrid(point))
      throw new InvalidInput('near.latLong', 'near.latLong must be a point in Great Britain (WGS84 degrees)');
    return point;
  }
  const urn = parseUrn(near.urn!, 'near.urn');
  const school = await context.loaders.schoolByUrn.load(urn);
  if (!school) throw new InvalidInput('near.urn', `No school has URN ${urn}`);
  if (school.easting === null || school.northing === null) {
    throw new InvalidInput('near.urn', `School ${urn} has no location in GIAS`);
  }
  return { easting: school.easting, northing: school.northing };
}
