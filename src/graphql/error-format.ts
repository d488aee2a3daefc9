import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../domain/errors.js';
import type { HttpHead } from './http-request.js';

/** Turns one error, as GraphQL reports it, into what the client is sent (see server.ts's formatError). */
export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Errors as the client gets them, and the HTTP status and headers they asked for. */
export interface FormattedErrors {
  errors: GraphQLFormattedError[];
  http: { status?: number; headers: Map<string, string> };
}

export function ensureGraphQLError(error: unknown, prefix = ''): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(prefix + error.message, { originalError: error });
  return new GraphQLError(`Unexpected error value: ${String(error)}`);
}

/** The error a resolver threw, when GraphQL wrapped it with the field's path; otherwise the error itself. */
export function unwrapResolverError(error: unknown): unknown {
  return error instanceof GraphQLError && error.path && error.originalError ? error.originalError : error;
}

/**
 * Every error with a `code` (INTERNAL_SERVER_ERROR when it has none), its `extensions.http` taken out as the
 * response's status and headers, its stack added in development, then `formatError`; one that fails to format is
 * masked. Apollo Server's error normalisation, which the registry's error codes follow.
 */
export function formatErrors(
  errors: readonly unknown[],
  options: { formatError: FormatError; development: boolean },
): FormattedErrors {
  const http: FormattedErrors['http'] = { headers: new Map() };
  const enrich = (error: unknown): GraphQLFormattedError => {
    const graphqlError = ensureGraphQLError(error);
    const { http: head, ...extensions } = graphqlError.extensions as { http?: HttpHead } & Record<string, unknown>;
    if (head?.status !== undefined) http.status = head.status;
    for (const [name, value] of head?.headers ?? []) http.headers.set(name, value);
    if (options.development) extensions.stacktrace = graphqlError.stack?.split('\n');
    return {
      ...graphqlError.toJSON(),
      extensions: { ...extensions, code: extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
  return {
    http,
    errors: errors.map((error) => {
      try {
        return options.formatError(enrich(error), error);
      } catch (formatting) {
        if (options.development) return enrich(formatting);
        return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      }
    }),
  };
}
