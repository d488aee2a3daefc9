import { randomUUID } from 'node:crypto';
import { allianceNameKey, type DeliveryArea } from '../../domain/alliance.js';
import { addLead, changeType, newAlliance, removeLead } from '../../domain/alliance-changes.js';
import { assignDeliveryArea } from '../../domain/alliance-rules.js';
import { RuleViolation } from '../../domain/errors.js';
import { RuleCode } from '../../domain/rule-code.js';
import { parseUrn, type Urn } from '../../domain/urn.js';
import { allianceIdByName } from '../../store/alliances.js';
import { allianceToChange, schoolsToChange, stageAlliance, stageLeadClaim } from '../alliance-change.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { runMutation } from '../mutation.js';

type Mutations = Pick<MutationResolvers, 'createAlliance' | 'addAllianceLead' | 'removeAllianceLead' | 'changeAllianceType' | 'assignDeliveryAreaLead'>;

/** Mutations that change who leads an alliance, and how: every one checks the alliance-type rules. */
export const allianceLeadMutations: Mutations = {
  createAlliance: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const leads = await schoolsToChange(context, input.leadUrns, 'leadUrns');
      const accountableLeads: Partial<Record<DeliveryArea, Urn>> = {};
      for (const { area, urn } of input.deliveryAreaLeads ?? []) accountableLeads[area] = parseUrn(urn, 'deliveryAreaLeads');
      const alliance = newAlliance({ id: randomUUID(), name: input.name, type: input.type, accountableLeads }, leads, context.settings);
      const nameKey = allianceNameKey(alliance.name);
      if (await allianceIdByName(context.store, nameKey)) {
        throw new RuleViolation(RuleCode.ALLIANCE_NAME_TAKEN, `An alliance named ${JSON.stringify(alliance.name)} already exists`, ['name']);
      }
      changes.claimAllianceName(nameKey, alliance.id);
      for (const lead of leads) stageLeadClaim(changes, context, 'createAlliance', lead, alliance.id);
      return { alliance: stageAlliance(changes, context, 'createAlliance', null, alliance, leads) };
    }, {
      key: input.idempotencyKey,
      mutation: 'createAlliance',
      input,
      remember: ({ alliance }) => ({ allianceId: alliance.id }),
      recall: async ({ allianceId }) => ({ alliance: await allianceToChange(context, allianceId!) }),
    }),

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
      const reassignTo = input.reassignDeliveryAreasTo ? parseUrn(input.reassignDeliveryAreasTo, 'reassignDeliveryAreasTo') : null;
      const leads = await schoolsToChange(context, before.leads, 'urn');
      const after = removeLead(before, leads, urn, input.type ?? null, reassignTo, context.settings);
      const removed = leads.find((lead) => lead.urn === urn)!;
      stageLeadClaim(changes, context, 'removeAllianceLead', removed, null);
      return { alliance: stageAlliance(changes, context, 'removeAllianceLead', before, after, leads.filter((lead) => lead !== removed)) };
    }),

  changeAllianceType: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const leads = await schoolsToChange(context, before.leads, 'allianceId');
      return { alliance: stageAlliance(changes, context, 'changeAllianceType', before, changeType(before, leads, input.type, context.settings), leads) };
    }),

  assignDeliveryAreaLead: (_parent, { input }, context) =>
    runMutation(context, { alliance: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const after = assignDeliveryArea(before, input.area, parseUrn(input.urn));
      return { alliance: stageAlliance(changes, context, 'assignDeliveryAreaLead', before, after) };
    }),
};
