import { endMembership, memberCountsAfter, newMembership } from '../../domain/alliance-changes.js';
import { RuleViolation } from '../../domain/errors.js';
import { RuleCode } from '../../domain/rule-code.js';
import { getCurrentMembership } from '../../store/memberships.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { allianceToChange, dateOrToday, membershipToChange, schoolsToChange } from './read-for-change.js';
import { runMutation } from './run-mutation.js';
import { auditMembership, stageAlliance } from './stage.js';

type Mutations = Pick<MutationResolvers, 'addAllianceMember' | 'removeAllianceMember' | 'changeAllianceMemberRole'>;

/** Partner schools join, leave (kept as dated history) and change role; the alliance keeps counts per role. */
export const allianceMembershipMutations: Mutations = {
  addAllianceMember: (_parent, { input }, context) =>
    runMutation(
      context,
      { alliance: null, membership: null },
      async (changes) => {
        const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
        const [school] = await schoolsToChange(context, [input.urn], 'urn');
        if (await getCurrentMembership(context.store, before.id, school!.urn)) {
          throw new RuleViolation(
            RuleCode.ALREADY_A_MEMBER,
            `School ${school!.urn} is already a member of alliance ${before.name}`,
            ['urn'],
          );
        }
        const joinedOn = dateOrToday(context, input.joinedOn, 'joinedOn');
        const membership = newMembership(before, school!, input.role, joinedOn);
        changes.addMembership(membership);
        auditMembership(changes, context, 'addAllianceMember', null, membership);
        const counted = memberCountsAfter(before, null, membership.role);
        const alliance = stageAlliance(changes, context, 'addAllianceMember', before, counted);
        return { alliance, membership };
      },
      {
        key: input.idempotencyKey,
        mutation: 'addAllianceMember',
        input,
        remember: ({ alliance, membership }) => ({ allianceId: alliance.id, urn: membership.urn }),
        recall: async ({ allianceId, urn }) => ({
          alliance: await allianceToChange(context, allianceId!),
          membership: (await getCurrentMembership(context.store, allianceId!, urn!)) ?? null,
        }),
      },
    ),

  removeAllianceMember: (_parent, { input }, context) =>
    runMutation(context, { alliance: null, membership: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const current = await membershipToChange(context, before.id, input.urn);
      const membership = endMembership(current, dateOrToday(context, input.leftOn, 'leftOn'));
      changes.endMembership(current, membership);
      auditMembership(changes, context, 'removeAllianceMember', current, membership);
      const counted = memberCountsAfter(before, current.role, null);
      const alliance = stageAlliance(changes, context, 'removeAllianceMember', before, counted);
      return { alliance, membership };
    }),

  changeAllianceMemberRole: (_parent, { input }, context) =>
    runMutation(context, { alliance: null, membership: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const current = await membershipToChange(context, before.id, input.urn);
      const membership = { ...current, role: input.role };
      changes.replaceMembership(current, membership);
      auditMembership(changes, context, 'changeAllianceMemberRole', current, membership);
      const counted = memberCountsAfter(before, current.role, input.role);
      const alliance = stageAlliance(changes, context, 'changeAllianceMemberRole', before, counted);
      return { alliance, membership };
    }),
};
