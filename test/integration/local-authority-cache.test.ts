import { describe, expect, it } from 'vitest';
import { saveLocalAuthorityDetails } from '../../src/store/local-authority-writes.js';
import { createLocalAuthorityCache } from '../../src/store/local-authority-cache.js';
import { runImport } from '../../src/import/run-import.js';
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
});
