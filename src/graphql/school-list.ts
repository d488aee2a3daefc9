import { countCells, isTeachingCell, regionsIn, type CoverageCell } from '../domain/coverage-cell.js';
import { InvalidInput } from '../domain/errors.js';
import { isLaCode, type LocalAuthority } from '../domain/local-authority.js';
import type { SchoolCriteria } from '../store/schools.js';
import { findSchools } from '../store/schools.js';
import { emptyConnection, type SchoolConnectionSource } from './connection.js';
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
    if (!isLaCode(request.localAuthority)) {
      throw new InvalidInput(`${field}.localAuthority`, `${field}.localAuthority must be a 3-digit DfE code, got ${JSON.stringify(request.localAuthority.slice(0, 20))}`);
    }
    authority = await context.loaders.localAuthorityByCode.load(request.localAuthority);
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
      const accept = cellMatcher(criteria);
      return authorities.reduce((total, each) => total + countCells(each.counts, accept), 0);
    },
  };
}

function cellMatcher(criteria: SchoolCriteria): (cell: CoverageCell) => boolean {
  return (cell) =>
    (!criteria.region || cell.region === criteria.region) &&
    (!criteria.phase || cell.phase === criteria.phase) &&
    (!criteria.ofstedRating || cell.rating === criteria.ofstedRating) &&
    (criteria.isTeachingSchool == null || isTeachingCell(cell) === criteria.isTeachingSchool) &&
    (!criteria.designationStatus || cell.teaching === criteria.designationStatus) &&
    (!criteria.belowOutstanding || (cell.rating !== 'NONE' && cell.rating !== 'OUTSTANDING')) &&
    (!criteria.untappedOutstanding || (cell.open && cell.rating === 'OUTSTANDING' && !isTeachingCell(cell)));
}
