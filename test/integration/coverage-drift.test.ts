import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../src/domain/coverage-cell.js';
import { auditCoverage } from '../../src/store/coverage-audit.js';
import { keys } from '../../src/store/keys.js';
import type { Store } from '../../src/store/store.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';
import { seedSchools, type SchoolSeed } from '../support/teaching-schools.js';

const LONDON_PRIMARY_OUTSTANDING = cellKey({
  open: true,
  region: 'LONDON',
  phase: 'PRIMARY',
  rating: 'OUTSTANDING',
  teaching: 'NONE',
});

const SEEDS: SchoolSeed[] = [
  { urn: '900001', pupils: 150 },
  { urn: '900002', pupils: 90, type: 'Community special school' },
  { urn: '900003', pupils: 900 },
  { urn: '900004', teaching: false },
  { urn: '900005', teaching: false },
  { urn: '900006', rating: 'Good', teaching: false },
  { urn: '900007', pupils: 120 },
  { urn: '900008', teaching: false },
];
const URNS = SEEDS.map((seed) => seed.urn);

async function fixture(): Promise<{ store: Store; graphql: ReturnType<typeof graphqlClient> }> {
  const { store } = await emptyStore();
  await seedSchools(store, SEEDS);
  return { store, graphql: graphqlClient(store) };
}

/** A mutation picked at random; each is applied whatever it answers (refusals included). */
const command = fc.oneof(
  fc.record({ kind: fc.constant('designate' as const), urn: fc.constantFrom(...URNS) }),
  fc.record({
    kind: fc.constant('inspect' as const),
    urn: fc.constantFrom(...URNS),
    rating: fc.constantFrom('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT'),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({
    kind: fc.constant('conclude' as const),
    outcome: fc.constantFrom('RETAINED', 'DE_DESIGNATED', 'WITHDRAWN'),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), urn: fc.constantFrom(...URNS) }),
  fc.record({
    kind: fc.constant('createAlliance' as const),
    urn: fc.constantFrom(...URNS),
    name: fc.constantFrom('A', 'B', 'C'),
  }),
  fc.record({
    kind: fc.constant('addLead' as const),
    urn: fc.constantFrom(...URNS),
    name: fc.constantFrom('A', 'B', 'C'),
  }),
);

type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

/** Applies a step; answers whether it changed anything (no user errors). */
async function apply(graphql: ReturnType<typeof graphqlClient>, step: Command, sequence: number): Promise<boolean> {
  const day = String((sequence % 28) + 1).padStart(2, '0');
  const allianceId = async (name: string) => {
    const found = await graphql('{ alliances(first: 10) { edges { node { id name } } } }');
    return found.data?.alliances.edges.find((edge: any) => edge.node.name === name)?.node.id ?? 'none';
  };
  const succeeded = (response: { data?: Record<string, any> }) =>
    Object.values(response.data ?? {})[0]?.userErrors?.length === 0;
  switch (step.kind) {
    case 'designate':
      return succeeded(
        await graphql(`mutation { designateTeachingSchool(input: { urn: "${step.urn}" }) { userErrors { code } } }`),
      );
    case 'inspect':
      return succeeded(
        await graphql(
          `mutation { recordOfstedInspection(input: { urn: "${step.urn}", rating:
            ${step.rating}, inspectedOn: "2020-01-${day}" }) { userErrors { code } } }`,
        ),
      );
    case 'conclude': {
      const open = await graphql(
        '{ designationReviews(filter: { status: OPEN }, first: 1) { edges { node { id } } } }',
      );
      const id = open.data?.designationReviews.edges[0]?.node.id;
      if (!id) return false;
      return succeeded(
        await graphql(
          `mutation { concludeDesignationReview(input: { reviewId: "${id}", outcome:
            ${step.outcome}, decidedOn: "2020-02-${day}" }) { userErrors { code } } }`,
        ),
      );
    }
    case 'withdraw':
      return succeeded(
        await graphql(
          `mutation { withdrawDesignation(input: { urn: "${step.urn}",
            withdrawnOn: "2020-03-${day}" }) { userErrors { code } } }`,
        ),
      );
    case 'createAlliance':
      return succeeded(
        await graphql(
          `mutation { createAlliance(input: { name: "${step.name}", type:
            SINGLE, leadUrns: ["${step.urn}"] }) { userErrors { code } } }`,
        ),
      );
    case 'addLead':
      return succeeded(
        await graphql(
          `mutation { addAllianceLead(input: { allianceId: "${await allianceId(step.name)}",
            urn: "${step.urn}", type: MULTIPLE }) { userErrors { code } } }`,
        ),
      );
  }
}

describe('coverage kept in step with every change', () => {
  it('shows no drift after any seeded random sequence of mutations', async () => {
    const changed = new Set<string>();

    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 25 }), async (steps) => {
        const { store, graphql } = await fixture();
        for (const [sequence, step] of steps.entries())
          if (await apply(graphql, step, sequence)) changed.add(step.kind);

        const result = await auditCoverage(store);

        expect(result.drift).toEqual([]);
      }),
      { numRuns: 6, seed: 20_180_312 },
    );

    expect([...changed]).toEqual(expect.arrayContaining(['designate', 'inspect', 'createAlliance', 'withdraw']));
  }, 120_000);

  it('counts an alliance where it has a lead, and stops when its only lead is de-designated', async () => {
    const { graphql } = await fixture();
    await graphql(
      `mutation { createAlliance(input: { name: "Solo", type:
        SINGLE, leadUrns: ["900003"] }) { userErrors { code } } }`,
    );
    const before = await graphql(
      '{ nationalCoverage { alliances } localAuthority(code: "201") { coverage { alliances } } }',
    );

    await graphql('mutation { withdrawDesignation(input: { urn: "900003" }) { userErrors { code } } }');

    const after = await graphql(
      `{ nationalCoverage { alliances teachingSchools } alliances(filter:
        { needsRestructuring: true }) { totalCount } }`,
    );
    expect(before.data).toEqual({ nationalCoverage: { alliances: 1 }, localAuthority: { coverage: { alliances: 1 } } });
    expect(after.data).toEqual({
      nationalCoverage: { alliances: 0, teachingSchools: 3 },
      alliances: { totalCount: 1 },
    });
  });

  it('repairs drift it finds, and then finds none', async () => {
    const { store } = await fixture();
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.localAuthority('201'),
        UpdateExpression: 'ADD #c :one',
        ExpressionAttributeNames: { '#c': LONDON_PRIMARY_OUTSTANDING },
        ExpressionAttributeValues: { ':one': 5 },
      }),
    );

    const found = await auditCoverage(store, { repair: true });
    const after = await auditCoverage(store);

    expect(found.drift).toEqual([
      {
        laCode: '201',
        counts: [{ key: 'c#LONDON#PRIMARY#OUTSTANDING#NONE', kept: 8, actual: 3 }],
        alliancesMissing: [],
        alliancesExtra: [],
      },
    ]);
    expect(found.repaired).toBe(1);
    expect(after.drift).toEqual([]);
  });
});
