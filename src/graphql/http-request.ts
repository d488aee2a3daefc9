import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../domain/errors.js';

/** One GraphQL request as the client sent it over HTTP (GET query string or POST JSON body). */
export interface GraphqlRequest {
  method: 'GET' | 'POST';
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** The HTTP status and headers an error asks for, in its `extensions.http` (never sent to the client). */
export interface HttpHead {
  status?: number;
  headers?: Map<string, string>;
}

/** The request's headers, by lower-case name. */
export type RequestHeaders = ReadonlyMap<string, string>;

export function requestHeaders(event: APIGatewayProxyEventV2): RequestHeaders {
  return new Map(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value ?? '']));
}

/** A request that is not a GraphQL request: BAD_REQUEST, with the status given (400 unless said). */
export function badRequest(message: string, http: HttpHead = { status: 400 }): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST, http } });
}

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * Refuses a request a browser could send cross-site without a CORS preflight (a GET, or a POST with a simple
 * content type) unless it carries a header that forces one: Apollo Server's CSRF prevention, kept as clients know it.
 */
export function refuseCrossSiteForgery(headers: RequestHeaders): void {
  const contentType = headers.get('content-type');
  if (contentType !== undefined) {
    const essence = mediaTypeEssence(contentType);
    if (essence === null || !SIMPLE_CONTENT_TYPES.includes(essence)) return;
  }
  if (PREFLIGHT_HEADERS.some((name) => (headers.get(name) ?? '').length > 0)) return;
  throw badRequest(
    'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a ' +
      `'content-type' header (with a type that is not one of ${SIMPLE_CONTENT_TYPES.join(', ')}) or provide a ` +
      `non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(', ')}\n`,
  );
}

const JSON_CONTENT = /^application\/(graphql-response\+)?json\b/i;

/**
 * The body, parsed once, when its content type says it is JSON (else undefined). One that says so but does not parse
 * is refused before anything else is checked: 400 BAD_REQUEST, with the request id.
 */
export function readJsonBody(event: APIGatewayProxyEventV2, headers: RequestHeaders, requestId: string): unknown {
  if (!event.body || !JSON_CONTENT.test(headers.get('content-type') ?? '')) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch (error) {
    const message =
      `The request body is not JSON (${(error as Error).message}); ` +
      'send {"query": "..."} with content-type: application/json';
    throw new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 }, requestId } });
  }
}

/**
 * The GraphQL request in an API Gateway event, given its body as readJsonBody read it, or a BAD_REQUEST error saying
 * what is wrong with it: the messages and statuses Apollo Server gave, which clients and the GraphQL-over-HTTP audits
 * (docs/graphql-over-http.md) know. A POST body counts only with `content-type: application/json`.
 */
export function readGraphqlRequest(
  event: APIGatewayProxyEventV2,
  headers: RequestHeaders,
  json: unknown,
): GraphqlRequest {
  const method = event.requestContext.http.method;
  if (method === 'POST') return fromBody(headers.get('content-type')?.startsWith('application/json') ? json : '');
  if (method === 'GET') return fromQueryString(event.rawQueryString ?? '', headers);
  throw badRequest('The registry answers GraphQL over GET and POST only.', {
    status: 405,
    headers: new Map([['allow', 'GET, POST']]),
  });
}

function fromBody(body: unknown): GraphqlRequest {
  if (Array.isArray(body)) throw badRequest('Operation batching disabled.');
  if (!isRecord(body) || Object.keys(body).length === 0) {
    throw badRequest('POST body missing, invalid Content-Type, or JSON object has no keys.');
  }
  if (body.query !== undefined && body.query !== null && typeof body.query !== 'string') {
    throw badRequest('GraphQL queries must be strings.');
  }
  for (const field of ['variables', 'extensions'] as const) {
    if (typeof body[field] === 'string') {
      throw badRequest(
        `\`${field}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`,
      );
    }
    if (field in body && body[field] !== null && !isRecord(body[field])) {
      throw badRequest(`\`${field}\` in a POST body must be an object if provided.`);
    }
  }
  if ('operationName' in body && body.operationName !== null && typeof body.operationName !== 'string') {
    throw badRequest('`operationName` in a POST body must be a string if provided.');
  }
  return {
    method: 'POST',
    query: stringOrUndefined(body.query),
    operationName: stringOrUndefined(body.operationName),
    variables: isRecord(body.variables) ? body.variables : undefined,
    extensions: isRecord(body.extensions) ? body.extensions : undefined,
  };
}

function fromQueryString(search: string, headers: RequestHeaders): GraphqlRequest {
  const contentType = headers.get('content-type');
  if (contentType !== undefined && mediaTypeEssence(contentType) !== 'application/json') {
    throw badRequest('GET requests may not have a content-type header other than application/json.', {
      status: 415,
    });
  }
  const params = new URLSearchParams(search);
  return {
    method: 'GET',
    query: onlyOnce(params, 'query'),
    operationName: onlyOnce(params, 'operationName'),
    variables: jsonObjectParam(params, 'variables'),
    extensions: jsonObjectParam(params, 'extensions'),
  };
}

function onlyOnce(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw badRequest(`The '${name}' search parameter may only be specified once.`);
  return values[0];
}

function jsonObjectParam(params: URLSearchParams, name: string): Record<string, unknown> | undefined {
  const value = onlyOnce(params, name);
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badRequest(`The ${name} search parameter contains invalid JSON.`);
  }
  if (!isRecord(parsed)) throw badRequest(`The ${name} search parameter should contain a JSON-encoded object.`);
  return parsed;
}

/** `type/subtype` of a content type, lower case, or null when it is not a media type. */
function mediaTypeEssence(contentType: string): string | null {
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return /^[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+$/.test(essence) ? essence : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
