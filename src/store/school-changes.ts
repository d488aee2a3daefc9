import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../domain/audit-event.js';
import { cellDeltas } from '../domain/coverage-cell.js';
import { ConcurrentChange, RegistryError } from '../domain/errors.js';
import type { School } from '../domain/school.js';
import { keys } from './keys.js';
import { toSchoolItem, type StoredSchool } from './school-item.js';
import type { Store } from './store.js';

/** A school as it was read (null for a new one) and as it is to be. */
export interface SchoolChange {
  before: StoredSchool | null;
  after: School;
}

/** DynamoDB's limit on the actions of one TransactWriteItems request. */
export const MAX_TRANSACTION_ACTIONS = 100;

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Writes school changes, the coverage counts they move and their audit events in one transaction.
 * Each school is written only if it is still at the version it was read at (or still absent), so a
 * concurrent writer makes the whole transaction fail with ConcurrentChange and nothing is written.
 */
export async function commitSchoolChanges(
  store: Store,
  changes: readonly SchoolChange[],
  auditEvents: readonly AuditEvent[] = [],
): Promise<StoredSchool[]> {
  const stored = changes.map(({ before, after }) => ({ ...after, version: (before?.version ?? 0) + 1 }));
  const items: TransactItem[] = [
    ...changes.map(({ before }, position) => schoolPut(store, stored[position]!, before)),
    ...countUpdates(store, changes),
    ...auditEvents.map((event) => auditPut(store, event)),
  ];
  if (items.length > MAX_TRANSACTION_ACTIONS) {
    throw new RegistryError('TRANSACTION_TOO_LARGE', `A change of ${items.length} writes exceeds ${MAX_TRANSACTION_ACTIONS}`);
  }
  try {
    await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    throw mapCancellation(error, changes.length);
  }
  return stored;
}

/** How many transaction actions a set of changes needs, for callers that split work into transactions. */
export function actionCount(changes: readonly SchoolChange[]): number {
  return changes.length + deltasByAuthority(changes).size;
}

function schoolPut(store: Store, school: StoredSchool, before: StoredSchool | null): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: toSchoolItem(school, school.version),
      ConditionExpression: before ? 'version = :version' : 'attribute_not_exists(pk)',
      ExpressionAttributeValues: before ? { ':version': before.version } : undefined,
    },
  };
}

/** Net count changes per local authority, leaving out authorities whose counts all cancel out. */
function deltasByAuthority(changes: readonly SchoolChange[]): Map<string, [string, number][]> {
  const byAuthority = new Map<string, Map<string, number>>();
  for (const { before, after } of changes) {
    for (const { laCode, key, delta } of cellDeltas(before, after)) {
      const counts = byAuthority.get(laCode) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + delta);
      byAuthority.set(laCode, counts);
    }
  }
  const moved = new Map<string, [string, number][]>();
  for (const [laCode, counts] of byAuthority) {
    const nonZero = [...counts].filter(([, delta]) => delta !== 0);
    if (nonZero.length > 0) moved.set(laCode, nonZero);
  }
  return moved;
}

function countUpdates(store: Store, changes: readonly SchoolChange[]): TransactItem[] {
  const updates: TransactItem[] = [];
  for (const [laCode, moved] of deltasByAuthority(changes)) {
    updates.push({
      Update: {
        TableName: store.tableName,
        Key: keys.localAuthority(laCode),
        UpdateExpression: `ADD ${moved.map((_, i) => `#c${i} :d${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: Object.fromEntries(moved.map(([key], i) => [`#c${i}`, key])),
        ExpressionAttributeValues: Object.fromEntries(moved.map(([, delta], i) => [`:d${i}`, delta])),
      },
    });
  }
  return updates;
}

function auditPut(store: Store, event: AuditEvent): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { ...keys.auditEvent(event.subject, event.at, event.id), type: 'AuditEvent', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function mapCancellation(error: unknown, schoolCount: number): unknown {
  if (!(error instanceof TransactionCanceledException)) return error;
  const reasons = error.CancellationReasons ?? [];
  const failedAuthority = reasons.slice(schoolCount).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
  if (failedAuthority >= 0 && !reasons.slice(0, schoolCount).some((reason) => reason.Code === 'ConditionalCheckFailed')) {
    return new RegistryError('UNKNOWN_LOCAL_AUTHORITY', 'A school names a local authority the registry does not hold', { cause: error });
  }
  return new ConcurrentChange('The school changed while this change was being made; read it again and retry', { cause: error });
}
