import { endMembership, memberCountsAfter, newMembership } from '../../domain/alliance-changes.js';
import { notInFuture, parseIsoDate, today, type IsoDate } from '../../domain/dates.js';
import { RuleViolation } from '../../domain/errors.js';
import { RuleCode } from '../../domain/rule-code.js';
import { parseUrn } from '../../domain/urn.js';
import { getCurrentMembership } from '../../store/memberships.js';
import { allianceToChange, schoolsToChange, stageAlliance } from '../alliance-change.js';
import type { RequestContext } from '../context.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { auditEvent, runMutation } from '../mutation.js';

type Mutations = Pick<MutationResolvers, 'addAllianceMember' | 'removeAllianceMember' | 'changeAllianceMemberRole'>;

/** A date from the input (of what has happened, so not in the future), or today when not given. */
export function dateOrToday(context: RequestContext, value: string | null | undefined, field: string): IsoDate {
  return value ? notInFuture(parseIsoDate(value, field), today(context.now()), field) : today(context.now());
}

async function currentMembership(context: RequestContext, allianceId: string, urnInput: string) {
  const urn = parseUrn(urnInput);
  const membership = await getCurrentMembership(context.store, allianceId, urn);
  if (!membership) throw new RuleViolation(RuleCode.NOT_A_MEMBER, `School ${urn} is not a current member of alliance ${allianceId}`, ['urn']);
  return membership;
}

/** Partner schools join, leave (kept as dated history) and change role; the alliance keeps counts per role. */
export const allianceMemberMutations: Mutations = {
  addAllianceMember: (_parent, { input }, context) =>
    runMutation(context, { alliance: null, membership: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const [school] = await schoolsToChange(context, [input.urn], 'urn');
      if (await getCurrentMembership(context.store, before.id, school!.urn)) {
        throw new RuleViolation(RuleCode.ALREADY_A_MEMBER, `School ${school!.urn} is already a member of alliance ${before.name}`, ['urn']);
      }
      const membership = newMembership(before, school!, input.role, dateOrToday(context, input.joinedOn, 'joinedOn'));
      changes.addMembership(membership);
      changes.audit(auditEvent(context, 'addAllianceMember', `SCHOOL#${school!.urn}`, null, membership));
      const alliance = stageAlliance(changes, context, 'addAllianceMember', before, memberCountsAfter(before, null, membership.role));
      return { alliance, membership };
    }, {
      key: input.idempotencyKey,
      mutation: 'addAllianceMember',
      input,
      remember: ({ alliance, membership }) => ({ allianceId: alliance.id, urn: membership.urn }),
      recall: async ({ allianceId, urn }) => ({
        alliance: await allianceToChange(context, allianceId!),
        membership: (await getCurrentMembership(context.store, allianceId!, urn!)) ?? null,
      }),
    }),

  removeAllianceMember: (_parent, { input }, context) =>
    runMutation(context, { alliance: null, membership: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const current = await currentMembership(context, before.id, input.urn);
      const membership = endMembership(current, dateOrToday(context, input.leftOn, 'leftOn'));
      changes.endMembership(current, membership);
      changes.audit(auditEvent(context, 'removeAllianceMember', `SCHOOL#${current.urn}`, current, membership));
      const alliance = stageAlliance(changes, context, 'removeAllianceMember', before, memberCountsAfter(before, current.role, null));
      return { alliance, membership };
    }),

  changeAllianceMemberRole: (_parent, { input }, context) =>
    runMutation(context, { alliance: null, membership: null }, async (changes) => {
      const before = await allianceToChange(context, input.allianceId, input.expectedVersion);
      const current = await currentMembership(context, before.id, input.urn);
      const membership = { ...current, role: input.role };
      changes.replaceMembership(current, membership);
      changes.audit(auditEvent(context, 'changeAllianceMemberRole', `SCHOOL#${current.urn}`, current, membership));
      const alliance = stageAlliance(changes, context, 'changeAllianceMemberRole', before, memberCountsAfter(before, current.role, input.role));
      return { alliance, membership };
    }),
};
