import { localSigningKey, signDevToken } from '../../src/entry/local-identity.js';
import { workspaceUrl } from './workspace.js';

/** Asks the workspace's own /graphql as DfE staff: how a test changes the registry behind a page's back. */
export async function staffGraphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await signDevToken(localSigningKey(), {
    role: 'dfe-staff',
    subject: 'another-member-of-staff@localhost',
  });
  const response = await fetch(`${workspaceUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
