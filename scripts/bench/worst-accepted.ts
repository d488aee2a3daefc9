import { widePagesQuery } from './attack-queries.js';
import type { Scenario } from './scenarios.js';

/**
 * The costliest query the registry answers rather than refuses (issue 11): a page of 100 schools, each asking
 * for two small connections with their counts, about 400 DynamoDB requests. A second such page in the same
 * request passes the budget of 500 and is stopped (QUERY_TOO_COSTLY), so nothing accepted costs more.
 * Target: at most 1,000 DynamoDB requests and 2 s on DynamoDB Local.
 */
export const WORST_ACCEPTED_QUERY: Scenario = {
  name: 'Worst accepted query (100 schools x 2 connections)',
  runs: 5,
  prepare: async () => () => ({ query: widePagesQuery(1) }),
};
