import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { getAllianceForChange } from '../../src/store/alliances.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

let store: Store;
let graphql: ReturnType<typeof graphqlClient>;

beforeEach(async () => {
  ({ store } = await emptyStore());
  graphql = graphqlClient(store);
  await seedSchools(store, [{ urn: '900001' }, { urn: '900002' }, { urn: '900003', teaching: false }]);
});

const CREATE = `mutation ($input: CreateAllianceInput!) { createAlliance(input:
  $input) { alliance { id name version } userErrors { field code } } }`;

async function alliancesNamed(name: string): Promise<number> {
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `ALLIANCE_NAME#${name.toLowerCase()}` },
    }),
  );
  return result.Count ?? 0;
}

describe('optimistic concurrency', () => {
  it('changes a school only at the version the caller read', async () => {
    const read = await graphql('{ school(urn: "900003") { version } }');
    const version = read.data?.school.version;

    const stale = await graphql(
      `mutation { designateTeachingSchool(input: { urn: "900003", expectedVersion:
        ${version - 1} }) { school { urn } userErrors { field code } } }`,
    );
    const current = await graphql(
      `mutation { designateTeachingSchool(input: { urn: "900003", expectedVersion:
        ${version} }) { school { version } userErrors { code } } }`,
    );

    expect(stale.data?.designateTeachingSchool).toEqual({
      school: null,
      userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }],
    });
    expect(current.data?.designateTeachingSchool).toEqual({ school: { version: version + 1 }, userErrors: [] });
  });

  it('refuses a change to an alliance someone changed since it was read, and changes nothing', async () => {
    const { data } = await graphql(CREATE, { input: { name: 'Versioned', type: 'SINGLE', leadUrns: ['900001'] } });
    const { id, version } = data!.createAlliance.alliance;
    await graphql(
      `mutation { renameAlliance(input: { allianceId: "${id}", name:
        "Renamed", expectedVersion: ${version} }) { userErrors { code } } }`,
    );

    const stale = await graphql(
      `mutation { renameAlliance(input: { allianceId: "${id}", name: "Lost update",
        expectedVersion: ${version} }) { alliance { name } userErrors { field code } } }`,
    );

    expect(stale.data?.renameAlliance).toEqual({
      alliance: null,
      userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }],
    });
    expect(await getAllianceForChange(store, id)).toMatchObject({ name: 'Renamed', version: version + 1 });
  });
});

describe('idempotency keys', () => {
  it('answers a retried createAlliance with the first result and writes nothing twice', async () => {
    const input = { name: 'Retried', type: 'SINGLE', leadUrns: ['900001'], idempotencyKey: 'create-retried-1' };

    const first = await graphql(CREATE, { input });
    const retry = await graphql(CREATE, { input });

    expect(first.data?.createAlliance.userErrors).toEqual([]);
    expect(retry.data?.createAlliance).toEqual(first.data?.createAlliance);
    expect(await alliancesNamed('Retried')).toBe(1);
    const [lead] = await getSchoolsByUrn(store, ['900001']);
    expect(lead?.version).toBe(3);
  });

  it('answers concurrent duplicates with one alliance', async () => {
    const input = { name: 'Duplicated', type: 'SINGLE', leadUrns: ['900002'], idempotencyKey: 'create-duplicated-1' };

    const responses = await Promise.all(Array.from({ length: 5 }, () => graphql(CREATE, { input })));

    const ids = new Set(responses.map((response) => response.data?.createAlliance.alliance?.id));
    expect(ids.size).toBe(1);
    expect(responses.every((response) => response.data?.createAlliance.userErrors.length === 0)).toBe(true);
  });

  it('refuses a key reused for a different request', async () => {
    await graphql(CREATE, { input: { name: 'First', type: 'SINGLE', leadUrns: ['900001'], idempotencyKey: 'reused' } });

    const other = await graphql(CREATE, {
      input: { name: 'Second', type: 'SINGLE', leadUrns: ['900002'], idempotencyKey: 'reused' },
    });

    expect(other.data?.createAlliance).toEqual({
      alliance: null,
      userErrors: [{ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' }],
    });
    expect(await alliancesNamed('Second')).toBe(0);
  });

  it('answers a retried openDesignationReview with the same review', async () => {
    const open = `mutation { openDesignationReview(input: { urn: "900001", trigger: SCHEDULED, dueBy:
        "2030-01-01", idempotencyKey: "review-1" }) { review { id } userErrors { code } } }`;

    const first = await graphql(open);
    const retry = await graphql(open);

    expect(first.data?.openDesignationReview.review.id).toBeTruthy();
    expect(retry.data?.openDesignationReview).toEqual(first.data?.openDesignationReview);
  });
});
