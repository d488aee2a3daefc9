import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { GraphqlHandler } from '../../src/entry/graphql-handler.js';

/** One GraphQL request. */
export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
}

type Data = Record<string, any>;

/** What an event carries besides the request. */
export interface GraphqlEventOptions {
  /**
   * The JWT authorizer's claims, as API Gateway passes them on.
   * @default none: no authorizer context
   */
  claims?: Record<string, string>;
  /**
   * Headers beside `content-type: application/json` (which they may replace).
   * @default none
   */
  headers?: Record<string, string>;
}

/** The API Gateway HTTP API (v2) event Lambda gets for one GraphQL POST. */
export function graphqlEvent(
  request: GraphqlRequest,
  requestId: string,
  { claims, headers }: GraphqlEventOptions = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: {
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId,
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    body: JSON.stringify(request),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

/**
 * Sends one request through the Lambda handler, in process, as the API Gateway HTTP API (v2) event Lambda
 * would get, and returns its data. Throws on any error or user error, so a broken scenario is never timed.
 */
export async function invoke(handler: GraphqlHandler, request: GraphqlRequest): Promise<Data> {
  const result = await handler(graphqlEvent(request, randomUUID()), { awsRequestId: randomUUID() } as Context);
  const body = JSON.parse(result.body ?? '{}') as { data?: Data; errors?: unknown[] };
  if (body.errors) throw new Error(`${request.query.slice(0, 80)}: ${JSON.stringify(body.errors)}`);
  const refused = Object.values(body.data ?? {}).filter((payload) => payload?.userErrors?.length > 0);
  if (refused.length > 0)
    throw new Error(`${request.query.slice(0, 80)}: ${JSON.stringify(refused.map((payload) => payload.userErrors))}`);
  return body.data!;
}
