import { describe, expect, it } from 'vitest';
import { auditCoverage } from '../../src/store/coverage-audit.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import { injectFaults } from '../support/faults.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

const URNS = ['900001', '900002', '900003', '900004', '900005', '900006'];

async function fixture() {
  const { store, client } = await emptyStore();
  await seedSchools(
    store,
    URNS.map((urn, n) => ({ urn, teaching: n % 2 === 0 })),
  );
  return { store, client, graphql: graphqlClient(store) };
}

describe('DynamoDB faults', () => {
  it('rides out throttling the SDK retries, and the change lands once', async () => {
    const { store, client, graphql } = await fixture();
    let throttled = 0;
    injectFaults(client, (operation) => (operation === 'TransactWriteItems' && throttled++ < 2 ? 'throttle' : null), {
      insideRetries: true,
    });

    const response = await graphql(
      'mutation { designateTeachingSchool(input: { urn: "900002" }) { school { version } userErrors { code } } }',
    );

    expect(throttled).toBeGreaterThanOrEqual(3);
    expect(response.data?.designateTeachingSchool).toEqual({ school: { version: 2 }, userErrors: [] });
    expect((await auditCoverage(store)).drift).toEqual([]);
  });

  it('answers a retryable TEMPORARILY_UNAVAILABLE when throttling outlasts retries, writing nothing', async () => {
    const { store, client, graphql } = await fixture();
    injectFaults(client, (operation) => (operation === 'TransactWriteItems' ? 'throttle' : null));

    const response = await graphql(
      'mutation { designateTeachingSchool(input: { urn: "900002" }) { school { version } userErrors { code } } }',
    );

    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'TEMPORARILY_UNAVAILABLE', retryable: true });
    const [school] = await getSchoolsByUrn(store, ['900002']);
    expect(school).toMatchObject({ designation: null, version: 1 });
  });

  it('leaves nothing half-written when transactions are cancelled at random', async () => {
    const { store, client, graphql } = await fixture();
    let calls = 0;
    injectFaults(client, (operation) => (operation === 'TransactWriteItems' && calls++ % 3 === 1 ? 'conflict' : null));
    const mutations = [
      ...URNS.map((urn) => `designateTeachingSchool(input: { urn: "${urn}" }) { userErrors { code } }`),
      ...URNS.map(
        (urn) =>
          `recordOfstedInspection(input: { urn: "${urn}", rating: GOOD, inspectedOn: "2020-01-01" }) {
            userErrors { code } }`,
      ),
      ...URNS.map(
        (urn, n) =>
          `createAlliance(input: { name: "Alliance ${n}", type: SINGLE, leadUrns: ["${urn}"] }) {
            userErrors { code } }`,
      ),
      ...URNS.map((urn) => `withdrawDesignation(input: { urn: "${urn}" }) { userErrors { code } }`),
    ];

    for (const mutation of mutations) {
      const response = await graphql(`mutation { result: ${mutation} }`);
      expect(response.errors).toBeUndefined();
    }

    expect(calls).toBeGreaterThan(mutations.length);
    expect((await auditCoverage(store)).drift).toEqual([]);
  });
});
