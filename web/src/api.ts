import { bearerToken, signIn } from './auth';
import type { TypedDocumentString } from './gql/graphql';

/** A GraphQL error the page should explain (not found, forbidden, a fault). */
export class ApiError extends Error {
  public constructor(
    message: string,
    public readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Runs one typed operation against /graphql on this origin with the viewer's token. */
export async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
): Promise<Result> {
  const token = await bearerToken();
  if (!token) {
    await signIn(location.pathname + location.search);
    throw new ApiError('Sign in to use the registry', 'UNAUTHENTICATED');
  }
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as {
    data?: Result;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const error = body.errors?.[0];
  if (error?.extensions?.code === 'UNAUTHENTICATED') {
    await signIn(location.pathname + location.search);
  }
  if (error || !body.data)
    throw new ApiError(error?.message ?? `The registry answered ${response.status}`, error?.extensions?.code);
  return body.data;
}
