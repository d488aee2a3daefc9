import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB requests a client has sent, by operation. */
export interface RequestCounter {
  readonly total: number;
  readonly byOperation: Readonly<Record<string, number>>;
  reset: () => void;
}

/**
 * Counts each command a client sends (an SDK middleware at the initialize step, so a command counts
 * once however often the SDK retries it). Tests bound round trips with it; the benchmark reports it.
 */
export function countRequests(client: DynamoDBClient): RequestCounter {
  const state = { total: 0, byOperation: {} as Record<string, number> };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      state.total += 1;
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      state.byOperation[operation] = (state.byOperation[operation] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'registryRequestCounter' },
  );
  return {
    get total() {
      return state.total;
    },
    get byOperation() {
      return { ...state.byOperation };
    },
    reset: () => {
      state.total = 0;
      state.byOperation = {};
    },
  };
}
