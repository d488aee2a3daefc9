import { randomUUID } from 'node:crypto';
import { parseIsoDate, today } from '../../domain/dates.js';
import { designate } from '../../domain/designation.js';
import { RuleViolation } from '../../domain/errors.js';
import { concludeReview, openReview, recordInspection, withdrawDesignation } from '../../domain/review-lifecycle.js';
import { reviewId, urnOfReviewId } from '../../domain/review.js';
import { RuleCode } from '../../domain/rule-code.js';
import { checkExpectedVersion } from '../../domain/version.js';
import type { StoredSchool } from '../../store/school-item.js';
import { getReviewForChange } from '../../store/reviews.js';
import type { RequestContext } from '../context.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { dateOrToday, schoolToChange } from './read-for-change.js';
import { runMutation } from './run-mutation.js';
import { stageDesignationChange, stageSchool } from './stage.js';

type Mutations = Pick<
  MutationResolvers,
  | 'designateTeachingSchool'
  | 'openDesignationReview'
  | 'concludeDesignationReview'
  | 'recordOfstedInspection'
  | 'withdrawDesignation'
>;

async function openReviewOf(context: RequestContext, school: StoredSchool) {
  return school.openReviewId
    ? ((await getReviewForChange(context.store, school.urn, school.openReviewId)) ?? null)
    : null;
}

const newReviewId = (urn: string) => reviewId(urn as StoredSchool['urn'], randomUUID().slice(0, 8));

/**
 * A school and its designation life cycle: designation, reviews that open and conclude, inspections that
 * land, withdrawals. A review lives with its school, so these are changes to one aggregate.
 */
export const schoolMutations: Mutations = {
  designateTeachingSchool: (_parent, { input }, context) =>
    runMutation(context, { school: null }, async (changes) => {
      const before = await schoolToChange(context, input.urn, input.expectedVersion);
      const request = {
        cohort: input.cohort ?? null,
        designatedOn: input.designatedOn ? parseIsoDate(input.designatedOn, 'designatedOn') : null,
      };
      const after = designate(before, request, today(context.now()));
      return { school: stageSchool(changes, context, 'designateTeachingSchool', before, after) };
    }),

  openDesignationReview: (_parent, { input }, context) =>
    runMutation(
      context,
      { review: null },
      async (changes) => {
        const before = await schoolToChange(context, input.urn, input.expectedVersion);
        const opened = openReview(
          before,
          {
            id: newReviewId(before.urn),
            trigger: input.trigger,
            openedOn: dateOrToday(context, input.openedOn, 'openedOn'),
            dueBy: parseIsoDate(input.dueBy, 'dueBy'),
            notes: input.notes ?? null,
            openedBy: context.caller.id,
          },
          today(context.now()),
        );
        await stageDesignationChange(changes, context, 'openDesignationReview', before, opened.school);
        return { review: changes.putReview(null, opened.review, before) };
      },
      {
        key: input.idempotencyKey,
        mutation: 'openDesignationReview',
        input,
        remember: ({ review }) => ({ urn: review.urn, reviewId: review.id }),
        recall: async ({ urn, reviewId }) => ({
          review: (await getReviewForChange(context.store, urn!, reviewId!)) ?? null,
        }),
      },
    ),

  concludeDesignationReview: (_parent, { input }, context) =>
    runMutation(context, { review: null }, async (changes) => {
      const urn = urnOfReviewId(input.reviewId);
      const notFound = new RuleViolation(
        RuleCode.REVIEW_NOT_FOUND,
        `No designation review has id ${JSON.stringify(input.reviewId.slice(0, 80))}`,
        ['reviewId'],
      );
      if (!urn) throw notFound;
      const before = await schoolToChange(context, urn);
      const review = await getReviewForChange(context.store, urn, input.reviewId);
      if (!review) throw notFound;
      checkExpectedVersion(`Review ${review.id}`, review.version, input.expectedVersion);
      const decision = {
        outcome: input.outcome,
        decidedOn: dateOrToday(context, input.decidedOn, 'decidedOn'),
        decidedBy: context.caller.id,
        notes: input.notes ?? null,
      };
      const concluded = concludeReview(before, review, decision, today(context.now()));
      await stageDesignationChange(changes, context, 'concludeDesignationReview', before, concluded.school);
      return { review: changes.putReview(review, concluded.review, before) };
    }),

  recordOfstedInspection: (_parent, { input }, context) =>
    runMutation(context, { school: null, review: null }, async (changes) => {
      const before = await schoolToChange(context, input.urn, input.expectedVersion);
      const inspection = { rating: input.rating, inspectedOn: parseIsoDate(input.inspectedOn, 'inspectedOn') };
      const opener = { id: newReviewId(before.urn), openedBy: context.caller.id };
      const recorded = recordInspection(before, inspection, opener, today(context.now()));
      if (recorded.school === before) return { school: before, review: await openReviewOf(context, before) };
      const school = await stageDesignationChange(changes, context, 'recordOfstedInspection', before, recorded.school);
      return { school, review: recorded.review ? changes.putReview(null, recorded.review, before) : null };
    }),

  withdrawDesignation: (_parent, { input }, context) =>
    runMutation(context, { school: null }, async (changes) => {
      const before = await schoolToChange(context, input.urn, input.expectedVersion);
      const review = await openReviewOf(context, before);
      const withdrawnOn = dateOrToday(context, input.withdrawnOn, 'withdrawnOn');
      const withdrawn = withdrawDesignation(before, review, withdrawnOn, context.caller.id, today(context.now()));
      const school = await stageDesignationChange(changes, context, 'withdrawDesignation', before, withdrawn.school);
      if (review && withdrawn.review) changes.putReview(review, withdrawn.review, before);
      return { school };
    }),
};
