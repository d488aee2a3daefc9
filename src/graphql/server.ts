import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildASTSchema, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { ErrorCode, InvalidInput, RegistryError } from '../domain/errors.js';
import type { RequestContext } from './context.js';
import { isTemporaryFault } from './temporary-fault.js';
import { schemaDocument } from './generated/schema-parts.js';
import { describeSchema } from './schema-descriptions.js';
import { setResolvers } from './set-resolvers.js';
import { requestLimits, type RequestLimits } from './limits.js';
import { lazyResolvers, resolvers } from './resolvers/index.js';
import { queriesAndMutationsOnly } from './operation-kinds.js';
import { hideSuggestions } from './suggestions.js';

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
   * More Apollo Server plugins (the request observer that logs and measures each request).
   * @default none
   */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/**
 * The executable schema, built once per container, at load: what a cold start spent most of its own time on. The
 * generated type definitions are one printed schema, so graphql-js builds it directly (no merging of documents),
 * from its document parsed at codegen without descriptions (JSON, which JSON.parse reads far faster than graphql-js
 * parses SDL), and the resolvers are set on its types in place rather than by rebuilding every type, which is what
 * Apollo Server does with `typeDefs` and `resolvers`. Its descriptions only introspection shows: describedSchema sets
 * them. The printed schema is the one codegen and `npm run schema` check, and test/unit/schema.test.ts validates it
 * and checks that this builds the same schema, so it is not validated again here (as SDL, then as a schema before
 * the first request).
 */
export const schema = buildASTSchema(schemaDocument, { assumeValidSDL: true, assumeValid: true });
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

/** Introspection answers with descriptions: the server sets them before its first request. */
const describedBeforeStart: ApolloServerPlugin<RequestContext> = {
  async serverWillStart() {
    await describedSchema();
  },
};

/** The one Apollo Server both the Lambda handler and the local server run. */
export function createGraphqlServer(options: GraphqlServerOptions = {}): ApolloServer<RequestContext> {
  const development = options.development ?? false;
  const introspection = options.introspection ?? false;
  const { validationRules, parseOptions, plugins } = requestLimits(options.limits);
  return new ApolloServer<RequestContext>({
    schema,
    introspection,
    includeStacktraceInErrorResponses: development,
    formatError: (formatted, error) => formatError(formatted, error, development),
    plugins: [
      requestIdOnErrors,
      queriesAndMutationsOnly,
      ...plugins,
      ...((options.suggestions ?? introspection) ? [] : [hideSuggestions]),
      ...(introspection ? [describedBeforeStart] : []),
      ...UNUSED_APOLLO_FEATURES,
      ...(options.plugins ?? []),
    ],
    validationRules,
    parseOptions,
    // A JSON array of operations is refused with 400 "Operation batching disabled." (code BAD_REQUEST).
    allowBatchedHttpRequests: false,
  });
}

/**
 * Apollo GraphOS reporting, federation's inline traces, HTTP cache hints and Apollo's landing page, which the
 * registry does not use (the local server shows GraphiQL at /graphql; in AWS a browser's GET of /graphql is answered
 * as a GraphQL request): disabled, so their modules (left out of the Lambda bundle, infra/lambda-bundle.ts) are
 * never loaded.
 */
const UNUSED_APOLLO_FEATURES = [
  ApolloServerPluginCacheControlDisabled(),
  ApolloServerPluginInlineTraceDisabled(),
  ApolloServerPluginUsageReportingDisabled(),
  ApolloServerPluginSchemaReportingDisabled(),
  ApolloServerPluginLandingPageDisabled(),
];

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

/** Every error carries the request id, so a caller can report it and ops can find the log line. */
const requestIdOnErrors: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
          ...error,
          extensions: { ...error.extensions, requestId: contextValue.requestId },
        }));
      },
    };
  },
};
