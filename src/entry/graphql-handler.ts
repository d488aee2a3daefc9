import type { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createContext, type Caller, type RequestContext } from '../graphql/context.js';
import type { Store } from '../store/store.js';
import { withHttpRoutes } from './http-routes.js';

/** Works out who is calling from the API Gateway event; throws an UNAUTHENTICATED GraphQLError if nobody. */
export type Identify = (event: APIGatewayProxyEventV2) => Promise<Caller> | Caller;

export interface GraphqlHandlerOptions {
  server: ApolloServer<RequestContext>;
  store: Store;
  identify: Identify;
  /**
   * Serve GraphiQL for GET /graphql from a browser.
   * @default false
   */
  graphiql?: boolean;
  /**
   * Origins the handler itself answers CORS for (locally; in AWS the HTTP API does).
   * @default []
   */
  allowedOrigins?: readonly string[];
}

/**
 * The Lambda handler for API Gateway HTTP API (v2) events; the local server calls the same one. Besides
 * /graphql it serves the routes of http-routes.ts (downloads, the schema, GraphiQL).
 */
export function createGraphqlHandler(options: GraphqlHandlerOptions) {
  const graphql = startServerAndCreateLambdaHandler(options.server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event, context }) =>
      createContext({ store: options.store, caller: await options.identify(event), requestId: context.awsRequestId }),
  });
  return withHttpRoutes(graphql, options);
}

export type GraphqlHandler = ReturnType<typeof createGraphqlHandler>;
