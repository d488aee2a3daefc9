import { InvalidInput } from '../../domain/errors.js';
import { parseLaCode } from '../../domain/local-authority.js';
import { areaReachOf, REMOTE_DEFAULTS, remoteShareOf, toKm, type AreaReach } from '../../domain/reach-figures.js';
import type { Nearest, SchoolReach } from '../../domain/reach.js';
import type { GapQuestion } from '../../domain/coverage.js';
import { compareIdentifiers } from '../../domain/text.js';
import { pageOfList } from '../connection-sources.js';
import type { RequestContext } from '../context.js';
import type { AreaScope } from '../coverage-source.js';
import type {
  CoverageGapFilter,
  CoverageResolvers,
  QueryResolvers,
  RemoteSchoolEdgeResolvers,
  SchoolResolvers,
} from '../generated/resolvers.js';
import { pageArgs } from '../paging.js';

/** How far `beyondKm` and `remoteBeyondKm` may go, in km. */
const BEYOND_KM = { min: 0, max: 1000 } as const;

/**
 * The figures of areas wider than a local authority, kept beside the per-container copy of every area they were
 * worked out from (reach-cache.ts): a new version of reach is a new copy, so nothing here outlives what it is of.
 * The nation's median sorts some 25,000 distances; asked again, it is answered from here.
 */
const wideAreaFigures = new WeakMap<ReadonlyMap<string, unknown>, Map<string, AreaReach>>();

/**
 * Reach is read from the areas the projector keeps: a local authority's figures cost one BatchGetItem, anything
 * wider one Query of every area (two or three pages), whatever the number of areas asked about.
 */
async function schoolsIn(context: RequestContext, scope: AreaScope): Promise<SchoolReach[]> {
  let schools: SchoolReach[];
  if (scope.laCodes?.length === 1) schools = (await context.loaders.reachOfArea.load(scope.laCodes[0]!)).schools;
  else {
    const areas = await context.loaders.allReach();
    const codes = scope.laCodes ?? [...areas.keys()];
    schools = codes.flatMap((code) => areas.get(code)?.schools ?? []);
  }
  return scope.region ? schools.filter((school) => school.region === scope.region) : schools;
}

async function reachIn(context: RequestContext, scope: AreaScope): Promise<AreaReach> {
  if (scope.laCodes?.length === 1) return areaReachOf(await schoolsIn(context, scope));
  const areas = await context.loaders.allReach();
  const known = wideAreaFigures.get(areas) ?? new Map<string, AreaReach>();
  wideAreaFigures.set(areas, known);
  const key = JSON.stringify(scope);
  const figures = known.get(key) ?? areaReachOf(await schoolsIn(context, scope));
  known.set(key, figures);
  return figures;
}

export const CoverageReach: Pick<CoverageResolvers, 'reach'> = {
  reach: async (coverage, _args, context) => {
    const figures = await reachIn(context, coverage.scope);
    return { ...figures, asOf: (await context.loaders.reachState()).asOf };
  },
};

async function nearestView(context: RequestContext, nearest: Nearest | null) {
  const school = nearest ? await context.loaders.schoolByUrn.load(nearest.urn) : undefined;
  return school && nearest ? { school, distanceKm: toKm(nearest.metres) } : null;
}

export const SchoolReachFields: Pick<SchoolResolvers, 'nearestTeachingSchool'> = {
  nearestTeachingSchool: async (school, { samePhase }, context) => {
    const area = await context.loaders.reachOfArea.load(school.laCode);
    const found = area.schools.find((candidate) => candidate.urn === school.urn);
    return nearestView(context, (samePhase ? found?.nearestSamePhase : found?.nearest) ?? null);
  },
};

function checkedKm(value: number | null | undefined, field: string, fallback: number): number {
  const km = value ?? fallback;
  if (!(km >= BEYOND_KM.min && km <= BEYOND_KM.max)) {
    throw new InvalidInput(field, `${field} must be from ${BEYOND_KM.min} to ${BEYOND_KM.max} km, got ${km}`);
  }
  return km;
}

/** The REMOTE part of a coverage-gap question: every authority's share of remote schools. */
export async function remoteQuestion(
  context: RequestContext,
  filter: Pick<CoverageGapFilter, 'remoteBeyondKm' | 'minRemoteShare'>,
): Promise<GapQuestion['remote']> {
  const beyondKm = checkedKm(filter.remoteBeyondKm, 'filter.remoteBeyondKm', REMOTE_DEFAULTS.beyondKm);
  const minShare = filter.minRemoteShare ?? REMOTE_DEFAULTS.minShare;
  if (!(minShare >= 0 && minShare <= 1)) {
    throw new InvalidInput('filter.minRemoteShare', `filter.minRemoteShare must be from 0 to 1, got ${minShare}`);
  }
  const areas = await context.loaders.allReach();
  return { minShare, shareOf: (code) => remoteShareOf(areas.get(code)?.schools ?? [], beyondKm) };
}

export const reachQueries: Pick<QueryResolvers, 'remoteSchools'> = {
  remoteSchools: async (_parent, { filter, ...args }, context) => {
    const { first, after } = pageArgs(args);
    const beyondKm = checkedKm(filter?.beyondKm, 'filter.beyondKm', REMOTE_DEFAULTS.beyondKm);
    const localAuthority = filter?.localAuthority ? parseLaCode(filter.localAuthority, 'filter.localAuthority') : null;
    const schools = await schoolsIn(context, {
      laCodes: localAuthority ? [localAuthority] : null,
      region: filter?.region ?? null,
    });
    const remote = schools
      .filter(
        (school) =>
          school.nearest !== null &&
          school.nearest.metres >= beyondKm * 1000 &&
          (!filter?.phase || school.phase === filter.phase),
      )
      .sort((left, right) => right.nearest!.metres - left.nearest!.metres || compareIdentifiers(left.urn, right.urn));
    return pageOfList(`remoteSchools:${JSON.stringify(filter ?? {})}`, remote, first, after);
  },
};

export const RemoteSchoolEdge: RemoteSchoolEdgeResolvers = {
  node: async (edge, _args, context) => {
    const school = await context.loaders.schoolByUrn.load(edge.node.urn);
    if (!school) throw new Error(`Reach lists school ${edge.node.urn}, which the table does not hold`);
    return school;
  },
  nearestTeachingSchool: async (edge, _args, context) => {
    const view = await nearestView(context, edge.node.nearest);
    if (!view) throw new Error(`Reach lists ${edge.node.urn}'s nearest teaching school, which the table does not hold`);
    return view;
  },
};
