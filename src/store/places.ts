import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { distanceKm, stripsWithin, type GridPoint, type StripRange } from '../domain/grid.js';
import type { SchoolSummary } from '../domain/search-filter.js';
import { keys } from './keys.js';
import { summaryOfIndexItem } from './school-index-items.js';
import type { Store } from './store.js';

type Item = Record<string, unknown>;

/** A school found near a place, with its straight-line distance on the grid. */
export interface NearbySchool extends SchoolSummary {
  distanceKm: number;
}

/**
 * Schools within `radiusKm` of a grid point, nearest first (then by URN). Reads the grid strips the circle
 * touches (the schools' GRID items), one Query each for the northings within the radius: a fixed set that
 * depends on the radius only (maxStripsWithin: 2 strips up to 25 km, 3 up to 50 km), never the whole country.
 */
export async function schoolsWithin(store: Store, centre: GridPoint, radiusKm: number): Promise<NearbySchool[]> {
  const ranges = stripsWithin(centre, radiusKm * 1000);
  const items = (await Promise.all(ranges.map((range) => readStrip(store, range)))).flat();
  return items
    .map((item) => ({
      ...summaryOfIndexItem(item),
      distanceKm: distanceKm(centre, { easting: item.easting as number, northing: item.northing as number }),
    }))
    .filter((school) => school.distanceKm <= radiusKm)
    .sort((left, right) => left.distanceKm - right.distanceKm || left.urn.localeCompare(right.urn));
}

/** Every school in one strip between two northings (all pages: the area bounds them). */
async function readStrip(store: Store, range: StripRange): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :strip AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':strip': keys.gridStrip(range.strip),
          ':from': keys.gridNorthing(range.fromNorthing),
          ':to': `${keys.gridNorthing(range.toNorthing)}$`,
        },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start);
  return items;
}
