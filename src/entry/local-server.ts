import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { GraphqlHandler } from './graphql-handler.js';
import { isApiPath } from './http-routes.js';

export interface LocalServerOptions {
  handler: GraphqlHandler;
  /**
   * Port on 127.0.0.1.
   * @default 4000
   */
  port?: number;
  /**
   * Largest request body accepted, in bytes (API Gateway's own limit is 10 MB; GraphQL needs far less).
   * @default 1048576
   */
  maxBodyBytes?: number;
  /**
   * Handlers for paths the API does not answer (the staff workspace, the development sign-in), tried in order;
   * each answers true when it has responded.
   * @default []
   */
  routes?: readonly LocalRoute[];
  /**
   * GraphiQL for a browser's GET /graphql (graphiql-page.ts); other requests to /graphql go to the handler.
   * @default none
   */
  graphiql?: LocalRoute;
}

export type LocalRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => boolean | Promise<boolean>;

/**
 * Serves `/graphql` on loopback by turning each HTTP request into the API Gateway HTTP API (v2) event
 * Lambda would receive and handing it to the same handler, so what passes here passes in Lambda.
 */
export function startLocalServer(options: LocalServerOptions): Promise<Server> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' && (await options.graphiql?.(request, response, url))) return;
    if (!isApiPath(url.pathname)) {
      for (const route of options.routes ?? []) {
        if (await route(request, response, url)) return;
      }
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the GraphQL endpoint is /graphql\n');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch {
      response
        .writeHead(413, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: `Request body over ${maxBodyBytes} bytes` }] }));
      return;
    }
    try {
      const result = await options.handler(toEvent(request, url, body), lambdaContext());
      const headers: Record<string, string | string[]> = {};
      for (const name in result.headers ?? {}) headers[name] = String(result.headers![name]);
      if (result.cookies?.length) headers['set-cookie'] = result.cookies;
      response.writeHead(result.statusCode ?? 200, headers);
      response.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
    } catch (error) {
      console.error(error);
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: 'Internal server error' }] }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, '127.0.0.1', () => resolve(server));
  });
}

/** Reads the body, or fails once it passes the limit (draining the rest, so the 413 still reaches the client). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => (size > limit ? reject(new Error('body too large')) : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

function toEvent(request: IncomingMessage, url: URL, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    const value = request.headers[name];
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const now = new Date();
  const method = request.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: `${method} /graphql`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: request.headers.cookie?.split(/;\s*/),
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${method} /graphql`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
  };
}

/** What the Lambda context says of the function: the same for every request, so made once. */
const LOCAL_FUNCTION: Omit<Context, 'awsRequestId'> = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'registry-local',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:registry-local',
  memoryLimitInMB: '1024',
  logGroupName: 'local',
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

function lambdaContext(): Context {
  return { ...LOCAL_FUNCTION, awsRequestId: randomUUID() };
}
