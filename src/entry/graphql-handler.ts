import type { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createContext, type Caller, type RequestContext } from '../graphql/context.js';
import { RequestBudget, withRequestBudget } from '../store/request-budget.js';
import type { Store } from '../store/store.js';

/** Works out who is calling from the API Gateway event; throws an UNAUTHENTICATED GraphQLError if nobody. */
export type Identify = (event: APIGatewayProxyEventV2) => Promise<Caller> | Caller;

export interface GraphqlHandlerOptions {
  server: ApolloServer<RequestContext>;
  store: Store;
  identify: Identify;
  /**
   * DynamoDB requests one GraphQL request may send; the one that would pass it is not sent and the request
   * answers QUERY_TOO_COSTLY.
   * @default 500 (DEFAULT_DYNAMODB_REQUEST_BUDGET)
   */
  maxDynamoDbRequests?: number;
}

/** The Lambda handler for API Gateway HTTP API (v2) events; the local server calls the same one. */
export function createGraphqlHandler(options: GraphqlHandlerOptions) {
  const handler = startServerAndCreateLambdaHandler(options.server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event, context }) =>
      createContext({ store: options.store, caller: await options.identify(event), requestId: context.awsRequestId }),
  });
  const withBudget: typeof handler = (event, context, callback) =>
    withRequestBudget(new RequestBudget(options.maxDynamoDbRequests), () => handler(event, context, callback));
  return withBudget;
}

export type GraphqlHandler = ReturnType<typeof createGraphqlHandler>;
