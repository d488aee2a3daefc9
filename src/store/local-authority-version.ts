import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalAuthority } from '../domain/local-authority.js';
import { compareIdentifiers } from '../domain/text.js';
import type { Store } from './store.js';

/**
 * One item whose `version` goes up whenever a local authority's details (name, regions) change, and which holds
 * every authority's details: in the same transaction as the change, so a reader that sees the same version has the
 * same details, and a container reads them all with one GetItem (about 12 KB) rather than a Query of the authorities'
 * partition (on DynamoDB Local about three times as long, and the first request of a cold start waits for it).
 * Coverage counts move without it; they are read fresh.
 */
export const LOCAL_AUTHORITY_VERSION_KEY = { pk: 'LOCAL_AUTHORITY_VERSION', sk: 'VERSION' } as const;

/** An authority's details as the version item holds them. */
export type StoredDetails = Pick<LocalAuthority, 'code' | 'name' | 'region' | 'rscRegion'>;

/**
 * The details as one attribute, a JSON array in code order: DynamoDB and the SDK read one string far faster than
 * an attribute per detail (457 of them in the shipped registry; the version item's read took about twice a school's),
 * and a cold start's first request waits for that read. A change rewrites it whole (replaceLocalAuthorityDetails).
 */
function detailsAttribute(authorities: readonly StoredDetails[]): string {
  const sorted = [...authorities].sort((a, b) => compareIdentifiers(a.code, b.code));
  return JSON.stringify(sorted.map(({ code, name, region, rscRegion }) => ({ code, name, region, rscRegion })));
}

/** The version item as the fresh load writes it, with every authority's details. */
export function localAuthorityVersionItem(
  version: number,
  authorities: readonly StoredDetails[],
): Record<string, unknown> {
  return {
    ...LOCAL_AUTHORITY_VERSION_KEY,
    type: 'LocalAuthorityVersion',
    version,
    details: detailsAttribute(authorities),
  };
}

/**
 * The write that replaces the version item whole (details and version, moved on from the one read), for a
 * TransactWriteItems: it fails the transaction if another writer moved the version first (or made the item, when none
 * was read). Whole, so that nothing of an older layout stays on the item.
 */
export function replaceLocalAuthorityDetails(tableName: string, read: number, authorities: readonly StoredDetails[]) {
  return {
    Put: {
      TableName: tableName,
      Item: localAuthorityVersionItem(read + 1, authorities),
      ConditionExpression: read === 0 ? 'attribute_not_exists(#version)' : '#version = :read',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: read === 0 ? undefined : { ':read': read },
    },
  };
}

/** The current version (one GetItem, of that attribute alone); 0 before any local authority was written. */
export async function readLocalAuthorityVersion(store: Store): Promise<number> {
  const result = await store.doc.send(
    new GetCommand({
      TableName: store.tableName,
      Key: LOCAL_AUTHORITY_VERSION_KEY,
      ProjectionExpression: '#version',
      ExpressionAttributeNames: { '#version': 'version' },
    }),
  );
  return (result.Item?.version as number | undefined) ?? 0;
}

/** What the version item holds: the version, and every authority's details (no counts or alliance entries). */
export interface LocalAuthorityDetailsVersion {
  version: number;
  authorities: LocalAuthority[];
}

export interface ReadDetailsOptions {
  /**
   * Read strongly consistently, as a writer must before it replaces the details.
   * @default false
   */
  consistent?: boolean;
}

/** The version and every authority's details, in code order (one GetItem). */
export async function readLocalAuthorityDetails(
  store: Store,
  options: ReadDetailsOptions = {},
): Promise<LocalAuthorityDetailsVersion> {
  const result = await store.doc.send(
    new GetCommand({
      TableName: store.tableName,
      Key: LOCAL_AUTHORITY_VERSION_KEY,
      ConsistentRead: options.consistent,
    }),
  );
  return localAuthorityDetailsOf(result.Item);
}

/** What a version item read by someone else holds (undefined: none written yet, version 0). */
export function localAuthorityDetailsOf(item: Record<string, unknown> | undefined): LocalAuthorityDetailsVersion {
  const details = JSON.parse((item?.details as string | undefined) ?? '[]') as StoredDetails[];
  return {
    version: (item?.version as number | undefined) ?? 0,
    authorities: details.map((authority) => ({ ...authority, counts: {}, allianceEntries: [] })),
  };
}
