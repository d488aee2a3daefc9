import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ReviewStatus, ReviewTrigger } from '../domain/review.js';
import type { GorRegion } from '../domain/region.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import { FilterBuilder } from './item-filter.js';
import { countItems, queryPage, type ItemFilter, type Page, type PageQuery } from './query-page.js';
import { fromReviewItem, type StoredReview } from './review-item.js';
import type { Store } from './store.js';
import type { IndexName } from './table-definition.js';

/** Reviews by (URN, id), in the order asked. */
export async function getReviews(
  store: Store,
  ids: readonly { urn: string; id: string }[],
): Promise<(StoredReview | undefined)[]> {
  const items = await batchGet(
    store,
    ids.map(({ urn, id }) => keys.review(urn, id)),
  );
  return items.map((item) => (item ? fromReviewItem(item) : undefined));
}

/** A review read strongly consistently, as a change starts from it. */
export async function getReviewForChange(store: Store, urn: string, id: string): Promise<StoredReview | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.review(urn, id), ConsistentRead: true }),
  );
  return result.Item ? fromReviewItem(result.Item) : undefined;
}

/** What a list of reviews may be narrowed to. */
export interface ReviewCriteria {
  status?: ReviewStatus | null;
  region?: GorRegion | null;
  laCode?: string | null;
  trigger?: ReviewTrigger | null;
  /** Due strictly before this date. */
  dueBefore?: string | null;
}

/** Reviews by due date (open ones first when no status is given), narrowed by place and trigger. */
export function findReviews(
  store: Store,
  criteria: ReviewCriteria,
  page: { first: number; after?: string | null },
): Promise<Page<StoredReview>> {
  return queryPage(store, { ...reviewList(criteria), first: page.first, after: page.after, map: fromReviewItem });
}

export function countReviews(store: Store, criteria: ReviewCriteria): Promise<number> {
  return countItems(store, reviewList(criteria));
}

/** A school's reviews, oldest first. */
export function findReviewsOfSchool(
  store: Store,
  urn: string,
  page: { first: number; after?: string | null },
): Promise<Page<StoredReview>> {
  return queryPage(store, { ...reviewsOfSchool(urn), first: page.first, after: page.after, map: fromReviewItem });
}

export function countReviewsOfSchool(store: Store, urn: string): Promise<number> {
  return countItems(store, reviewsOfSchool(urn));
}

function reviewsOfSchool(urn: string) {
  return {
    list: `reviews:${urn}`,
    index: 'table' as const,
    segments: [{ partition: keys.schoolPartition(urn), prefix: keys.reviewPrefix }],
  };
}

/** The access pattern of review lists: `REVIEWS#<status>` / `<dueBy>#<review id>`. */
const REVIEWS_BY_STATUS_AND_DUE_DATE: IndexName = 'gsi1';

function reviewList(criteria: ReviewCriteria): Pick<PageQuery<unknown>, 'list' | 'index' | 'segments' | 'filter'> {
  const statuses: ReviewStatus[] = criteria.status ? [criteria.status] : ['OPEN', 'CONCLUDED'];
  const segments = statuses.map((status) => ({
    partition: keys.reviewsWithStatus(status),
    prefix: '',
    ...(criteria.dueBefore ? { below: criteria.dueBefore } : {}),
  }));
  return { list: 'reviews', index: REVIEWS_BY_STATUS_AND_DUE_DATE, segments, filter: reviewFilter(criteria) };
}

function reviewFilter(criteria: ReviewCriteria): ItemFilter | null {
  return new FilterBuilder()
    .equals('region', criteria.region)
    .equals('laCode', criteria.laCode)
    .equals('trigger', criteria.trigger)
    .build();
}
