import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RequestBudget } from './request-budget.js';
import type { RequestTally } from './request-counter.js';
import type { Store } from './store.js';
import type { WaitingRead } from './waiting-read.js';

/** What `send` needs of a command: its own middleware stack, which the request's tally joins. */
interface Command {
  middlewareStack: { add: (middleware: RequestTally['middleware'], options: typeof TALLY) => void };
}

const TALLY = { step: 'initialize', name: 'registryRequestTally', override: true } as const;

/**
 * The store as one GraphQL request sees it: each command sent through it is first charged to the request's budget
 * (the one that would pass the limit is refused and not sent) and then counted in the request's tally (its log line
 * and metrics). Passed explicitly in the request's context rather than found through AsyncLocalStorage, which on
 * Node 20 puts a hook on every promise of every request. Its reads by key carry what `waitingRead` hands them.
 */
export function storeForRequest(
  store: Store,
  budget: RequestBudget,
  tally: RequestTally,
  waitingRead?: () => WaitingRead | undefined,
): Store {
  const send = (store.doc.send as (command: Command, ...rest: unknown[]) => Promise<unknown>).bind(store.doc);
  const charged = async (command: Command, ...rest: unknown[]) => {
    budget.spend();
    command.middlewareStack.add(tally.middleware, TALLY);
    return send(command, ...rest);
  };
  const doc = Object.create(store.doc, { send: { value: charged } }) as DynamoDBDocumentClient;
  return { doc, tableName: store.tableName, waitingRead };
}
