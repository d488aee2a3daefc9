import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalAuthority } from '../domain/local-authority.js';
import { compareIdentifiers } from '../domain/text.js';
import { type DetailAttributes, detailsUpdate, type LocalAuthorityDetails } from './local-authority-details.js';
import type { Store } from './store.js';

/**
 * One item whose `version` goes up whenever a local authority's details (name, regions) change, and which holds
 * every authority's details: in the same transaction as the change, so a reader that sees the same version has the
 * same details, and a container reads them all with one GetItem (about 12 KB) rather than a Query of the authorities'
 * partition (on DynamoDB Local about three times as long, and the first request of a cold start waits for it).
 * Coverage counts move without it; they are read fresh.
 */
export const LOCAL_AUTHORITY_VERSION_KEY = { pk: 'LOCAL_AUTHORITY_VERSION', sk: 'VERSION' } as const;

/** An authority's details as the version item holds them: flat attributes, so each sets or goes on its own. */
function detailAttributes(code: string): DetailAttributes {
  return { name: `name#${code}`, region: `region#${code}`, rscRegion: `rscRegion#${code}` };
}

const NAME_PREFIX = detailAttributes('').name;

/** The update that bumps the version and sets one authority's details there, for a TransactWriteItems. */
export function bumpLocalAuthorityVersion(tableName: string, authority: LocalAuthorityDetails) {
  const { sets, remove, names, values } = detailsUpdate(authority, detailAttributes(authority.code));
  return {
    Update: {
      TableName: tableName,
      Key: LOCAL_AUTHORITY_VERSION_KEY,
      UpdateExpression: `SET #type = :type, ${sets.join(', ')}${remove} ADD #version :one`,
      ExpressionAttributeNames: { ...names, '#type': 'type', '#version': 'version' },
      ExpressionAttributeValues: { ...values, ':type': 'LocalAuthorityVersion', ':one': 1 },
    },
  };
}

/** The version item as the fresh load writes it, with every authority's details. */
export function localAuthorityVersionItem(
  version: number,
  authorities: readonly LocalAuthority[],
): Record<string, unknown> {
  const item: Record<string, unknown> = { ...LOCAL_AUTHORITY_VERSION_KEY, type: 'LocalAuthorityVersion', version };
  for (const authority of authorities) {
    const attributes = detailAttributes(authority.code);
    item[attributes.name] = authority.name;
    item[attributes.region] = authority.region;
    if (authority.rscRegion) item[attributes.rscRegion] = authority.rscRegion;
  }
  return item;
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

/** The version and every authority's details, in code order (one GetItem). */
export async function readLocalAuthorityDetails(store: Store): Promise<LocalAuthorityDetailsVersion> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: LOCAL_AUTHORITY_VERSION_KEY }));
  const item = result.Item ?? {};
  const authorities: LocalAuthority[] = [];
  for (const [attribute, name] of Object.entries(item)) {
    if (!attribute.startsWith(NAME_PREFIX)) continue;
    const code = attribute.slice(NAME_PREFIX.length);
    const attributes = detailAttributes(code);
    authorities.push({
      code,
      name: name as string,
      region: item[attributes.region] as LocalAuthority['region'],
      rscRegion: (item[attributes.rscRegion] as string | undefined) ?? null,
      counts: {},
      allianceEntries: [],
    });
  }
  authorities.sort((a, b) => compareIdentifiers(a.code, b.code));
  return { version: (item.version as number | undefined) ?? 0, authorities };
}
