import { randomUUID } from 'node:crypto';
import { checkName, joinNetwork, leaveNetwork } from '../../domain/alliance-changes.js';
import { RuleViolation } from '../../domain/errors.js';
import { newNetwork, renamed, withAlliance, withoutAlliance } from '../../domain/network.js';
import { RuleCode } from '../../domain/rule-code.js';
import { uniquenessKey } from '../../domain/text.js';
import { getNetworkForChange, networkIdByName } from '../../store/networks.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { allianceToChange, networkToChange } from './read-for-change.js';
import { moveNameClaim, type NameClaims } from './move-name-claim.js';
import { runMutation } from './run-mutation.js';
import { stageAlliance, stageNetwork } from './stage.js';

type Mutations = Pick<MutationResolvers, 'joinNetwork' | 'leaveNetwork' | 'renameNetwork'>;

const NETWORK_NAMES: NameClaims = {
  key: uniquenessKey,
  holder: networkIdByName,
  claim: (changes, nameKey, id) => changes.claimNetworkName(nameKey, id),
  release: (changes, nameKey, id) => changes.releaseNetworkName(nameKey, id),
  taken: (name) =>
    new RuleViolation(RuleCode.NETWORK_NAME_TAKEN, `A network named ${JSON.stringify(name)} exists`, ['name']),
};

/**
 * Teaching school networks. A network has an id made once and a name unique by uniquenessKey. Joining finds
 * the network by name and never renames it; renaming is renameNetwork, for callers who may change every
 * alliance in the network. Every change is audited on the network as well as on the alliance.
 */
export const networkMutations: Mutations = {
  joinNetwork: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const name = checkName(input.networkName, 'networkName');
      const nameKey = uniquenessKey(name);
      const heldBy = await networkIdByName(context.store, nameKey);
      const network = heldBy ? await getNetworkForChange(context.store, heldBy) : undefined;
      const after = joinNetwork(before, network?.id ?? randomUUID());
      if (network) {
        stageNetwork(changes, context, 'joinNetwork', network, withAlliance(network, before.id));
      } else {
        changes.claimNetworkName(nameKey, after.networkId!);
        stageNetwork(changes, context, 'joinNetwork', null, newNetwork(after.networkId!, name, before.id));
      }
      return { alliance: stageAlliance(changes, context, 'joinNetwork', before, after) };
    }),

  leaveNetwork: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const after = leaveNetwork(before);
      const network = await getNetworkForChange(context.store, before.networkId!);
      if (network) stageNetwork(changes, context, 'leaveNetwork', network, withoutAlliance(network, before.id));
      return { alliance: stageAlliance(changes, context, 'leaveNetwork', before, after) };
    }),

  renameNetwork: (_parent, { input }, context) =>
    runMutation(context, { network: null }, async (changes) => {
      const before = await networkToChange(context, input.networkId, input.expectedVersion);
      const after = renamed(before, input.name);
      await moveNameClaim(NETWORK_NAMES, context.store, changes, { id: before.id, from: before.name, to: after.name });
      return { network: stageNetwork(changes, context, 'renameNetwork', before, after) };
    }),
};
