import {
  type DocumentNode,
  type FormattedExecutionResult,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode, RequestBudgetExceeded } from '../domain/errors.js';
import type { RequestContext } from './context.js';
import { LIST_MAXIMUMS } from './list-limits.js';
import { MAX_PAGE_SIZE } from './paging.js';
import { eachList, operationCost } from './query-cost.js';

/** What a request cost, as `extensions.cost` reports it on every response that ran. */
export interface CostReport {
  /** The operation's worst-case static cost (see operationCost). */
  staticCost: number;
  /** The most static cost a request may have. */
  limit: number;
  /** DynamoDB requests this request sent. */
  dynamoDbRequests: number;
  /** The most DynamoDB requests one request may send. */
  dynamoDbRequestLimit: number;
}

/**
 * The cost of each operation that declares no variables, which depends on its document alone: the server keeps one
 * parsed document per query text, so a query sent again is not costed again (its limit is still applied). An
 * operation refused for a list over its maximum throws before it is kept, and so is refused every time.
 */
const COSTS_WITHOUT_VARIABLES = new WeakMap<OperationDefinitionNode, number>();

/**
 * The operation's static cost (with `first` read from variables and defaults), to two decimals, or null when its
 * variables do not fit their types (execution refuses those before any resolver runs). Throws, before anything runs,
 * when a list is longer than its maximum (400, BAD_USER_INPUT, `extensions.field`).
 */
export function staticCostOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  const definitions = operation.variableDefinitions ?? [];
  let cost = definitions.length === 0 ? COSTS_WITHOUT_VARIABLES.get(operation) : undefined;
  if (cost === undefined) {
    const coerced = getVariableValues(schema, definitions, variables ?? {}, { maxErrors: 1 });
    if ('errors' in coerced && coerced.errors) return null;
    cost = operationCost(schema, document, operation, coerced.coerced, ({ path, type, value }) =>
      eachList(path, type, value, (key, listPath, length) => refuseLongList(key, listPath, length)),
    );
    if (definitions.length === 0) COSTS_WITHOUT_VARIABLES.set(operation, cost);
  }
  return Math.round(cost * 100) / 100;
}

/** Refuses, before anything runs, a cost over `maxCost`: 400, GRAPHQL_VALIDATION_FAILED, `extensions.limit` maxCost. */
export function refuseCostOver(staticCost: number, maxCost: number): void {
  if (staticCost <= maxCost) return;
  throw new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${staticCost}.`, {
    extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, limit: 'maxCost', http: { status: 400 } },
  });
}

/**
 * What a request that ran answers about its cost: a request stopped by its DynamoDB request budget answers one
 * top-level error, QUERY_TOO_COSTLY, instead of what it had; every response that was costed carries
 * `extensions.cost`.
 */
export function withCost(
  result: FormattedExecutionResult,
  context: RequestContext,
  staticCost: number | null,
  maxCost: number,
): FormattedExecutionResult {
  const { budget, requestId } = context;
  let answer = result;
  if (budget.exceeded) {
    const { message } = new RequestBudgetExceeded(budget.limit);
    const extensions = { code: ErrorCode.QUERY_TOO_COSTLY, limit: 'maxDynamoDbRequests', requestId };
    answer = { ...answer, data: null, errors: [{ message, extensions }] };
  }
  if (staticCost === null) return answer;
  const cost: CostReport = {
    staticCost,
    limit: maxCost,
    dynamoDbRequests: budget.used,
    dynamoDbRequestLimit: budget.limit,
  };
  return { ...answer, extensions: { ...answer.extensions, cost } };
}

function refuseLongList(key: string, path: string, length: number): void {
  const maximum = LIST_MAXIMUMS[key] ?? MAX_PAGE_SIZE;
  if (length <= maximum) return;
  throw new GraphQLError(`${path} holds ${length} items; at most ${maximum} are accepted`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: path, maximum, http: { status: 400 } },
  });
}
