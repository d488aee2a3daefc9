import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Capacity units a client's commands consumed since the last reset, by whether the command reads or writes. */
export interface CapacityTally {
  readonly readUnits: number;
  readonly writeUnits: number;
  reset: () => void;
}

const KIND: Readonly<Record<string, 'read' | 'write'>> = {
  GetItem: 'read',
  Query: 'read',
  Scan: 'read',
  BatchGetItem: 'read',
  TransactGetItems: 'read',
  PutItem: 'write',
  UpdateItem: 'write',
  DeleteItem: 'write',
  BatchWriteItem: 'write',
  TransactWriteItems: 'write',
};

type Consumed = { CapacityUnits?: number };

/**
 * Asks every command that can report consumed capacity to do so, and adds it up. It asks for `INDEXES`, not
 * `TOTAL`: DynamoDB Local leaves index writes out of a transaction's TOTAL, and reports only `CapacityUnits`
 * (no read and write split), so the command's kind decides which tally a figure goes to. The benchmark's own
 * client only: request paths never ask for consumed capacity.
 */
export function tallyConsumedCapacity(client: DynamoDBClient): CapacityTally {
  const tally = { read: 0, write: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const kind = KIND[String(context.commandName ?? '').replace(/Command$/, '')];
      if (kind) (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      if (kind) for (const each of [consumed ?? []].flat()) tally[kind] += each.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity', priority: 'high' },
  );
  return {
    get readUnits() {
      return tally.read;
    },
    get writeUnits() {
      return tally.write;
    },
    reset: () => {
      tally.read = 0;
      tally.write = 0;
    },
  };
}
