import { GraphQLJSONObject } from 'graphql-scalars';
import { isAllianceId } from '../../domain/alliance.js';
import { isNetworkId } from '../../domain/network.js';
import { auditSubject } from '../../domain/audit-event.js';
import { InvalidInput } from '../../domain/errors.js';
import { parseLaCode } from '../../domain/local-authority.js';
import { urnOfReviewId } from '../../domain/review.js';
import { parseUrn } from '../../domain/urn.js';
import { countAuditEvents, findAuditEvents } from '../../store/audit-trail.js';
import {
  countReviews,
  countReviewsOfSchool,
  findReviews,
  findReviewsOfSchool,
  getReviews,
} from '../../store/reviews.js';
import { authorizeInternalRead } from '../auth.js';
import type {
  DesignationResolvers,
  DesignationReviewResolvers,
  QueryResolvers,
  SchoolResolvers,
} from '../generated/resolvers.js';
import { pageArgs } from '../paging.js';
import { schoolConnection } from '../school-connection.js';

export const JSONObject = GraphQLJSONObject;

export const reviewQueries: Pick<
  QueryResolvers,
  'designationReview' | 'designationReviews' | 'designationsAtRisk' | 'auditTrail'
> = {
  designationReview: async (_parent, { id }, context) => {
    const urn = urnOfReviewId(id);
    return urn ? ((await getReviews(context.store, [{ urn, id }]))[0] ?? null) : null;
  },

  designationReviews: async (_parent, { filter, ...args }, context) => {
    const criteria = {
      status: filter?.status,
      region: filter?.region,
      laCode: filter?.localAuthority == null ? null : parseLaCode(filter.localAuthority, 'filter.localAuthority'),
      trigger: filter?.trigger,
      dueBefore: filter?.dueBefore,
    };
    const page = await findReviews(context.store, criteria, pageArgs(args));
    return { ...page, totalCount: () => countReviews(context.store, criteria) };
  },

  designationsAtRisk: (_parent, { filter, ...page }, context) =>
    schoolConnection(
      context,
      {
        region: filter?.region,
        localAuthority: filter?.localAuthority,
        isTeachingSchool: true,
        designationStatus: 'DESIGNATED',
        belowOutstanding: true,
      },
      page,
    ),

  auditTrail: async (_parent, { urn, allianceId, networkId, ...args }, context) => {
    authorizeInternalRead(context, 'the audit trail');
    const given = [urn, allianceId, networkId].filter((value) => value != null).length;
    if (given !== 1) {
      throw new InvalidInput(urn == null ? 'urn' : 'allianceId', 'Give exactly one of urn, allianceId and networkId');
    }
    if (allianceId != null && !isAllianceId(allianceId))
      throw new InvalidInput('allianceId', 'allianceId is not an alliance id');
    if (networkId != null && !isNetworkId(networkId)) {
      throw new InvalidInput('networkId', 'networkId is not a network id');
    }
    const subject =
      urn != null
        ? auditSubject.school(parseUrn(urn))
        : allianceId != null
          ? auditSubject.alliance(allianceId)
          : auditSubject.network(networkId!);
    return {
      ...(await findAuditEvents(context.store, subject, pageArgs(args))),
      totalCount: () => countAuditEvents(context.store, subject),
    };
  },
};

export const DesignationReview: DesignationReviewResolvers = {
  school: async (review, _args, context) => {
    const school = await context.loaders.schoolByUrn.load(review.urn);
    if (!school) throw new Error(`Review ${review.id} names school ${review.urn}, which the registry lacks`);
    return school;
  },
  notes: (review, _args, context) => {
    authorizeInternalRead(context, 'review notes');
    return review.notes;
  },
  openedBy: (review, _args, context) => {
    authorizeInternalRead(context, 'who opened a review');
    return review.openedBy;
  },
  decidedBy: (review, _args, context) => {
    authorizeInternalRead(context, 'who decided a review');
    return review.decidedBy;
  },
};

export const Designation: DesignationResolvers = {
  history: (designation) => designation.history.map((past) => ({ ...past, history: [] })),
};

export const SchoolReviewFields: Pick<SchoolResolvers, 'reviews'> = {
  reviews: async (school, args, context) => {
    const page = await findReviewsOfSchool(context.store, school.urn, pageArgs(args));
    return { ...page, totalCount: () => countReviewsOfSchool(context.store, school.urn) };
  },
};
