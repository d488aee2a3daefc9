import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { getVariableValues, GraphQLError, type OperationDefinitionNode } from 'graphql';
import { RequestBudgetExceeded } from '../domain/errors.js';
import type { RequestContext } from './context.js';
import { ErrorCode } from '../domain/errors.js';
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
 * The cost of each operation that declares no variables, which depends on its document alone: Apollo Server keeps
 * one parsed document per query text, so a query sent again is not costed again (its limit is still applied). An
 * operation refused for a list over its maximum throws before it is kept, and so is refused every time.
 */
const COSTS_WITHOUT_VARIABLES = new WeakMap<OperationDefinitionNode, number>();

/**
 * Refuses, before anything runs, an operation whose static cost (with `first` read from variables and
 * defaults) is over `maxCost` (400, GRAPHQL_VALIDATION_FAILED, `extensions.limit` "maxCost") or that passes a
 * list longer than its maximum (400, BAD_USER_INPUT, `extensions.field`). A request stopped by its DynamoDB
 * request budget answers one top-level error, QUERY_TOO_COSTLY. Every response carries `extensions.cost`.
 */
export function costLimit(maxCost: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let staticCost: number | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const definitions = operation.variableDefinitions ?? [];
          let cost = definitions.length === 0 ? COSTS_WITHOUT_VARIABLES.get(operation) : undefined;
          if (cost === undefined) {
            const coerced = getVariableValues(schema, definitions, request.variables ?? {}, { maxErrors: 1 });
            // Variables that do not fit their types are refused by execution, before any resolver runs.
            if ('errors' in coerced && coerced.errors) return;
            cost = operationCost(schema, document, operation, coerced.coerced, ({ path, type, value }) =>
              eachList(path, type, value, (key, listPath, length) => refuseLongList(key, listPath, length)),
            );
            if (definitions.length === 0) COSTS_WITHOUT_VARIABLES.set(operation, cost);
          }
          staticCost = Math.round(cost * 100) / 100;
          if (cost > maxCost) {
            throw new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${staticCost}.`, {
              extensions: {
                code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
                limit: 'maxCost',
                http: { status: 400 },
              },
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue === undefined) return;
          const { budget, requestId } = contextValue;
          const result = response.body.singleResult;
          if (budget.exceeded) {
            const { message } = new RequestBudgetExceeded(budget.limit);
            result.data = null;
            const extensions = { code: ErrorCode.QUERY_TOO_COSTLY, limit: 'maxDynamoDbRequests', requestId };
            result.errors = [{ message, extensions }];
          }
          if (staticCost === null) return;
          const cost: CostReport = {
            staticCost,
            limit: maxCost,
            dynamoDbRequests: budget.used,
            dynamoDbRequestLimit: budget.limit,
          };
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}

function refuseLongList(key: string, path: string, length: number): void {
  const maximum = LIST_MAXIMUMS[key] ?? MAX_PAGE_SIZE;
  if (length <= maximum) return;
  throw new GraphQLError(`${path} holds ${length} items; at most ${maximum} are accepted`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: path, maximum, http: { status: 400 } },
  });
}
