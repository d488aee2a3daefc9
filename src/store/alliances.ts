import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AllianceType } from '../domain/alliance.js';
import type { GorRegion } from '../domain/region.js';
import { fromAllianceItem, type StoredAlliance } from './alliance-item.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import { countItems, queryPage, type ItemFilter, type ListSource, type Page, type PageQuery } from './query-page.js';
import type { Store } from './store.js';
import { FilterBuilder } from './item-filter.js';

/** Alliances by id, in the order asked, undefined where none has the id; `consistent` as a change reads. */
export async function getAlliancesById(
  store: Store,
  ids: readonly string[],
  options: { consistent?: boolean } = {},
): Promise<(StoredAlliance | undefined)[]> {
  const items = await batchGet(
    store,
    ids.map((id) => keys.alliance(id)),
    options,
  );
  return items.map((item) => (item ? fromAllianceItem(item) : undefined));
}

/** An alliance read strongly consistently, as a change starts from it. */
export async function getAllianceForChange(store: Store, id: string): Promise<StoredAlliance | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.alliance(id), ConsistentRead: true }),
  );
  return result.Item ? fromAllianceItem(result.Item) : undefined;
}

/** The id of the alliance holding a name (see allianceNameKey), if any. */
export async function allianceIdByName(store: Store, nameKey: string): Promise<string | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.allianceName(nameKey), ConsistentRead: true }),
  );
  return result.Item?.allianceId as string | undefined;
}

/** What a list of alliances may be narrowed to. */
export interface AllianceCriteria {
  type?: AllianceType | null;
  region?: GorRegion | null;
  laCode?: string | null;
  needsRestructuring?: boolean | null;
  networkId?: string | null;
}

/** Alliances matching the criteria, by name: all of them, one type, or one network's. */
export function findAlliances(
  store: Store,
  criteria: AllianceCriteria,
  page: { first: number; after?: string | null },
): Promise<Page<StoredAlliance>> {
  return queryPage(store, { ...allianceList(criteria), first: page.first, after: page.after, map: fromAllianceItem });
}

/** How many alliances match (a COUNT query over about 640 small items: one request). */
export function countAlliances(store: Store, criteria: AllianceCriteria): Promise<number> {
  return countItems(store, allianceList(criteria));
}

/** The access patterns of alliance lists: each an index partition in name order (`<name key>#<id>`). */
const ALLIANCE_LISTS = {
  byName: { index: 'gsi1', partition: keys.allAlliances },
  byTypeAndName: (type: AllianceType): ListSource => ({ index: 'gsi2', partition: keys.alliancesOfType(type) }),
  inNetworkByName: (networkId: string): ListSource => ({ index: 'gsi3', partition: keys.networkAlliances(networkId) }),
} satisfies Record<string, ListSource | ((...args: never[]) => ListSource)>;

function allianceList(criteria: AllianceCriteria): Pick<PageQuery<unknown>, 'list' | 'index' | 'segments' | 'filter'> {
  let source: ListSource = ALLIANCE_LISTS.byName;
  if (criteria.networkId) source = ALLIANCE_LISTS.inNetworkByName(criteria.networkId);
  else if (criteria.type) source = ALLIANCE_LISTS.byTypeAndName(criteria.type);
  const typeAnswered = !criteria.networkId && Boolean(criteria.type);
  return {
    list: 'alliances',
    index: source.index,
    segments: [{ partition: source.partition, prefix: '' }],
    filter: allianceFilter(criteria, typeAnswered),
  };
}

function allianceFilter(criteria: AllianceCriteria, typeAnswered: boolean): ItemFilter | null {
  return new FilterBuilder()
    .equals('allianceType', typeAnswered ? null : criteria.type)
    .contains('leadRegions', criteria.region)
    .contains('leadLaCodes', criteria.laCode)
    .equals('needsRestructuring', criteria.needsRestructuring)
    .build();
}
