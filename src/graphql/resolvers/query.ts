import { parseLaCode } from '../../domain/local-authority.js';
import { GOR_REGION_CODES } from '../../domain/region.js';
import { parseUrn } from '../../domain/urn.js';
import { pageOfList } from '../connection-sources.js';
import type { QueryResolvers } from '../generated/resolvers.js';
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
    const all = await context.loaders.allLocalAuthorities();
    const authorities = filter?.region ? all.filter((authority) => authority.region === filter.region) : all;
    return pageOfList(`localAuthorities:${filter?.region ?? 'ALL'}`, authorities, first, after);
  },

  regions: () => GOR_REGION_CODES,

  region: (_parent, { code }) => code,
};
