import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { graphqlEvent } from '../../scripts/bench/invoke.js';
import { createGraphqlHandler, type Identify } from '../../src/entry/graphql-handler.js';
import { DEVELOPER } from './developer.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import type { Store } from '../../src/store/store.js';

export interface GraphqlResponse<Data = Record<string, any>> {
  status: number;
  data?: Data;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

/**
 * Sends GraphQL through the real Lambda handler, as API Gateway would: an HTTP API (v2) event in,
 * the HTTP response out.
 */
export function graphqlClient(
  store: Store,
  options: { identify?: Identify; headers?: Record<string, string>; maxDynamoDbRequests?: number } = {},
) {
  const handler = createGraphqlHandler({
    server: createGraphqlServer({ introspection: true }),
    store,
    identify: options.identify ?? (() => DEVELOPER),
    maxDynamoDbRequests: options.maxDynamoDbRequests,
  });
  return async <Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphqlResponse<Data>> => {
    const event = graphqlEvent({ query, variables }, randomUUID(), { headers: { ...options.headers, ...headers } });
    const context = { awsRequestId: randomUUID() } as Context;
    const result = await handler(event, context);
    const body = JSON.parse(result.body ?? '{}');
    return { status: result.statusCode ?? 200, ...body };
  };
}
