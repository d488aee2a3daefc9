import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AllianceType } from '../domain/alliance.js';
import type { GorRegion } from '../domain/region.js';
import { fromAllianceItem, type StoredAlliance } from './alliance-item.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import { countItems, queryPage, type ItemFilter, type Page, type PageQuery } from './query-page.js';
import type { Store } from './store.js';
import type { IndexName } from './table-definition.js';

/** Alliances by id, in the order asked, undefined where none has the id. */
export async function getAlliancesById(store: Store, ids: readonly string[]): Promise<(StoredAlliance | undefined)[]> {
  const items = await batchGet(store, ids.map((id) => keys.alliance(id)));
  return items.map((item) => (item ? fromAllianceItem(item) : undefined));
}

/** An alliance read strongly consistently, as a change starts from it. */
export async function getAllianceForChange(store: Store, id: string): Promise<StoredAlliance | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.alliance(id), ConsistentRead: true }));
  return result.Item ? fromAllianceItem(result.Item) : undefined;
}

/** The id of the alliance holding a name (see allianceNameKey), if any. */
export async function allianceIdByName(store: Store, nameKey: string): Promise<string | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.allianceName(nameKey), ConsistentRead: true }));
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
export function findAlliances(store: Store, criteria: AllianceCriteria, page: { first: number; after?: string | null }): Promise<Page<StoredAlliance>> {
  return queryPage(store, { ...allianceList(criteria), first: page.first, after: page.after, map: fromAllianceItem });
}

/** How many alliances match (a COUNT query over about 640 small items: one request). */
export function countAlliances(store: Store, criteria: AllianceCriteria): Promise<number> {
  return countItems(store, allianceList(criteria));
}

function allianceList(criteria: AllianceCriteria): Pick<PageQuery<unknown>, 'list' | 'index' | 'segments' | 'filter'> {
  let index: IndexName = 'byPlace';
  let partition: string = keys.allAlliances;
  if (criteria.networkId) {
    index = 'byList';
    partition = keys.networkAlliances(criteria.networkId);
  } else if (criteria.type) {
    index = 'byPhase';
    partition = keys.alliancesOfType(criteria.type);
  }
  return { list: 'alliances', index, segments: [{ partition, prefix: '' }], filter: allianceFilter(criteria, index) };
}

function allianceFilter(criteria: AllianceCriteria, index: IndexName): ItemFilter | null {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (criteria.type && index !== 'byPhase') {
    clauses.push('#allianceType = :type');
    names['#allianceType'] = 'allianceType';
    values[':type'] = criteria.type;
  }
  if (criteria.region) {
    clauses.push('contains(#regions, :region)');
    names['#regions'] = 'leadRegions';
    values[':region'] = criteria.region;
  }
  if (criteria.laCode) {
    clauses.push('contains(#laCodes, :laCode)');
    names['#laCodes'] = 'leadLaCodes';
    values[':laCode'] = criteria.laCode;
  }
  if (criteria.needsRestructuring != null) {
    clauses.push('#flagged = :flagged');
    names['#flagged'] = 'needsRestructuring';
    values[':flagged'] = criteria.needsRestructuring;
  }
  return clauses.length > 0 ? { expression: clauses.join(' AND '), names, values } : null;
}
