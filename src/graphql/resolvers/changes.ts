import { GraphQLDateTime } from 'graphql-scalars';
import { changeSummary, publicChangedFields } from '../../domain/change.js';
import { InvalidInput } from '../../domain/errors.js';
import { parseLaCode } from '../../domain/local-authority.js';
import { findChanges } from '../../store/change-feed.js';
import { changeNodes, isRecordSubject } from '../change-node.js';
import type {
  AllianceResolvers,
  ChangeConnectionResolvers,
  ChangeResolvers,
  ChangeSubjectResolvers,
  QueryResolvers,
  SchoolResolvers,
} from '../generated/resolvers.js';
import { pageArgs } from '../paging.js';
import { pageInfoOf } from './connection-fields.js';

/**
 * How long a change waits before the feed serves it, in seconds: far longer than a transaction can take (the
 * Lambda times out at 10 s), so no change can commit behind a cursor. Tests and the local example shorten it.
 * @default 30 (the `CHANGE_FEED_SETTLE_SECONDS` environment variable)
 */
export function changeFeedSettleSeconds(): number {
  const configured = Number(process.env.CHANGE_FEED_SETTLE_SECONDS);
  return Number.isFinite(configured) && configured >= 0 && process.env.CHANGE_FEED_SETTLE_SECONDS ? configured : 30;
}

export const DateTime = GraphQLDateTime;

export const changeQueries: Pick<QueryResolvers, 'changes' | 'changeFeedSettleSeconds'> = {
  changes: async (_parent, { since, filter, ...args }, context) => {
    if (Number.isNaN(since.getTime())) throw new InvalidInput('since', 'since is not a valid DateTime');
    const page = await findChanges(context.store, {
      since,
      settledBefore: new Date(context.now().getTime() - changeFeedSettleSeconds() * 1000),
      kinds: filter?.kinds,
      region: filter?.region,
      laCode: filter?.localAuthority == null ? null : parseLaCode(filter.localAuthority, 'filter.localAuthority'),
      ...pageArgs(args),
    });
    return changeNodes(context, page);
  },
  changeFeedSettleSeconds: () => changeFeedSettleSeconds(),
};

export const Change: ChangeResolvers = {
  id: ({ entry }) => entry.id,
  at: ({ entry }) => entry.at,
  kind: ({ entry }) => entry.kind,
  subject: ({ subject }) => subject(),
  subjectKey: ({ entry }) => (isRecordSubject(entry.subject) ? entry.subject : null),
  changedFields: ({ entry }) => publicChangedFields(entry.before, entry.after),
  summary: ({ entry }) =>
    changeSummary(
      entry.kind,
      isRecordSubject(entry.subject) ? entry.subject : null,
      publicChangedFields(entry.before, entry.after),
    ),
};

export const ChangeConnection: ChangeConnectionResolvers = { pageInfo: (page) => pageInfoOf(page) };

export const ChangeSubject: ChangeSubjectResolvers = {
  __resolveType: (record) => ('urn' in record ? 'School' : 'Alliance'),
};

export const SchoolChangeFields: Pick<SchoolResolvers, 'updatedAt'> = {
  updatedAt: (school) => school.updatedAt ?? null,
};

export const AllianceChangeFields: Pick<AllianceResolvers, 'updatedAt'> = {
  updatedAt: (alliance) => alliance.updatedAt ?? null,
};
