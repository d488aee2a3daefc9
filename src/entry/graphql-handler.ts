import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../domain/errors.js';
import { createContext, type Caller } from '../graphql/context.js';
import type { GraphqlServer } from '../graphql/server.js';
import { createLocalAuthorityCache } from '../store/local-authority-cache.js';
import { createReachCache } from '../store/reach-cache.js';
import { RequestBudget } from '../store/request-budget.js';
import type { Store } from '../store/store.js';
import { withHttpRoutes } from './http-routes.js';

/** Works out who is calling from the API Gateway event; throws an UNAUTHENTICATED GraphQLError if nobody. */
export type Identify = (event: APIGatewayProxyEventV2) => Promise<Caller> | Caller;

export interface GraphqlHandlerOptions {
  server: GraphqlServer;
  store: Store;
  identify: Identify;
  /**
   * DynamoDB requests one GraphQL request may send; the one that would pass it is not sent and the request
   * answers QUERY_TOO_COSTLY.
   * @default 500 (DEFAULT_DYNAMODB_REQUEST_BUDGET)
   */
  maxDynamoDbRequests?: number;
  /**
   * Origins the handler itself answers CORS for (locally; in AWS the HTTP API does).
   * @default []
   */
  allowedOrigins?: readonly string[];
  /**
   * While the container has no local authorities' details, start reading them with each request, rather than when a
   * resolver first needs them: the read goes out with the request's first read by key (a cold start's
   * `school(urn) { localAuthority { name } }` then costs one BatchGetItem, not a GetItem after another), or alone
   * alongside the request's other reads.
   * @default false
   */
  prefetchLocalAuthorities?: boolean;
  /**
   * Ask DynamoDB for the capacity each request consumed, for the request's tally (`RequestContext.requests`): where
   * something reports it (the request observer's log line and metrics).
   * @default false
   */
  askConsumedCapacity?: boolean;
}

/**
 * The Lambda handler for API Gateway HTTP API (v2) events; the local server calls the same one. Besides
 * /graphql it serves the routes of http-routes.ts (downloads, the schema). What lives as long as the handler
 * (the container) is made here once: the caches of local authorities' details and of reach.
 */
export function createGraphqlHandler(options: GraphqlHandlerOptions) {
  const localAuthorities = createLocalAuthorityCache(options.store);
  const reach = createReachCache(options.store);
  const graphql: GraphqlHandler = async (event, context) => {
    const requestId = context.awsRequestId;
    return options.server.answer(event, requestId, async () => {
      const caller = await identified(options.identify, event, requestId);
      if (options.prefetchLocalAuthorities) localAuthorities.load();
      return createContext({
        store: options.store,
        localAuthorities,
        reach,
        caller,
        requestId,
        budget: new RequestBudget(options.maxDynamoDbRequests),
        askConsumedCapacity: options.askConsumedCapacity,
      });
    });
  };
  return withHttpRoutes(graphql, options);
}

/** The caller, or a 401 that carries the request id and tells the client to send a bearer token. */
async function identified(identify: Identify, event: APIGatewayProxyEventV2, requestId: string): Promise<Caller> {
  try {
    return await identify(event);
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== ErrorCode.UNAUTHENTICATED) throw error;
    const challenge = `Bearer error="invalid_token", error_description="${error.message.replace(/["\\]/g, "'")}"`;
    throw new GraphQLError(error.message, {
      extensions: {
        code: ErrorCode.UNAUTHENTICATED,
        requestId,
        http: { status: 401, headers: new Map([['www-authenticate', challenge]]) },
      },
    });
  }
}

/** A Lambda handler for API Gateway HTTP API (v2) events. */
export type GraphqlHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
