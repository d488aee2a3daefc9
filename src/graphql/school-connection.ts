import { countCells, regionsIn } from '../domain/coverage-cell.js';
import { parseLaCode, type LocalAuthority } from '../domain/local-authority.js';
import { schoolCellMatcher, type SchoolCriteria } from '../store/school-filters.js';
import { findSchools } from '../store/schools.js';
import { emptyConnection, type SchoolConnectionSource } from './connection-sources.js';
import type { RequestContext } from './context.js';
import { pageArgs, type PageArgs } from './paging.js';

/** A list of schools as GraphQL asks for it: criteria with the local authority named by its code. */
export type SchoolListRequest = Omit<SchoolCriteria, 'localAuthority'> & { localAuthority?: string | null };

/**
 * A page of schools and, on demand, how many match in all. The count never reads a school: it sums
 * the coverage counts each local authority keeps, so it costs one read whatever the list's size.
 */
export async function schoolConnection(
  context: RequestContext,
  request: SchoolListRequest,
  args: PageArgs,
  field = 'filter',
): Promise<SchoolConnectionSource> {
  const page = pageArgs(args);
  let authority: LocalAuthority | undefined;
  if (request.localAuthority != null) {
    const code = parseLaCode(request.localAuthority, `${field}.localAuthority`);
    authority = await context.loaders.localAuthorityByCode.load(code);
    if (!authority) return emptyConnection;
  }
  const criteria: SchoolCriteria = {
    ...request,
    localAuthority: authority ? { code: authority.code, schoolRegions: regionsIn(authority.counts) } : null,
  };
  const result = await findSchools(context.store, criteria, page);
  for (const { node } of result.edges) context.loaders.schoolByUrn.prime(node.urn, node);
  return {
    ...result,
    totalCount: async () => {
      const authorities = authority ? [authority] : await context.loaders.allLocalAuthorities();
      const accept = schoolCellMatcher(criteria);
      return authorities.reduce((total, each) => total + countCells(each.counts, accept), 0);
    },
  };
}
