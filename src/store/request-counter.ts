import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { InitializeMiddleware, MetadataBearer } from '@smithy/types';

/** DynamoDB requests a client has sent, by operation, with the capacity they consumed where reported. */
export interface RequestCounter {
  readonly total: number;
  readonly byOperation: Readonly<Record<string, number>>;
  readonly consumedRead: number;
  readonly consumedWrite: number;
  reset: () => void;
}

/** A RequestCounter and the SDK middleware (initialize step) that feeds it. */
export interface RequestTally extends RequestCounter {
  readonly middleware: InitializeMiddleware<object, MetadataBearer>;
}

/**
 * A count of the commands its middleware sees (at the initialize step, so a command counts once however often the
 * SDK retries it): on a client's stack, every command the client sends (countRequests); on one command's stack,
 * that command (the store a GraphQL request sees, request-store.ts).
 */
export function createRequestTally(options: CountOptions = {}): RequestTally {
  const state = { total: 0, byOperation: {} as Record<string, number>, consumedRead: 0, consumedWrite: 0 };
  const middleware: InitializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    state.total += 1;
    const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
    state.byOperation[operation] = (state.byOperation[operation] ?? 0) + 1;
    const input = args.input as { ReturnConsumedCapacity?: string };
    if (options.askConsumedCapacity && CAPACITY_OPERATIONS.has(operation)) input.ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    const writes = WRITE_OPERATIONS.has(operation);
    for (const capacity of consumedCapacities(result.output)) {
      // DynamoDB Local reports only CapacityUnits: the operation says whether they were read or written.
      state.consumedRead += capacity.ReadCapacityUnits ?? (writes ? 0 : (capacity.CapacityUnits ?? 0));
      state.consumedWrite += capacity.WriteCapacityUnits ?? (writes ? (capacity.CapacityUnits ?? 0) : 0);
    }
    return result;
  };
  return {
    middleware,
    get total() {
      return state.total;
    },
    get byOperation() {
      return { ...state.byOperation };
    },
    get consumedRead() {
      return state.consumedRead;
    },
    get consumedWrite() {
      return state.consumedWrite;
    },
    reset: () => {
      state.total = 0;
      state.byOperation = {};
      state.consumedRead = 0;
      state.consumedWrite = 0;
    },
  };
}

/** Counts each command a client sends. Tests bound round trips with it; the benchmark reports it. */
export function countRequests(client: DynamoDBClient, options: CountOptions = {}): RequestCounter {
  const tally = createRequestTally(options);
  client.middlewareStack.add(tally.middleware, { step: 'initialize', name: 'registryRequestCounter' });
  return tally;
}

export interface CountOptions {
  /**
   * Ask DynamoDB to report the capacity each data request consumed (`ReturnConsumedCapacity: TOTAL`) where
   * the caller did not say; without it only requests that asked themselves add to the consumed totals.
   * @default false
   */
  askConsumedCapacity?: boolean;
}

const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

const READ_OPERATIONS = ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems'];
const CAPACITY_OPERATIONS = new Set([...WRITE_OPERATIONS, ...READ_OPERATIONS]);

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

function consumedCapacities(output: unknown): Capacity[] {
  const consumed = (output as { ConsumedCapacity?: Capacity | Capacity[] } | undefined)?.ConsumedCapacity;
  if (!consumed) return [];
  return Array.isArray(consumed) ? consumed : [consumed];
}
