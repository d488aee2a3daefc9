import { parseLaCode } from '../../domain/local-authority.js';
import { GOR_REGION_CODES } from '../../domain/region.js';
import { parseUrn } from '../../domain/urn.js';
import { pageOfList } from '../connection-sources.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { authorityNameMatcher } from '../local-authority-name.js';
import { pageArgs } from '../paging.js';
import { schoolConnection } from '../school-connection.js';

export const Query: QueryResolvers = {
  school: async (_parent, { urn }, context) => (await context.loaders.schoolByUrn.load(parseUrn(urn))) ?? null,

  schools: (_parent, { filter, ...page }, context) => schoolConnection(context, { ...filter }, page),

  teachingSchools: (_parent, { filter, ...page }, context) =>
    schoolConnection(
      context,
      {
        region: filter?.region,
        localAuthority: filter?.localAuthority,
        phase: filter?.phase,
        isTeachingSchool: filter?.status ? null : true,
        designationStatus: filter?.status,
      },
      page,
    ),

  localAuthority: async (_parent, { code }, context) => {
    return (await context.loaders.localAuthorityByCode.load(parseLaCode(code, 'code'))) ?? null;
  },

  localAuthorities: async (_parent, { filter, ...args }, context) => {
    const { first, after } = pageArgs(args);
    const named = filter?.name == null ? () => true : authorityNameMatcher(filter.name);
    const all = await context.loaders.allLocalAuthorities();
    const authorities = all.filter(
      (authority) => (!filter?.region || authority.region === filter.region) && named(authority),
    );
    const list = `localAuthorities:${filter?.region ?? 'ALL'}${filter?.name == null ? '' : `:${filter.name}`}`;
    return pageOfList(list, authorities, first, after);
  },

  regions: () => GOR_REGION_CODES,

  region: (_parent, { code }) => code,
};
