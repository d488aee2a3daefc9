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
