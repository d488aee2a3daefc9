import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RequestBudgetExceeded } from '../domain/errors.js';

/** DynamoDB requests one GraphQL request may send unless configured otherwise. */
export const DEFAULT_DYNAMODB_REQUEST_BUDGET = 500;

/**
 * The DynamoDB requests one GraphQL request has sent, against its limit. A command counts once however often
 * the SDK retries it; the command that would pass the limit is refused before it is sent.
 */
export class RequestBudget {
  public readonly limit: number;
  private sent = 0;
  private refused = false;

  /** @param limit DynamoDB requests allowed; @default DEFAULT_DYNAMODB_REQUEST_BUDGET */
  public constructor(limit: number = DEFAULT_DYNAMODB_REQUEST_BUDGET) {
    this.limit = limit;
  }

  /** DynamoDB requests sent so far. */
  public get used(): number {
    return this.sent;
  }

  /** Whether a request was refused for want of budget. */
  public get exceeded(): boolean {
    return this.refused;
  }

  /** Counts one request, or throws RequestBudgetExceeded (and counts nothing) when the budget is spent. */
  public spend(): void {
    if (this.sent >= this.limit) {
      this.refused = true;
      throw new RequestBudgetExceeded(this.limit);
    }
    this.sent += 1;
  }
}

const activeBudget = new AsyncLocalStorage<RequestBudget>();

/** Runs `work` with `budget` charged for every DynamoDB request sent by a client under `enforceRequestBudgets`. */
export function withRequestBudget<T>(budget: RequestBudget, work: () => T): T {
  return activeBudget.run(budget, work);
}

/** The budget of the request running now, if any (imports and commands run without one). */
export function currentRequestBudget(): RequestBudget | undefined {
  return activeBudget.getStore();
}

const enforced = new WeakSet<DynamoDBClient>();

/** Charges each command the client sends to the budget of the request it serves (once per client). */
export function enforceRequestBudgets(client: DynamoDBClient): void {
  if (enforced.has(client)) return;
  enforced.add(client);
  client.middlewareStack.add(
    (next) => async (args) => {
      activeBudget.getStore()?.spend();
      return next(args);
    },
    { step: 'initialize', name: 'registryRequestBudget', priority: 'high' },
  );
}
