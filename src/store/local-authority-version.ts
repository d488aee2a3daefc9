import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './store.js';

/**
 * One small item whose `version` goes up whenever a local authority's details (name, regions) change: in the
 * same transaction as the change, so a reader that sees the same version has the same details. Coverage
 * counts move without it; they are read fresh.
 */
export const LOCAL_AUTHORITY_VERSION_KEY = { pk: 'LOCAL_AUTHORITY_VERSION', sk: 'VERSION' } as const;

/** The update that bumps the version, for a TransactWriteItems. */
export function bumpLocalAuthorityVersion(tableName: string) {
  return {
    Update: {
      TableName: tableName,
      Key: LOCAL_AUTHORITY_VERSION_KEY,
      UpdateExpression: 'SET #type = :type ADD #version :one',
      ExpressionAttributeNames: { '#type': 'type', '#version': 'version' },
      ExpressionAttributeValues: { ':type': 'LocalAuthorityVersion', ':one': 1 },
    },
  };
}

/** The version item as the fresh load writes it. */
export function localAuthorityVersionItem(version: number): Record<string, unknown> {
  return { ...LOCAL_AUTHORITY_VERSION_KEY, type: 'LocalAuthorityVersion', version };
}

/** The current version (one GetItem of one small item); 0 before any local authority was written. */
export async function readLocalAuthorityVersion(store: Store): Promise<number> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: LOCAL_AUTHORITY_VERSION_KEY }));
  return (result.Item?.version as number | undefined) ?? 0;
}
