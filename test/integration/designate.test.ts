import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditSubject } from '../../src/domain/audit-event.js';
import { cellKey } from '../../src/domain/coverage-cell.js';
import { importEstablishments } from '../../src/import/importer.js';
import { IMPORT_ACTION } from '../../src/store/change-set.js';
import { keys } from '../../src/store/keys.js';
import { getLocalAuthoritiesByCode } from '../../src/store/local-authorities.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';

const DESIGNATE = `mutation ($input: DesignateTeachingSchoolInput!) {
  designateTeachingSchool(input: $input) {
    school { urn designation { status cohort designatedOn } }
    userErrors { field message code }
  }
}`;

let store: Store;
let graphql: ReturnType<typeof graphqlClient>;

beforeEach(async () => {
  ({ store } = await emptyStore());
  graphql = graphqlClient(store);
  await importEstablishments(
    store,
    writeCsv(GIAS_HEADER, [
      giasRow({ URN: '900001', 'OfstedRating (name)': 'Outstanding' }),
      giasRow({ URN: '900002', 'OfstedRating (name)': 'Good' }),
    ]),
  );
});

async function storedSchool(urn: string) {
  const [school] = await getSchoolsByUrn(store, [urn]);
  return school;
}

/** The school's audit events from mutations (the import that made it recorded one too). */
async function auditEvents(urn: string) {
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditTrail(auditSubject.school(urn)) },
    }),
  );
  return (result.Items ?? []).filter((item) => item.action !== IMPORT_ACTION);
}

async function teachingCount(): Promise<number> {
  const [authority] = await getLocalAuthoritiesByCode(store, ['201']);
  const cell = cellKey({
    open: true,
    region: 'LONDON',
    phase: 'PRIMARY',
    rating: 'OUTSTANDING',
    teaching: 'DESIGNATED',
  });
  return authority?.counts[cell] ?? 0;
}

describe('designateTeachingSchool', () => {
  it('designates an outstanding school, moves its coverage count and records who did it', async () => {
    const response = await graphql(DESIGNATE, { input: { urn: '900001', cohort: 4, designatedOn: '2014-09-01' } });

    expect(response.data?.designateTeachingSchool).toEqual({
      school: { urn: '900001', designation: { status: 'DESIGNATED', cohort: 4, designatedOn: '2014-09-01' } },
      userErrors: [],
    });
    expect(await storedSchool('900001')).toMatchObject({
      designation: { status: 'DESIGNATED', cohort: 4 },
      version: 2,
    });
    expect(await teachingCount()).toBe(1);
    const [event] = await auditEvents('900001');
    expect(event).toMatchObject({
      action: 'designateTeachingSchool',
      actor: { id: 'developer@localhost', role: 'dfe-staff' },
      before: { designation: null },
      after: { designation: { status: 'DESIGNATED', cohort: 4, designatedOn: '2014-09-01' } },
    });
  });

  it.each([
    ['an unknown URN', { urn: '999999' }, 'SCHOOL_NOT_FOUND', ['urn']],
    ['a malformed URN', { urn: '9000' }, 'INVALID_VALUE', ['urn']],
    ['a school rated Good', { urn: '900002' }, 'NOT_OUTSTANDING', ['urn']],
    ['a date in the future', { urn: '900001', designatedOn: '2999-01-01' }, 'DATE_IN_FUTURE', ['designatedOn']],
    ['cohort 0', { urn: '900001', cohort: 0 }, 'INVALID_VALUE', ['cohort']],
  ])('refuses %s with a user error and changes nothing', async (_what, input, code, field) => {
    const response = await graphql(DESIGNATE, { input });

    expect(response.data?.designateTeachingSchool).toEqual({
      school: null,
      userErrors: [{ field, code, message: expect.any(String) }],
    });
    expect(await storedSchool('900001')).toMatchObject({ designation: null, version: 1 });
    expect(await storedSchool('900002')).toMatchObject({ designation: null, version: 1 });
    expect(await auditEvents('900001')).toEqual([]);
  });

  it('refuses an impossible date as a malformed request naming the variable', async () => {
    const response = await graphql(DESIGNATE, { input: { urn: '900001', designatedOn: '2015-02-30' } });

    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('designatedOn'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await storedSchool('900001')).toMatchObject({ designation: null });
  });

  it('refuses to designate a school twice', async () => {
    await graphql(DESIGNATE, { input: { urn: '900001' } });

    const second = await graphql(DESIGNATE, { input: { urn: '900001', cohort: 2 } });

    expect(second.data?.designateTeachingSchool.userErrors).toEqual([
      { field: ['urn'], code: 'ALREADY_DESIGNATED', message: expect.any(String) },
    ]);
    expect(await storedSchool('900001')).toMatchObject({ designation: { cohort: null }, version: 2 });
  });

  it('designates once when ten callers race to designate the same school', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, cohort) => graphql(DESIGNATE, { input: { urn: '900001', cohort: cohort + 1 } })),
    );

    const payloads = responses.map((response) => response.data?.designateTeachingSchool);
    expect(payloads.filter((payload) => payload.userErrors.length === 0)).toHaveLength(1);
    expect(
      payloads
        .filter((payload) => payload.userErrors.length > 0)
        .every((payload) => ['ALREADY_DESIGNATED', 'CONFLICT'].includes(payload.userErrors[0].code)),
    ).toBe(true);
    expect(await storedSchool('900001')).toMatchObject({ version: 2 });
    expect(await teachingCount()).toBe(1);
    expect(await auditEvents('900001')).toHaveLength(1);
  });
});
