import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serverAudits, type AuditFail, type AuditResult } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { startLocalServer } from '../../src/entry/local-server.js';
import { localIdentity, signDevToken } from '../../src/entry/local-identity.js';
import { createGraphqlServer, type GraphqlServerOptions } from '../../src/graphql/server.js';
import { shippedStore } from '../support/store.js';

const DOC = readFileSync(new URL('../../docs/graphql-over-http.md', import.meta.url), 'utf8');

/** The audits that probe with an introspection query (`__type`), which production refuses by design. */
const INTROSPECTION_PROBES = ['BF61', '2EA1', '28B9'];

/**
 * Starts the local server (the Lambda handler behind HTTP) over the shipped registry and runs `use` against its
 * /graphql with `fetchFn`, which sends each request with a verified dfe-staff token as a real client's would.
 */
async function withLocalServer<T>(
  options: GraphqlServerOptions,
  use: (url: string, fetchFn: typeof fetch) => Promise<T>,
): Promise<T> {
  const key = randomBytes(32);
  const handler = createGraphqlHandler({
    server: createGraphqlServer(options),
    store: shippedStore().store,
    identify: localIdentity(key),
  });
  const server = await startLocalServer({ handler, port: 0 });
  const authorization = `Bearer ${await signDevToken(key, { role: 'dfe-staff' })}`;
  const fetchFn = ((input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', authorization);
    return fetch(input, { ...init, headers });
  }) as typeof fetch;
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, fetchFn);
  } finally {
    server.close();
  }
}

/** Runs graphql-http's server audits, one after another, against the local server. */
function auditLocalServer(options: GraphqlServerOptions): Promise<AuditResult[]> {
  return withLocalServer(options, async (url, fetchFn) => {
    const results: AuditResult[] = [];
    for (const audit of serverAudits({ url, fetchFn })) results.push(await audit.fn());
    return results;
  });
}

const notMet = (results: AuditResult[]) => results.filter((result): result is AuditFail => result.status !== 'ok');

function tally(results: AuditResult[]): string {
  const count = (status: AuditResult['status']) => results.filter((result) => result.status === status).length;
  return (
    `${count('ok')} pass, ${count('error')} MUST fail, ${count('warn')} SHOULD warn, ` +
    `${count('notice')} MAY notice of ${results.length}`
  );
}

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  it('passes every MUST with introspection on, and misses only what docs/graphql-over-http.md lists', async () => {
    const results = await auditLocalServer({ introspection: true });

    console.log(`graphql-http audits, INTROSPECTION=true: ${tally(results)}`);
    expect(notMet(results).filter((result) => result.status === 'error')).toEqual([]);
    expect(DOC).toContain(tally(results));
    for (const result of notMet(results)) expect(DOC).toMatch(new RegExp(`\\| ${result.id} \\| ${result.status} \\|`));
  });

  it('in production fails only the audits that probe with introspection, each refused as introspection', async () => {
    const withIntrospection = new Set(
      notMet(await auditLocalServer({ introspection: true })).map((result) => result.id),
    );

    const results = await auditLocalServer({});

    console.log(`graphql-http audits, production defaults: ${tally(results)}`);
    const extra = notMet(results).filter((result) => !withIntrospection.has(result.id));
    expect(extra.map((result) => result.id).sort()).toEqual([...INTROSPECTION_PROBES].sort());
    for (const result of extra) {
      expect(result.response.status).toBe(400);
      expect(((await result.response.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
        message: expect.stringContaining('introspection is not allowed'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
    expect(DOC).toContain(tally(results));
    for (const result of extra) expect(DOC).toMatch(new RegExp(`\\| ${result.id} \\| ${result.status} \\|`));
  });
});

describe('GraphQL over HTTP refusals the audits do not make', () => {
  /** Posts a body to the local server as a signed-in dfe-staff client. */
  function post(body: unknown, headers: Record<string, string> = {}) {
    return withLocalServer({}, async (url, fetchFn) => {
      const response = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
      return { status: response.status, type: response.headers.get('content-type'), body: answer };
    });
  }

  it('answers 406, naming the media types it can send, to a client that accepts neither', async () => {
    // act
    const response = await post({ query: '{ regions { name } }' }, { accept: 'text/html' });

    // assess
    expect(response.status).toBe(406);
    expect(response.type).toContain('application/json');
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('application/graphql-response+json'),
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it("refuses a persisted query's hash without its text: 400 PERSISTED_QUERY_NOT_SUPPORTED", async () => {
    // act
    const response = await post({
      extensions: {
        persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' },
      },
    });

    // assess
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: "Persisted queries are not supported: send the query's text.",
          extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED', requestId: expect.any(String) },
        },
      ],
    });
  });
});
