import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/graphql/context.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { RequestBudget } from '../../src/store/request-budget.js';

// A file of its own: the schema's descriptions are set once per process, and here nothing has set them before.
describe('a server with introspection on', () => {
  it('answers the schema with its descriptions from its first request', async () => {
    const server = createGraphqlServer({ introspection: true });
    const query = '{ __type(name: "School") { description fields { name description } } }';

    const response = await server.answer(
      {
        headers: { 'content-type': 'application/json' },
        requestContext: { http: { method: 'POST' } },
        body: JSON.stringify({ query }),
      } as unknown as APIGatewayProxyEventV2,
      'test',
      () => ({ budget: new RequestBudget(), requestId: 'test' }) as RequestContext,
    );

    const body = JSON.parse(response.body ?? '{}') as { data?: { __type?: unknown } };
    const school = body.data?.__type as { description: string; fields: { name: string; description: string }[] };
    expect(school.description).toBe(
      'An establishment, as Get Information about Schools (GIAS) describes it, with its teaching school designation.',
    );
    expect(school.fields.filter((field) => !field.description)).toEqual([]);
  });
});
