import type { IsoDate } from '../domain/dates.js';
import type { DesignationReview } from '../domain/review.js';
import type { School } from '../domain/school.js';
import type { Urn } from '../domain/urn.js';
import { keys } from './keys.js';

/** A review as read, with its version. */
export type StoredReview = DesignationReview & { readonly version: number };

type Item = Record<string, unknown>;

/**
 * Reviews live under their school; gsi1 lists them by status, due date first. The item keeps its school's place
 * (region, LA) for the list's filters.
 */
export function toReviewItem(
  review: DesignationReview,
  version: number,
  place: Pick<School, 'region' | 'laCode'>,
): Item {
  return {
    ...keys.review(review.urn, review.id),
    type: 'DesignationReview',
    version,
    ...review,
    notes: review.notes ?? undefined,
    outcome: review.outcome ?? undefined,
    decidedOn: review.decidedOn ?? undefined,
    decidedBy: review.decidedBy ?? undefined,
    region: place.region,
    laCode: place.laCode,
    gsi1pk: keys.reviewsWithStatus(review.status),
    gsi1sk: `${review.dueBy}#${review.id}`,
  };
}

export function fromReviewItem(item: Item): StoredReview {
  return {
    id: item.id as string,
    urn: item.urn as Urn,
    trigger: item.trigger as DesignationReview['trigger'],
    openedOn: item.openedOn as IsoDate,
    dueBy: item.dueBy as IsoDate,
    status: item.status as DesignationReview['status'],
    outcome: (item.outcome as DesignationReview['outcome'] | undefined) ?? null,
    decidedOn: (item.decidedOn as IsoDate | undefined) ?? null,
    notes: (item.notes as string | undefined) ?? null,
    openedBy: item.openedBy as string,
    decidedBy: (item.decidedBy as string | undefined) ?? null,
    version: item.version as number,
  };
}
