import { DELIVERY_AREAS } from '../../domain/alliance.js';
import { countAlliances, findAlliances } from '../../store/alliances.js';
import { countMembershipsOfSchool, findMembers, findMembershipsOfSchool } from '../../store/memberships.js';
import type {
  AllianceMembershipResolvers,
  AllianceResolvers,
  DeliveryAreaLeadResolvers,
  SchoolResolvers,
  TeachingSchoolNetworkResolvers,
} from '../generated/resolvers.js';
import type { RequestContext } from '../context.js';
import { pageArgs } from '../paging.js';

async function school(context: RequestContext, urn: string) {
  const found = await context.loaders.schoolByUrn.load(urn);
  if (!found) throw new Error(`The registry has no school ${urn}, which an alliance names`);
  return found;
}

export const Alliance: AllianceResolvers = {
  type: (alliance) => alliance.type,
  leads: (alliance, _args, context) => Promise.all(alliance.leads.map((urn) => school(context, urn))),
  members: async (alliance, { role, ...args }, context) => {
    const page = await findMembers(context.store, alliance.id, role ?? null, pageArgs(args));
    const counts = alliance.memberCounts;
    return {
      ...page,
      totalCount: () =>
        role ? (counts[role] ?? 0) : Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0),
    };
  },
  deliverers: (alliance, { includeFormer }) =>
    alliance.deliverers.filter((deliverer) => includeFormer || deliverer.leftOn === null),
  deliveryAreas: (alliance) =>
    DELIVERY_AREAS.map((area) => ({ area, accountableLead: alliance.accountableLeads[area] ?? null })),
  network: async (alliance, _args, context) =>
    alliance.networkId ? ((await context.loaders.networkById.load(alliance.networkId)) ?? null) : null,
  needsRestructuring: (alliance) => alliance.restructuringReasons.length > 0,
};

export const DeliveryAreaLead: DeliveryAreaLeadResolvers = {
  accountableLead: (lead, _args, context) => (lead.accountableLead ? school(context, lead.accountableLead) : null),
};

export const AllianceMembership: AllianceMembershipResolvers = {
  alliance: async (membership, _args, context) => {
    const alliance = await context.loaders.allianceById.load(membership.allianceId);
    if (!alliance) throw new Error(`A membership names alliance ${membership.allianceId}, which the registry lacks`);
    return alliance;
  },
  school: (membership, _args, context) => school(context, membership.urn),
};

export const TeachingSchoolNetwork: TeachingSchoolNetworkResolvers = {
  alliances: async (network, args, context) => {
    const page = await findAlliances(context.store, { networkId: network.id }, pageArgs(args));
    return { ...page, totalCount: () => countAlliances(context.store, { networkId: network.id }) };
  },
};

export const SchoolAllianceFields: Pick<SchoolResolvers, 'leadsAlliance' | 'allianceMemberships'> = {
  leadsAlliance: async (school, _args, context) =>
    school.leadsAllianceId ? ((await context.loaders.allianceById.load(school.leadsAllianceId)) ?? null) : null,
  allianceMemberships: async (school, args, context) => {
    const page = await findMembershipsOfSchool(context.store, school.urn, pageArgs(args));
    return { ...page, totalCount: () => countMembershipsOfSchool(context.store, school.urn) };
  },
};
