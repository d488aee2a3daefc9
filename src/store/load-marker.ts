import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditSubject, type AuditEvent } from '../domain/audit-event.js';
import { REGISTRY_LOADED_ACTION } from '../domain/change.js';
import { ErrorCode, RegistryError } from '../domain/errors.js';
import { toAuditItem } from './change-feed.js';
import { IMPORT_ACTOR } from './change-set.js';
import type { Store } from './store.js';

const KEY = { pk: 'LOAD', sk: 'LOAD' };

/** What a fresh load records: LOADING while its unconditional writes run, COMPLETE once the counters are written. */
export interface LoadMarker {
  state: 'LOADING' | 'COMPLETE';
  startedAt: string;
  completedAt?: string;
  /** Items the load wrote, counters included. */
  items?: number;
}

/**
 * Claims a table for a fresh load: fails if any load (finished or not) has claimed it, so two fresh loads never
 * write into one table and a fresh load never runs over one that has been loaded.
 */
export async function claimFreshLoad(store: Store, now: Date): Promise<void> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...KEY, type: 'LoadMarker', state: 'LOADING', startedAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new RegistryError(
        ErrorCode.TABLE_NOT_FRESH,
        `Table ${store.tableName} has been loaded before: a fresh load needs an empty table`,
      );
    }
    throw error;
  }
}

/**
 * Marks the fresh load complete (every item and every counter is written) and, in the same transaction, puts one
 * REGISTRY_LOADED event on the change feed: the load writes no event per school, so this one tells a partner
 * following the feed to download the registry again.
 */
export async function completeFreshLoad(store: Store, items: number, now: Date): Promise<void> {
  const subject = auditSubject.registry();
  const event: AuditEvent = {
    subject,
    at: now.toISOString(),
    id: `${randomUUID()}#${subject}`,
    actor: IMPORT_ACTOR,
    action: REGISTRY_LOADED_ACTION,
    before: null,
    after: null,
  };
  await store.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: store.tableName,
            Key: KEY,
            UpdateExpression: 'SET #state = :complete, completedAt = :at, #items = :items',
            ConditionExpression: '#state = :loading',
            ExpressionAttributeNames: { '#state': 'state', '#items': 'items' },
            ExpressionAttributeValues: {
              ':complete': 'COMPLETE',
              ':loading': 'LOADING',
              ':at': now.toISOString(),
              ':items': items,
            },
          },
        },
        {
          Put: {
            TableName: store.tableName,
            Item: toAuditItem(event),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
}

/** The table's load marker; undefined when it was loaded transactionally (or not at all). */
export async function readLoadMarker(store: Store): Promise<LoadMarker | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: KEY, ConsistentRead: true }));
  if (!result.Item) return undefined;
  const { state, startedAt, completedAt, items } = result.Item as LoadMarker;
  return { state, startedAt, completedAt, items };
}

/** Whether the table holds no item at all (one Scan of at most one item: for loads, never a request path). */
export async function tableIsEmpty(store: Store): Promise<boolean> {
  const result = await store.doc.send(new ScanCommand({ TableName: store.tableName, Limit: 1, ConsistentRead: true }));
  return (result.Items ?? []).length === 0;
}
