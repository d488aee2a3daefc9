import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesignationStatus } from '../../src/domain/designation.js';
import { OFSTED_RATINGS, type OfstedRating } from '../../src/domain/ofsted.js';
import { PHASE_CODES } from '../../src/domain/phase.js';
import { GOR_REGION_CODES } from '../../src/domain/region.js';
import { createContext } from '../../src/graphql/context.js';
import { schoolConnection, type SchoolListRequest } from '../../src/graphql/school-connection.js';
import { DEVELOPER } from '../support/developer.js';
import { shippedStore } from '../support/store.js';

/** Runs: every run pages a whole list, so few enough that the file takes seconds. */
const RUNS = 40;

/** Small local authorities of the shipped registry (City of London, Isles of Scilly, Derby, Rutland). */
const LOCAL_AUTHORITIES = ['201', '420', '831', '857'];

/** A criterion left out three times in four, so combinations stay wide enough to hold schools. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary, weight: 1 });

/** Mostly the common values, sometimes any. */
const mostly = <T>(common: T[], all: readonly T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 3 }, { arbitrary: fc.constantFrom(...all), weight: 1 });

/** Any combination of the criteria a school list takes, always inside one local authority to keep it short. */
const request: fc.Arbitrary<SchoolListRequest> = fc.record({
  localAuthority: fc.constantFrom(...LOCAL_AUTHORITIES),
  region: maybe(mostly(['LONDON', 'EAST_MIDLANDS'], GOR_REGION_CODES)),
  phase: maybe(mostly(['PRIMARY', 'SECONDARY'], PHASE_CODES)),
  ofstedRating: maybe(mostly<OfstedRating>(['OUTSTANDING', 'GOOD'], Object.keys(OFSTED_RATINGS) as OfstedRating[])),
  isTeachingSchool: maybe(fc.boolean()),
  designationStatus: maybe(fc.constantFrom<DesignationStatus>('DESIGNATED', 'UNDER_REVIEW', 'DE_DESIGNATED')),
  belowOutstanding: maybe(fc.boolean()),
  untappedOutstanding: maybe(fc.boolean()),
});

describe('school lists and their totalCount', () => {
  it('count exactly the schools a caller pages through, for every combination of filters', async () => {
    // prepare
    const { store } = shippedStore();
    const context = createContext({ store, caller: DEVELOPER, requestId: 'property-school-lists' });
    let listsWithSchools = 0;

    await fc.assert(
      fc.asyncProperty(request, async (criteria) => {
        // act
        const urns: string[] = [];
        let after: string | null = null;
        let totalCount = 0;
        for (let pages = 0; pages < 50; pages += 1) {
          const page = await schoolConnection(context, criteria, { first: 100, after });
          totalCount = await page.totalCount();
          urns.push(...page.edges.map((edge) => edge.node.urn));
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }

        // assess
        expect(new Set(urns).size).toBe(urns.length);
        expect(urns.length).toBe(totalCount);
        if (totalCount > 0) listsWithSchools += 1;
      }),
      { numRuns: RUNS },
    );
    // The combinations reached lists that hold schools, not only empty ones.
    expect(listsWithSchools).toBeGreaterThan(RUNS / 4);
  });
});
