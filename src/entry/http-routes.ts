import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { EXPORT_NAMES, type ExportName } from '../exports/export-names.js';
import type { Store } from '../store/store.js';
import { corsHeaders, preflightHeaders } from './cors.js';

type Result = APIGatewayProxyStructuredResultV2;

export interface HttpRoutesOptions {
  store: Store;
  /** Works out who is calling; throws when nobody is (the same check as /graphql). */
  identify: (event: APIGatewayProxyEventV2) => unknown;
  /**
   * Origins answered with CORS headers and preflights. In AWS the HTTP API does this (from the same policy),
   * so the Lambda leaves it out.
   * @default [] (no CORS headers)
   */
  allowedOrigins?: readonly string[];
  /**
   * Clock (the date in a download's file name).
   * @default () => new Date()
   */
  now?: () => Date;
}

const EXPORT_PATH = /^\/exports\/([a-z-]+)\.csv$/;

/** The paths the API answers (the HTTP API's routes; the local server sends only these to the handler). */
export function isApiPath(path: string): boolean {
  return path === '/graphql' || path === '/schema.graphql' || path.startsWith('/exports/');
}

/**
 * The HTTP API's routes besides GraphQL itself, in front of the GraphQL handler: the bulk downloads
 * (/exports/*.csv), the schema (/schema.graphql) and, locally, CORS. GraphiQL is a
 * page of the local server (graphiql-page.ts), kept out of the Lambda's bundle. The downloads and the schema's
 * text are loaded on their first request (chunks of their own in the bundle, which a cold start does not read).
 * The same Lambda serves them all, through the same authentication as /graphql.
 */
export function withHttpRoutes<Handler extends (event: APIGatewayProxyEventV2, ...rest: never[]) => unknown>(
  graphql: Handler,
  options: HttpRoutesOptions,
): Handler {
  const origins = options.allowedOrigins ?? [];
  const routed = async (event: APIGatewayProxyEventV2, ...rest: never[]) => {
    const origin = header(event, 'origin');
    const method = event.requestContext.http.method;
    const path = event.rawPath;
    if (method === 'OPTIONS') return { statusCode: 204, headers: preflightHeaders(origins, origin), body: '' };
    const result = (await route(event, path, options)) ?? ((await graphql(event, ...rest)) as Result);
    return { ...result, headers: { ...result.headers, ...corsHeaders(origins, origin) } };
  };
  return routed as unknown as Handler;
}

async function route(event: APIGatewayProxyEventV2, path: string, options: HttpRoutesOptions): Promise<Result | null> {
  if (path === '/schema.graphql') {
    return authenticated(event, options, async () => ({
      statusCode: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: (await import('../graphql/schema-sdl.js')).schemaSdl(),
    }));
  }
  const exportName = EXPORT_PATH.exec(path)?.[1];
  if (path.startsWith('/exports/')) {
    if (!exportName || !(EXPORT_NAMES as readonly string[]).includes(exportName)) {
      return text(
        404,
        `No such download. The downloads are ${EXPORT_NAMES.map((name) => `/exports/${name}.csv`).join(', ')}\n`,
      );
    }
    return authenticated(event, options, () => csvDownload(options, exportName as ExportName, acceptsGzip(event)));
  }
  return null;
}

/**
 * A download. API Gateway's HTTP API cannot stream a Lambda's response, so the CSV is built page by page (1,000 rows
 * a DynamoDB Query) and sent whole: schools.csv, the largest, is about 3.8 MB on the shipped data, under Lambda's
 * 6 MB; gzipped (when the client accepts it, as browsers and `curl --compressed` do) about a fifth of that.
 */
async function csvDownload(options: HttpRoutesOptions, name: ExportName, gzip: boolean): Promise<Result> {
  const { exportCsv } = await import('../exports/registry-exports.js');
  const chunks: string[] = [];
  for await (const chunk of exportCsv(options.store, name)) chunks.push(chunk);
  const date = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${date}.csv"`,
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: gzip ? gzipSync(chunks.join('')).toString('base64') : chunks.join(''),
    isBase64Encoded: gzip,
  };
}

async function authenticated(
  event: APIGatewayProxyEventV2,
  options: HttpRoutesOptions,
  answer: () => Promise<Result>,
): Promise<Result> {
  try {
    await options.identify(event);
  } catch (error) {
    return text(
      401,
      `${error instanceof Error ? error.message : 'Not signed in'}: send a bearer token, as for /graphql\n`,
    );
  }
  return answer();
}

function text(statusCode: number, body: string): Result {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

function acceptsGzip(event: APIGatewayProxyEventV2): boolean {
  return /\bgzip\b/.test(header(event, 'accept-encoding') ?? '');
}
