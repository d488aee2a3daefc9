import { isAllianceId } from '../../domain/alliance.js';
import { isNetworkId } from '../../domain/network.js';
import { parseLaCode } from '../../domain/local-authority.js';
import { countAlliances, findAlliances, type AllianceCriteria } from '../../store/alliances.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { pageArgs } from '../paging.js';

export const allianceQueries: Pick<QueryResolvers, 'alliance' | 'alliances' | 'network'> = {
  alliance: async (_parent, { id }, context) =>
    isAllianceId(id) ? ((await context.loaders.allianceById.load(id)) ?? null) : null,

  network: async (_parent, { id }, context) =>
    isNetworkId(id) ? ((await context.loaders.networkById.load(id)) ?? null) : null,

  alliances: async (_parent, { filter, ...args }, context) => {
    const criteria: AllianceCriteria = {
      type: filter?.type,
      region: filter?.region,
      laCode: filter?.localAuthority == null ? null : parseLaCode(filter.localAuthority, 'filter.localAuthority'),
      needsRestructuring: filter?.needsRestructuring,
    };
    const page = await findAlliances(context.store, criteria, pageArgs(args));
    for (const { node } of page.edges) context.loaders.allianceById.prime(node.id, node);
    return { ...page, totalCount: () => countAlliances(context.store, criteria) };
  },
};
