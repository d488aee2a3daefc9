import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/graphql/context.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { RequestBudget } from '../../src/store/request-budget.js';

// A file of its own: the schema's descriptions are set once per process, and here nothing has set them before.
describe('a server with introspection on', () => {
  it('answers the schema with its descriptions from its first request', async () => {
    const server = createGraphqlServer({ introspection: true });
    await server.start();

    const response = await server.executeOperation(
      { query: '{ __type(name: "School") { description fields { name description } } }' },
      { contextValue: { budget: new RequestBudget(), requestId: 'test' } as RequestContext },
    );
    await server.stop();

    const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
    const school = body?.data?.__type as { description: string; fields: { name: string; description: string }[] };
    expect(school.description).toBe(
      'An establishment, as Get Information about Schools (GIAS) describes it, with its teaching school designation.',
    );
    expect(school.fields.filter((field) => !field.description)).toEqual([]);
  });
});
