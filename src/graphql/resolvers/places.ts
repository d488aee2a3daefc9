import { GOR_REGIONS } from '../../domain/region.js';
import { pageOfList } from '../connection-sources.js';
import type { LocalAuthorityResolvers, RegionResolvers } from '../generated/resolvers.js';
import { pageArgs } from '../paging.js';
import { schoolConnection } from '../school-connection.js';

export const Region: RegionResolvers = {
  code: (region) => region,
  name: (region) => GOR_REGIONS[region],
  localAuthorities: async (region, args, context) => {
    const { first, after } = pageArgs(args);
    const authorities = (await context.loaders.allLocalAuthorities()).filter(
      (authority) => authority.region === region,
    );
    return pageOfList(`localAuthorities:${region}`, authorities, first, after);
  },
};

export const LocalAuthority: LocalAuthorityResolvers = {
  region: (authority) => authority.region,
  schools: (authority, args, context) =>
    schoolConnection(context, { ...args.filter, localAuthority: authority.code }, args),
};
