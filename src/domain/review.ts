import type { IsoDate } from './dates.js';
import type { Urn } from './urn.js';

export const REVIEW_TRIGGERS = [
  'OFSTED_BELOW_OUTSTANDING',
  'PERFORMANCE_CONCERN',
  'PEER_REVIEW',
  'SCHEDULED',
  'OTHER',
] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

export type ReviewStatus = 'OPEN' | 'CONCLUDED';
export type ReviewOutcome = 'RETAINED' | 'DE_DESIGNATED' | 'WITHDRAWN';

/** A review of a teaching school's designation. */
export interface DesignationReview {
  id: string;
  urn: Urn;
  trigger: ReviewTrigger;
  openedOn: IsoDate;
  dueBy: IsoDate;
  status: ReviewStatus;
  outcome: ReviewOutcome | null;
  decidedOn: IsoDate | null;
  /** Internal: never shown to partners. */
  notes: string | null;
  openedBy: string;
  decidedBy: string | null;
}

/** A review's id names its school, so the review is found from the id alone. */
export function reviewId(urn: Urn, suffix: string): string {
  return `${urn}-${suffix}`;
}

export function urnOfReviewId(id: string): string | null {
  return /^(\d{6})-[A-Za-z0-9-]{1,64}$/.exec(id)?.[1] ?? null;
}
