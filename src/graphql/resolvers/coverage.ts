import { coverageGaps, coverageOf, DEFAULT_GAP_PHASES, representation } from '../../domain/coverage.js';
import { pageOfList, type RscRegionSource } from '../connection-sources.js';
import type {
  CoverageGapResolvers,
  LocalAuthorityResolvers,
  QueryResolvers,
  RegionResolvers,
  RscRegionResolvers,
} from '../generated/resolvers.js';
import { coverageIn } from '../coverage-source.js';
import { pageArgs } from '../paging.js';
import { remoteQuestion } from './reach.js';
import { schoolConnection } from '../school-connection.js';

/**
 * Coverage never reads a school: every figure is a sum over the counts the local authorities keep, all of
 * which come from one Query per request (the allLocalAuthorities loader), however many areas are asked about.
 */
export const coverageQueries: Pick<
  QueryResolvers,
  'nationalCoverage' | 'rscRegions' | 'coverageGaps' | 'representation' | 'untappedOutstandingSchools'
> = {
  nationalCoverage: async (_parent, _args, context) =>
    coverageIn(coverageOf(await context.loaders.allLocalAuthorities()), {}),

  rscRegions: async (_parent, _args, context) => {
    const byName = new Map<string, RscRegionSource>();
    for (const authority of await context.loaders.allLocalAuthorities()) {
      if (!authority.rscRegion) continue;
      const region = byName.get(authority.rscRegion) ?? { name: authority.rscRegion, authorities: [] };
      region.authorities.push(authority);
      byName.set(authority.rscRegion, region);
    }
    return [...byName.values()].sort((left, right) => left.name.localeCompare(right.name));
  },

  coverageGaps: async (_parent, { filter, ...args }, context) => {
    const { first, after } = pageArgs(args);
    const all = await context.loaders.allLocalAuthorities();
    const authorities = filter?.region ? all.filter((authority) => authority.region === filter.region) : all;
    const kinds = filter?.kinds ?? [];
    const gaps = coverageGaps(authorities, {
      kinds,
      phases: filter?.phases ?? DEFAULT_GAP_PHASES,
      minDensity: filter?.minDensity ?? coverageOf(all).density,
      remote: kinds.length === 0 || kinds.includes('REMOTE') ? await remoteQuestion(context, filter ?? {}) : null,
    });
    return pageOfList(`coverageGaps:${JSON.stringify(filter ?? {})}`, gaps, first, after);
  },

  representation: async (_parent, { region }, context) =>
    representation(coverageOf(await context.loaders.allLocalAuthorities(), region ?? null)),

  untappedOutstandingSchools: (_parent, { filter, ...page }, context) =>
    schoolConnection(context, { ...filter, untappedOutstanding: true }, page),
};

export const LocalAuthorityCoverage: Pick<LocalAuthorityResolvers, 'coverage'> = {
  // The parent may come from the container's cache of details, whose counts are not current: read them
  // (from the request's loader, already primed when the parent came from a list of authorities).
  coverage: async (authority, _args, context) =>
    coverageIn(coverageOf([(await context.loaders.localAuthorityByCode.load(authority.code)) ?? authority]), {
      laCodes: [authority.code],
    }),
};

export const RegionCoverage: Pick<RegionResolvers, 'coverage'> = {
  coverage: async (region, _args, context) =>
    coverageIn(coverageOf(await context.loaders.allLocalAuthorities(), region), { region }),
};

export const RscRegion: RscRegionResolvers = {
  localAuthorities: (region, args) => {
    const { first, after } = pageArgs(args);
    return pageOfList(`localAuthorities:rsc:${region.name}`, region.authorities, first, after);
  },
  coverage: (region) =>
    coverageIn(coverageOf(region.authorities), { laCodes: region.authorities.map((authority) => authority.code) }),
};

export const CoverageGap: CoverageGapResolvers = {
  localAuthority: (gap) => gap.authority,
  coverage: (gap) => coverageIn(gap.coverage, { laCodes: [gap.authority.code] }),
};
