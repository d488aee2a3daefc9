import type { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createContext, type Caller, type RequestContext } from '../graphql/context.js';
import { createLocalAuthorityCache } from '../store/local-authority-cache.js';
import type { Store } from '../store/store.js';

/** Works out who is calling from the API Gateway event; throws an UNAUTHENTICATED GraphQLError if nobody. */
export type Identify = (event: APIGatewayProxyEventV2) => Promise<Caller> | Caller;

export interface GraphqlHandlerOptions {
  server: ApolloServer<RequestContext>;
  store: Store;
  identify: Identify;
}

/**
 * The Lambda handler for API Gateway HTTP API (v2) events; the local server calls the same one. What lives as
 * long as the handler (the container) is made here once: the local authorities' cache.
 */
export function createGraphqlHandler(options: GraphqlHandlerOptions) {
  const localAuthorities = createLocalAuthorityCache(options.store);
  return startServerAndCreateLambdaHandler(options.server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event, context }) =>
      createContext({ store: options.store, localAuthorities, caller: await options.identify(event), requestId: context.awsRequestId }),
  });
}

export type GraphqlHandler = ReturnType<typeof createGraphqlHandler>;
