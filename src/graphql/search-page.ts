import { createHash } from 'node:crypto';
import type { StoredSchool } from '../store/school-item.js';
import { pageOfList } from './connection-sources.js';
import type { RequestContext } from './context.js';

/** A page of schools found by a search, each edge with what the search says of it besides the school. */
export interface SearchPage<Extra> {
  edges: (Extra & { cursor: string; node: StoredSchool })[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * Pages through a search's ranked results (held in memory) by offset, and reads the page's schools with one
 * BatchGetItem. `identity` names the search (its arguments), so a cursor is only accepted by the same search.
 */
export async function searchPage<Extra extends object>(
  context: RequestContext,
  identity: unknown,
  found: readonly (Extra & { urn: string })[],
  page: { first: number; after: string | null },
): Promise<SearchPage<Extra>> {
  const list = createHash('sha256').update(JSON.stringify(identity)).digest('base64url').slice(0, 16);
  const slice = pageOfList(list, found, page.first, page.after);
  const schools = await context.loaders.schoolByUrn.loadMany(slice.edges.map(({ node }) => node.urn));
  const edges = slice.edges.flatMap(({ node: { urn: _urn, ...extra }, cursor }, position) => {
    const school = schools[position];
    return school && !(school instanceof Error) ? [{ ...(extra as unknown as Extra), cursor, node: school }] : [];
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: slice.hasNextPage,
      hasPreviousPage: false,
      startCursor: slice.edges[0]?.cursor ?? null,
      endCursor: slice.endCursor,
    },
    totalCount: found.length,
  };
}
