import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPER } from '../support/developer.js';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { startLocalServer } from '../../src/entry/local-server.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { shippedStore } from '../support/store.js';

let url: string;
let close: () => void;

beforeAll(async () => {
  const handler = createGraphqlHandler({
    server: createGraphqlServer(),
    store: shippedStore().store,
    identify: () => DEVELOPER,
  });
  const server = await startLocalServer({ handler, port: 0, maxBodyBytes: 10_000 });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

const post = (body: string, path = '/graphql') =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('the local server', () => {
  it('answers GraphQL over HTTP via the Lambda handler: a school and its local authority in one request', async () => {
    const body = JSON.stringify({ query: '{ school(urn: "100000") { name localAuthority { code name } } }' });
    await post(body); // a warm container: the local authorities' details are kept after the first request

    const response = await post(body);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { school: { name: 'The Aldgate School', localAuthority: { code: '201', name: 'City of London' } } },
      extensions: { cost: expect.objectContaining({ dynamoDbRequests: 1 }) },
    });
  });

  it('answers 400 with a parse error for malformed JSON', async () => {
    const response = await post('{"query": ');

    expect(response.status).toBe(400);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await post(JSON.stringify({ query: `{ school(urn: "${'1'.repeat(20_000)}") { name } }` }));

    expect(response.status).toBe(413);
  });

  it('answers 404 off the GraphQL path', async () => {
    expect((await post('{}', '/other')).status).toBe(404);
  });
});
