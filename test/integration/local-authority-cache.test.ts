import { randomUUID } from 'node:crypto';
import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { describe, expect, inject, it, vi } from 'vitest';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../../src/observability/metric-names.js';
import { createRequestObserver } from '../../src/observability/request-observer.js';
import { batchGet } from '../../src/store/batch-get.js';
import { createClient, createStore } from '../../src/store/store.js';
import { saveLocalAuthorityDetails } from '../../src/store/local-authority-writes.js';
import { createLocalAuthorityCache } from '../../src/store/local-authority-cache.js';
import { LOCAL_AUTHORITY_VERSION_KEY, readLocalAuthorityDetails } from '../../src/store/local-authority-version.js';
import { runImport } from '../../src/import/run-import.js';
import { graphqlEvent } from '../../scripts/bench/invoke.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';

describe("a container's cache of local authorities", () => {
  it('serves a renamed authority once it changed and the check interval passed, reading nothing between', async () => {
    const { store, requests } = await emptyStore();
    await runImport(store, { establishments: writeCsv(GIAS_HEADER, [giasRow()]) });
    let clock = 0;
    const cache = createLocalAuthorityCache(store, { checkEveryMs: 1000, now: () => clock });
    const before = await cache.details('201');
    await saveLocalAuthorityDetails(store, {
      code: '201',
      name: 'City of London Corporation',
      region: 'LONDON',
      rscRegion: undefined,
    });
    requests.reset();

    const withinInterval = await cache.details('201');
    const readsWithinInterval = requests.total;
    clock = 1000;
    const afterInterval = await cache.details('201');
    clock = 2000;
    requests.reset();
    const afterUnchanged = await cache.details('201');

    expect(before?.name).toBe('City of London');
    expect(withinInterval?.name).toBe('City of London');
    expect(readsWithinInterval).toBe(0);
    expect(afterInterval?.name).toBe('City of London Corporation');
    expect(afterUnchanged?.name).toBe('City of London Corporation');
    expect(requests.byOperation).toEqual({ GetItem: 1 });
  });

  it('keeps an RSC region a save leaves out, and drops the one a save clears', async () => {
    const { store } = await emptyStore();
    await runImport(store, { establishments: writeCsv(GIAS_HEADER, [giasRow()]) });
    const details = { code: '201', name: 'City of London', region: 'LONDON' as const };
    await saveLocalAuthorityDetails(store, { ...details, rscRegion: 'North-East London' });
    const named = await createLocalAuthorityCache(store).details('201');

    await saveLocalAuthorityDetails(store, { ...details, name: 'City of London Corporation', rscRegion: undefined });
    const kept = await createLocalAuthorityCache(store).details('201');
    await saveLocalAuthorityDetails(store, { ...details, rscRegion: null });
    const cleared = await createLocalAuthorityCache(store).details('201');

    expect(named).toMatchObject({ name: 'City of London', rscRegion: 'North-East London' });
    expect(kept).toMatchObject({ name: 'City of London Corporation', rscRegion: 'North-East London' });
    expect(cleared).toMatchObject({ name: 'City of London', rscRegion: null });
  });

  it('keeps every one of several authorities saved at once, each save that lost the race reading again', async () => {
    // prepare
    const { store } = await emptyStore();
    await runImport(store, { establishments: writeCsv(GIAS_HEADER, [giasRow()]) });
    const before = await readLocalAuthorityDetails(store);
    const renamed = ['202', '203', '204', '205'].map((code) => ({
      code,
      name: `Borough ${code}`,
      region: 'LONDON' as const,
      rscRegion: undefined,
    }));

    // act
    await Promise.all(renamed.map((authority) => saveLocalAuthorityDetails(store, authority)));

    // assess
    const after = await readLocalAuthorityDetails(store);
    expect(after.version).toBe(before.version + renamed.length);
    expect(after.authorities.map(({ code, name }) => `${code} ${name}`)).toEqual([
      '201 City of London',
      '202 Borough 202',
      '203 Borough 203',
      '204 Borough 204',
      '205 Borough 205',
    ]);
  });

  it('saves more authorities than one transaction takes: one read and write of the version item per 99', async () => {
    // prepare
    const { store, requests } = await emptyStore();
    const authorities = Array.from({ length: 150 }, (_, index) => ({
      code: String(300 + index),
      name: `Authority ${300 + index}`,
      region: 'LONDON' as const,
      rscRegion: null,
    }));

    // act
    await saveLocalAuthorityDetails(store, ...authorities);
    const sent = { ...requests.byOperation };

    // assess
    const after = await readLocalAuthorityDetails(store);
    expect(after.version).toBe(2);
    expect(after.authorities.map((authority) => authority.code)).toEqual(
      authorities.map((authority) => authority.code),
    );
    expect(sent).toEqual({ GetItem: 2, TransactWriteItems: 2 });
  });

  it('rewrites a version item of the older layout whole at the next save, keeping its version moving', async () => {
    // prepare
    const { store } = await emptyStore();
    const olderLayout = { ...LOCAL_AUTHORITY_VERSION_KEY, type: 'LocalAuthorityVersion', version: 3 };
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...olderLayout, 'name#201': 'City of London', 'region#201': 'LONDON' },
      }),
    );

    // act
    await saveLocalAuthorityDetails(store, { code: '202', name: 'Camden', region: 'LONDON', rscRegion: null });

    // assess
    const item = (
      await store.doc.send(new GetCommand({ TableName: store.tableName, Key: LOCAL_AUTHORITY_VERSION_KEY }))
    ).Item;
    expect(Object.keys(item ?? {}).sort()).toEqual(['details', 'pk', 'sk', 'type', 'version']);
    expect(await readLocalAuthorityDetails(store)).toMatchObject({
      version: 4,
      authorities: [{ code: '202', name: 'Camden', region: 'LONDON', rscRegion: null }],
    });
  });

  it("gives a school's local authority current coverage though its details come from the cache", async () => {
    const { store } = await emptyStore();
    await runImport(store, { establishments: writeCsv(GIAS_HEADER, [giasRow()]) });
    const graphql = graphqlClient(store);
    const query = '{ school(urn: "900001") { localAuthority { name coverage { schools } } } }';
    await graphql(query);
    await runImport(store, { establishments: writeCsv(GIAS_HEADER, [giasRow(), giasRow({ URN: '900002' })]) });

    const response = await graphql(query);

    expect(response.data).toEqual({ school: { localAuthority: { name: 'City of London', coverage: { schools: 2 } } } });
  });

  it("sends a cold container's first school and its authority's details in one BatchGetItem, and logs it", async () => {
    // prepare
    const { ask, sent, written } = await coldHandler();

    // act
    const answer = await ask('{ school(urn: "900001") { name localAuthority { name } } }');
    vi.restoreAllMocks();

    // assess
    const logged = written.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
    expect(JSON.parse(answer.body ?? '{}').data).toEqual({
      school: { name: 'Test Primary School', localAuthority: { name: 'City of London' } },
    });
    expect(sent).toEqual(['BatchGetItem']);
    expect(logged.find((line) => line.message === 'request')?.dynamodb).toMatchObject({ requests: 1 });
  });

  it('reads the details on their own when the first request reads nothing by key', async () => {
    // prepare
    const { ask, sent } = await coldHandler();

    // act
    const answer = await ask('{ schools(first: 1) { edges { node { localAuthority { name } } } } }');
    vi.restoreAllMocks();

    // assess
    expect(JSON.parse(answer.body ?? '{}').data).toEqual({
      schools: { edges: [{ node: { localAuthority: { name: 'City of London' } } }] },
    });
    expect(sent).toContain('GetItem');
    expect(sent).not.toContain('BatchGetItem');
  });

  it('reads the details again at the next use when the request that carried their read failed', async () => {
    // prepare
    const { store } = await emptyStore();
    await runImport(store, { establishments: writeCsv(GIAS_HEADER, [giasRow()]) });
    const cache = createLocalAuthorityCache(store);
    cache.load();
    const waiting = cache.waitingRead();
    const missingTable = { ...store, tableName: `missing-${randomUUID()}`, waitingRead: () => waiting };

    // act
    const carried = await batchGet(missingTable, [{ pk: 'SCHOOL#900001', sk: 'SCHOOL' }]).catch((error) => error);
    await new Promise((settled) => setImmediate(settled));
    const details = await cache.details('201');

    // assess
    expect(carried).toBeInstanceOf(ResourceNotFoundException);
    expect(details?.name).toBe('City of London');
  });
});

/** Asks a container's handler (made as the Lambda entry makes it) over a table of one school; what it sent, logged. */
async function coldHandler() {
  const { store } = await emptyStore();
  await runImport(store, { establishments: writeCsv(GIAS_HEADER, [giasRow()]) });
  const client = createClient({ endpoint: inject('dynamoEndpoint') });
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'testSentCommands' },
  );
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
  const observer = createRequestObserver({
    logger: new Logger({ serviceName: SERVICE_NAME }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME }),
  });
  const handler = observer.wrap(
    createGraphqlHandler({
      server: createGraphqlServer({ plugins: [observer.plugin] }),
      store: createStore({ tableName: store.tableName, client }),
      identify: () => ({ id: 'test@localhost', role: 'dfe-staff', regions: [] }),
      prefetchLocalAuthorities: true,
    }),
  );
  const ask = (query: string) => handler(graphqlEvent({ query }, randomUUID()), { awsRequestId: 'first' } as Context);
  return { ask, sent, written };
}
