import { randomUUID } from 'node:crypto';
import { allianceNameKey } from '../../domain/alliance.js';
import { addDeliverer, checkName, joinNetwork, leaveNetwork, removeDeliverer, rename } from '../../domain/alliance-changes.js';
import { RuleViolation } from '../../domain/errors.js';
import { RuleCode } from '../../domain/rule-code.js';
import { allianceIdByName } from '../../store/alliances.js';
import { allianceToChange, stageAlliance } from '../alliance-change.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { runMutation } from '../mutation.js';
import { dateOrToday } from './alliance-members.js';

type Mutations = Pick<MutationResolvers, 'renameAlliance' | 'addAllianceDeliverer' | 'removeAllianceDeliverer' | 'joinNetwork' | 'leaveNetwork'>;

/** A network's id: its name in lower case with runs of other characters as hyphens. */
function networkId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'network';
}

/** Name, deliverers and network: changes that leave the leads alone. */
export const allianceDetailMutations: Mutations = {
  renameAlliance: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const after = rename(before, input.name);
      const [oldKey, newKey] = [allianceNameKey(before.name), allianceNameKey(after.name)];
      if (oldKey !== newKey) {
        const holder = await allianceIdByName(context.store, newKey);
        if (holder && holder !== before.id) throw new RuleViolation(RuleCode.ALLIANCE_NAME_TAKEN, `An alliance named ${JSON.stringify(after.name)} already exists`, ['name']);
        changes.claimAllianceName(newKey, before.id);
        changes.releaseAllianceName(oldKey, before.id);
      }
      return { alliance: stageAlliance(changes, context, 'renameAlliance', before, after) };
    }),

  addAllianceDeliverer: (_parent, { input }, context) =>
    runMutation(context, { alliance: null, deliverer: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const joinedOn = input.joinedOn ? dateOrToday(context, input.joinedOn, 'joinedOn') : null;
      const after = addDeliverer(before, { id: randomUUID(), name: input.name, kind: input.kind, joinedOn });
      return { alliance: stageAlliance(changes, context, 'addAllianceDeliverer', before, after), deliverer: after.deliverers.at(-1)! };
    }, {
      key: input.idempotencyKey,
      mutation: 'addAllianceDeliverer',
      input,
      remember: ({ alliance, deliverer }) => ({ allianceId: alliance.id, delivererId: deliverer.id }),
      recall: async ({ allianceId, delivererId }) => {
        const alliance = await allianceToChange(context, allianceId!);
        return { alliance, deliverer: alliance.deliverers.find((each) => each.id === delivererId) ?? null };
      },
    }),

  removeAllianceDeliverer: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const after = removeDeliverer(before, input.delivererId, dateOrToday(context, input.leftOn, 'leftOn'));
      return { alliance: stageAlliance(changes, context, 'removeAllianceDeliverer', before, after) };
    }),

  joinNetwork: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const name = checkName(input.networkName, 'networkName');
      const id = networkId(name);
      changes.putNetwork(id, name);
      return { alliance: stageAlliance(changes, context, 'joinNetwork', before, joinNetwork(before, id)) };
    }),

  leaveNetwork: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      return { alliance: stageAlliance(changes, context, 'leaveNetwork', before, leaveNetwork(before)) };
    }),
};
