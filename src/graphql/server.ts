import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type FormattedExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { ErrorCode, InvalidInput, RegistryError } from '../domain/errors.js';
import type { RequestContext } from './context.js';
import { refuseCostOver, staticCostOf, withCost } from './cost-limit.js';
import { DocumentCache } from './document-cache.js';
import { ensureGraphQLError, formatErrors, unwrapResolverError } from './error-format.js';
import { schemaDocument } from './generated/schema-parts.js';
import {
  badRequest,
  type GraphqlRequest,
  readGraphqlRequest,
  readJsonBody,
  refuseCrossSiteForgery,
  requestHeaders,
} from './http-request.js';
import { requestLimits, type RequestLimits } from './limits.js';
import { buildLazySchema } from './lazy-schema.js';
import { noIntrospection } from './no-introspection.js';
import { refuseSubscription } from './operation-kinds.js';
import { lazyResolvers, resolvers } from './resolvers/index.js';
import { MEDIA_TYPES, responseMediaType } from './response-type.js';
import { describeSchema } from './schema-descriptions.js';
import { setResolvers } from './set-resolvers.js';
import { specifiedRulesFor } from './specified-rules.js';
import { withoutSuggestion } from './suggestions.js';
import { isTemporaryFault } from './temporary-fault.js';

export interface GraphqlServerOptions {
  /**
   * Answer introspection queries (schema explorers need them).
   * @default false
   */
  introspection?: boolean;
  /**
   * "Did you mean ...?" hints in error messages, which name fields and enum values: what introspection
   * reveals, so they follow it.
   * @default the `introspection` setting
   */
  suggestions?: boolean;
  /**
   * How deep, costly and long a request may be.
   * @default DEFAULT_REQUEST_LIMITS (limits.ts)
   */
  limits?: RequestLimits;
  /**
   * Development mode: stack traces in errors and unmasked internal errors. Never in Lambda.
   * @default false
   */
  development?: boolean;
  /**
   * What is told about each request as it goes (the request observer that logs and measures each one).
   * @default none
   */
  plugins?: RequestPlugin[];
}

/**
 * Told about each request that was read and whose caller is known (not one refused before: a forged cross-site
 * request, no token, a body that is not a GraphQL request).
 */
export interface RequestPlugin {
  /** The request is about to be parsed and run. */
  requestDidStart?(context: RequestContext): void;
  /** Its operation is known; it may still be refused by a limit. */
  didResolveOperation?(context: RequestContext, operation: OperationDefinitionNode): void;
  /** The answer's errors as sent, and the errors they came from, one for one. */
  willSendResponse?(
    context: RequestContext,
    answer: { errors: readonly GraphQLFormattedError[]; originals: readonly unknown[] },
  ): void;
}

/** Answers GraphQL over HTTP: an API Gateway event in, the HTTP response out. */
export interface GraphqlServer {
  /**
   * Answers one request (`requestId` names it in a refusal of its body). `context` makes the request's context once
   * the request is known not to be forged; it throws to refuse the caller (a GraphQLError's `extensions.http` gives
   * the status and headers, as for 401).
   */
  answer(
    event: APIGatewayProxyEventV2,
    requestId: string,
    context: () => Promise<RequestContext> | RequestContext,
  ): Promise<APIGatewayProxyStructuredResultV2>;
}

/**
 * The executable schema, built once per container, at load: what a cold start spent most of its own time on. The
 * generated type definitions are one printed schema, so graphql-js builds it directly (no merging of documents),
 * from its document parsed at codegen without descriptions (JSON, which JSON.parse reads far faster than graphql-js
 * parses SDL), and each type's fields are built when a request first needs them (lazy-schema.ts), with their
 * resolvers (set-resolvers.ts). Its descriptions only introspection shows: describedSchema sets them. The printed
 * schema is the one codegen and `npm run schema` check, and test/unit/schema.test.ts validates it and checks that
 * this builds the same schema, so it is not validated again here (as SDL, then as a schema before the first request).
 */
export const schema = buildLazySchema(schemaDocument);
setResolvers(schema, resolvers, lazyResolvers);

let described: Promise<GraphQLSchema> | undefined;

/**
 * The schema with its descriptions, set by coordinate from their own generated module on the first call (a chunk of
 * its own in the Lambda bundle, which a cold start with introspection off never reads).
 */
export function describedSchema(): Promise<GraphQLSchema> {
  described ??= import('./generated/descriptions.js').then(({ descriptions }) => {
    describeSchema(schema, descriptions);
    return schema;
  });
  return described;
}

/**
 * The one GraphQL server both the Lambda handler and the local server run: graphql-js's parse, validate and execute
 * behind GraphQL over HTTP, with the request limits, masked errors, the request id on every error and the cost on
 * every answer. Its statuses, error codes and messages are Apollo Server's, which the registry used before and its
 * clients know (docs/graphql-over-http.md).
 */
export function createGraphqlServer(options: GraphqlServerOptions = {}): GraphqlServer {
  const development = options.development ?? false;
  const introspection = options.introspection ?? false;
  const hideSuggestions = !(options.suggestions ?? introspection);
  const limits = requestLimits(options.limits);
  const ownRules = [...(introspection ? [] : [noIntrospection]), ...limits.validationRules];
  const plugins = options.plugins ?? [];
  const documents = new DocumentCache();
  // Introspection answers with descriptions: they are set before the first request.
  const ready = introspection ? describedSchema() : undefined;
  const format = (errors: readonly unknown[]) =>
    formatErrors(errors, {
      development,
      formatError: (formatted, error) => formatError(formatted, error, development),
    });

  /** The document for a query text, or the errors that refuse it (nothing runs). */
  function prepare(query: string): DocumentNode | GraphQLError[] {
    const cached = documents.get(query);
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parse(query, limits.parseOptions);
    } catch (error) {
      return [withCode(ensureGraphQLError(error), ErrorCode.GRAPHQL_PARSE_FAILED, 400)];
    }
    const errors = validate(schema, document, [...specifiedRulesFor(document), ...ownRules]);
    if (errors.length > 0) return errors.map((error) => withCode(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, 400));
    documents.set(query, document);
    return document;
  }

  async function run(request: GraphqlRequest, context: RequestContext, mediaType: string) {
    for (const plugin of plugins) plugin.requestDidStart?.(context);
    let staticCost: number | null = null;
    const send = (status: number, originals: readonly GraphQLError[], result: ExecutionResult = {}) => {
      if (hideSuggestions) for (const error of originals) error.message = withoutSuggestion(error.message);
      const { errors, http } = format(originals);
      const answer = withCost(
        { errors: errors.length > 0 ? errors : undefined, data: result.data, extensions: result.extensions },
        context,
        staticCost,
        limits.maxCost,
      );
      const withRequestId = answer.errors?.map((error) => ({
        ...error,
        extensions: { ...error.extensions, requestId: context.requestId },
      }));
      for (const plugin of plugins) plugin.willSendResponse?.(context, { errors: withRequestId ?? [], originals });
      return respond(http.status ?? status, http.headers, mediaType, { ...answer, errors: withRequestId });
    };
    // Refused before anything ran: a status from the error, else 500 (as a fault).
    const refuse = (errors: GraphQLError[]) => send(500, errors);

    if (!request.query) {
      return refuse([
        request.extensions?.persistedQuery
          ? new GraphQLError("Persisted queries are not supported: send the query's text.", {
              extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, http: { status: 400 } },
            })
          : badRequest('GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.'),
      ]);
    }
    const document = prepare(request.query);
    if (Array.isArray(document)) return refuse(document);
    const operation = getOperationAST(document, request.operationName);
    if (request.method === 'GET' && operation && operation.operation !== 'query') {
      return refuse([
        badRequest(`GET requests only support query operations, not ${operation.operation} operations`, {
          status: 405,
          headers: new Map([['allow', 'POST']]),
        }),
      ]);
    }
    if (operation) {
      for (const plugin of plugins) plugin.didResolveOperation?.(context, operation);
      try {
        refuseSubscription(operation);
        staticCost = staticCostOf(schema, document, operation, request.variables);
        if (staticCost !== null) refuseCostOver(staticCost, limits.maxCost);
      } catch (error) {
        return refuse([ensureGraphQLError(error)]);
      }
    }
    let result: ExecutionResult;
    try {
      result = await execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: request.operationName,
      });
    } catch (error) {
      return refuse([ensureGraphQLError(error)]);
    }
    const errors = (result.errors ?? []).map((error) =>
      isVariableCoercionError(error) && error.extensions.code === undefined
        ? withCode(error, ErrorCode.BAD_USER_INPUT)
        : error,
    );
    if (!operation) return refuse([withCode(errors[0]!, ErrorCode.OPERATION_RESOLUTION_FAILURE, 400)]);
    // Variables that do not fit their types: nothing ran, and the client is at fault.
    return send(errors.length > 0 && result.data === undefined ? 400 : 200, errors, result);
  }

  return {
    async answer(event, requestId, makeContext) {
      const headers = requestHeaders(event);
      const mediaType = responseMediaType(headers.get('accept'));
      try {
        const json = readJsonBody(event, headers, requestId);
        await ready;
        refuseCrossSiteForgery(headers);
        let context: RequestContext;
        try {
          context = await makeContext();
        } catch (error) {
          throw ensureGraphQLError(error, 'Context creation failed: ');
        }
        const request = readGraphqlRequest(event, headers, json);
        if (mediaType === null) {
          throw badRequest(
            `An 'accept' header was provided for this request which does not accept ${MEDIA_TYPES.json} or ` +
              MEDIA_TYPES.graphqlResponse,
            { status: 406 },
          );
        }
        return await run(request, context, mediaType);
      } catch (error) {
        const { errors, http } = format([error]);
        return respond(http.status ?? 500, http.headers, mediaType ?? MEDIA_TYPES.json, { errors });
      }
    },
  };
}

/** The HTTP response: the answer as JSON (errors, data, extensions, in that order), with its status and headers. */
function respond(
  status: number,
  headers: ReadonlyMap<string, string>,
  mediaType: string,
  answer: FormattedExecutionResult,
): APIGatewayProxyStructuredResultV2 {
  const body = `${JSON.stringify({ errors: answer.errors, data: answer.data, extensions: answer.extensions })}\n`;
  return {
    statusCode: status,
    headers: {
      ...Object.fromEntries(headers),
      'content-type': mediaType,
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  };
}

/** The error with a code of its own (and an HTTP status), as Apollo Server's error classes gave it. */
function withCode(error: GraphQLError, code: ErrorCode, status?: number): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code, ...(status === undefined ? {} : { http: { status } }) },
  });
}

/** graphql-js's errors for variables that do not fit their types (Apollo Server's test, so the codes stay). */
function isVariableCoercionError(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return false;
  const variable = `Variable "$${node.variable.name.value}" `;
  return ['got invalid value ', 'of required type ', 'of non-null type '].some((rest) =>
    error.message.startsWith(variable + rest),
  );
}

function formatError(formatted: GraphQLFormattedError, error: unknown, development: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof InvalidInput) {
    return {
      ...formatted,
      message: original.message,
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: original.field },
    };
  }
  if (original instanceof RegistryError) {
    return { ...formatted, message: original.message, extensions: { ...formatted.extensions, code: original.code } };
  }
  if (isTemporaryFault(original)) {
    return {
      message: 'The registry is busy; nothing was written. Retry with backoff.',
      path: formatted.path,
      extensions: { code: ErrorCode.TEMPORARILY_UNAVAILABLE, retryable: true },
    };
  }
  if (formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && !development) {
    // A fault's message can name tables, keys or code; callers get the request id to report instead.
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  return formatted;
}
