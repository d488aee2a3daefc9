import { projectReach, type ProjectionReport } from '../../src/store/reach-projection.js';
import type { RequestCounter } from '../../src/store/request-counter.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import type { BenchContext } from './scenarios.js';

/** Where the projector's work for one designation is measured: a dense city and a sparse county. */
export const PROJECTION_PLACES = [
  { label: 'central London (Tower Hamlets)', laCode: '211' },
  { label: 'rural Northumberland', laCode: '929' },
] as const;

/** The projector's work for one designation, as the stream would hand it over. */
export interface ProjectionMeasurement {
  place: string;
  urn: string;
  report: ProjectionReport;
  requests: number;
  ms: number;
}

/**
 * Designates an outstanding school of the local authority through GraphQL, then runs the projection of that one
 * change (what the projector does with its stream record), counting its DynamoDB requests and timing it.
 */
export async function measureProjection(
  bench: BenchContext,
  store: Store,
  requests: RequestCounter,
  place: (typeof PROJECTION_PLACES)[number],
): Promise<ProjectionMeasurement> {
  const { untappedOutstandingSchools } = await bench.graphql(
    `{ untappedOutstandingSchools(filter: { localAuthority: "${place.laCode}" }, first: 1) {
        edges { node { urn } } } }`,
  );
  const urn: string = untappedOutstandingSchools.edges[0].node.urn;
  const [before] = await getSchoolsByUrn(store, [urn]);
  await bench.graphql(`mutation { designateTeachingSchool(input: { urn: "${urn}" }) { userErrors { code message } } }`);
  const [after] = await getSchoolsByUrn(store, [urn]);
  requests.reset();
  const started = performance.now();
  const report = await projectReach(store, [{ urn, before: before!, after: after!, at: new Date().toISOString() }]);
  return { place: place.label, urn, report, requests: requests.total, ms: performance.now() - started };
}
