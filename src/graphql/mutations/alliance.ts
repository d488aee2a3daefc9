import { randomUUID } from 'node:crypto';
import { allianceNameKey, type DeliveryArea } from '../../domain/alliance.js';
import {
  addDeliverer,
  addLead,
  changeType,
  newAlliance,
  removeDeliverer,
  removeLead,
  rename,
} from '../../domain/alliance-changes.js';
import { assignDeliveryArea } from '../../domain/alliance-rules.js';
import { RuleViolation } from '../../domain/errors.js';
import { RuleCode } from '../../domain/rule-code.js';
import { parseUrn, type Urn } from '../../domain/urn.js';
import { allianceIdByName } from '../../store/alliances.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { allianceToChange, dateOrToday, schoolsToChange } from './read-for-change.js';
import { moveNameClaim, type NameClaims } from './move-name-claim.js';
import { runMutation } from './run-mutation.js';
import { stageAlliance, stageLeadClaim } from './stage.js';

type Mutations = Pick<
  MutationResolvers,
  | 'createAlliance'
  | 'addAllianceLead'
  | 'removeAllianceLead'
  | 'changeAllianceType'
  | 'assignDeliveryAreaLead'
  | 'renameAlliance'
  | 'addAllianceDeliverer'
  | 'removeAllianceDeliverer'
>;

function nameTaken(name: string): RuleViolation {
  return new RuleViolation(RuleCode.ALLIANCE_NAME_TAKEN, `An alliance named ${JSON.stringify(name)} already exists`, [
    'name',
  ]);
}

const ALLIANCE_NAMES: NameClaims = {
  key: allianceNameKey,
  holder: allianceIdByName,
  claim: (changes, nameKey, id) => changes.claimAllianceName(nameKey, id),
  release: (changes, nameKey, id) => changes.releaseAllianceName(nameKey, id),
  taken: nameTaken,
};

/**
 * An alliance: who leads it and how (every such change checks the alliance-type rules), and its name and
 * deliverers, which leave the leads alone. Its partner schools are alliance-membership.ts; networks network.ts.
 */
export const allianceMutations: Mutations = {
  createAlliance: (_parent, { input }, context) =>
    runMutation(
      context,
      { alliance: null },
      async (changes) => {
        const leads = await schoolsToChange(context, input.leadUrns, 'leadUrns');
        const accountableLeads: Partial<Record<DeliveryArea, Urn>> = {};
        for (const { area, urn } of input.deliveryAreaLeads ?? []) {
          accountableLeads[area] = parseUrn(urn, 'deliveryAreaLeads');
        }
        const request = { id: randomUUID(), name: input.name, type: input.type, accountableLeads };
        const alliance = newAlliance(request, leads, context.settings);
        const nameKey = allianceNameKey(alliance.name);
        if (await allianceIdByName(context.store, nameKey)) throw nameTaken(alliance.name);
        changes.claimAllianceName(nameKey, alliance.id);
        for (const lead of leads) stageLeadClaim(changes, context, 'createAlliance', lead, alliance.id);
        return { alliance: stageAlliance(changes, context, 'createAlliance', null, alliance, leads) };
      },
      {
        key: input.idempotencyKey,
        mutation: 'createAlliance',
        input,
        remember: ({ alliance }) => ({ allianceId: alliance.id }),
        recall: async ({ allianceId }) => ({ alliance: await allianceToChange(context, allianceId!) }),
      },
    ),

  addAllianceLead: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const [newLead] = await schoolsToChange(context, [input.urn], 'urn');
      const leads = await schoolsToChange(context, before.leads, 'urn');
      const after = addLead(before, leads, newLead!, input.type ?? null, context.settings);
      stageLeadClaim(changes, context, 'addAllianceLead', newLead!, after.id);
      return { alliance: stageAlliance(changes, context, 'addAllianceLead', before, after, [...leads, newLead!]) };
    }),

  removeAllianceLead: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const urn = parseUrn(input.urn);
      const reassignTo = input.reassignDeliveryAreasTo
        ? parseUrn(input.reassignDeliveryAreasTo, 'reassignDeliveryAreasTo')
        : null;
      const leads = await schoolsToChange(context, before.leads, 'urn');
      const after = removeLead(before, leads, urn, input.type ?? null, reassignTo, context.settings);
      const removed = leads.find((lead) => lead.urn === urn)!;
      stageLeadClaim(changes, context, 'removeAllianceLead', removed, null);
      const remaining = leads.filter((lead) => lead !== removed);
      return { alliance: stageAlliance(changes, context, 'removeAllianceLead', before, after, remaining) };
    }),

  changeAllianceType: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const leads = await schoolsToChange(context, before.leads, 'allianceId');
      const after = changeType(before, leads, input.type, context.settings);
      return { alliance: stageAlliance(changes, context, 'changeAllianceType', before, after, leads) };
    }),

  assignDeliveryAreaLead: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const after = assignDeliveryArea(before, input.area, parseUrn(input.urn));
      return { alliance: stageAlliance(changes, context, 'assignDeliveryAreaLead', before, after) };
    }),

  renameAlliance: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const after = rename(before, input.name);
      await moveNameClaim(ALLIANCE_NAMES, context.store, changes, { id: before.id, from: before.name, to: after.name });
      return { alliance: stageAlliance(changes, context, 'renameAlliance', before, after) };
    }),

  addAllianceDeliverer: (_parent, { input }, context) =>
    runMutation(
      context,
      { alliance: null, deliverer: null },
      async (changes) => {
        const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
        const joinedOn = input.joinedOn ? dateOrToday(context, input.joinedOn, 'joinedOn') : null;
        const after = addDeliverer(before, { id: randomUUID(), name: input.name, kind: input.kind, joinedOn });
        const alliance = stageAlliance(changes, context, 'addAllianceDeliverer', before, after);
        return { alliance, deliverer: after.deliverers.at(-1)! };
      },
      {
        key: input.idempotencyKey,
        mutation: 'addAllianceDeliverer',
        input,
        remember: ({ alliance, deliverer }) => ({ allianceId: alliance.id, delivererId: deliverer.id }),
        recall: async ({ allianceId, delivererId }) => {
          const alliance = await allianceToChange(context, allianceId!);
          return { alliance, deliverer: alliance.deliverers.find((each) => each.id === delivererId) ?? null };
        },
      },
    ),

  removeAllianceDeliverer: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const after = removeDeliverer(before, input.delivererId, dateOrToday(context, input.leftOn, 'leftOn'));
      return { alliance: stageAlliance(changes, context, 'removeAllianceDeliverer', before, after) };
    }),
};
