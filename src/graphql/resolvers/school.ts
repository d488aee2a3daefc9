import { isSmall, isSpecial } from '../../domain/school.js';
import type { SchoolResolvers } from '../generated/resolvers.js';

export const School: SchoolResolvers = {
  localAuthority: async (school, _args, context) => {
    // Details from the container's cache (no request); an authority newer than the cache is read per request.
    const authority =
      (await context.localAuthorities.details(school.laCode, context.store)) ??
      (await context.loaders.localAuthorityByCode.load(school.laCode));
    if (!authority)
      throw new Error(`School ${school.urn} names local authority ${school.laCode}, which the registry lacks`);
    return authority;
  },
  region: (school) => school.region,
  designation: (school) => (school.designation ? { ...school.designation, history: school.pastDesignations } : null),
  isSmall: (school, _args, context) => isSmall(school, context.settings),
  isSpecial: (school) => isSpecial(school),
};
