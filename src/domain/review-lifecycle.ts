import { addDays, notBeforeProgramme, notBeforeStart, notInFuture, type IsoDate } from './dates.js';
import type { Designation } from './designation.js';
import { InvalidInput, RuleViolation } from './errors.js';
import type { OfstedRating } from './ofsted.js';
import type { DesignationReview, ReviewOutcome, ReviewTrigger } from './review.js';
import { RuleCode } from './rule-code.js';
import { cleanText } from './text.js';
import type { School } from './school.js';

/**
 * The designation life cycle as a state machine:
 *   DESIGNATED --open review--> UNDER_REVIEW --RETAINED--> DESIGNATED
 *   UNDER_REVIEW --DE_DESIGNATED | WITHDRAWN--> DE_DESIGNATED (ended, kept as history)
 *   DESIGNATED | UNDER_REVIEW --withdraw--> DE_DESIGNATED (an open review concludes WITHDRAWN)
 * Every function returns the new states or throws RuleViolation naming the input field.
 */

/** Days a review opened by an Ofsted inspection has before it is due. */
export const OFSTED_REVIEW_DAYS = 90;

export interface ReviewRequest {
  id: string;
  trigger: ReviewTrigger;
  openedOn: IsoDate;
  dueBy: IsoDate;
  notes: string | null;
  openedBy: string;
}

/** Review notes are for people: a few pages at most (DynamoDB items hold 400 KB in all). */
export const MAX_NOTES_LENGTH = 10_000;

/** Notes as stored: cleaned (domain/text.ts, line breaks allowed) and at most MAX_NOTES_LENGTH characters. */
function checkNotes(notes: string | null): string | null {
  if (notes === null) return null;
  if (notes.length > MAX_NOTES_LENGTH) {
    throw new InvalidInput('notes', `notes are longer than ${MAX_NOTES_LENGTH} characters`);
  }
  return cleanText(notes, 'notes', { multiline: true });
}

/** Opens a review of a designated teaching school: the designation goes UNDER_REVIEW. */
export function openReview(
  school: School,
  request: ReviewRequest,
  today: IsoDate,
): { school: School; review: DesignationReview } {
  const status = school.designation?.status;
  if (status === 'UNDER_REVIEW')
    throw new RuleViolation(
      RuleCode.REVIEW_ALREADY_OPEN,
      `School ${school.urn} already has an open designation review`,
      ['urn'],
    );
  if (status !== 'DESIGNATED')
    throw new RuleViolation(
      RuleCode.NOT_A_TEACHING_SCHOOL,
      `School ${school.urn} is not a teaching school, so there is no designation to review`,
      ['urn'],
    );
  notInFuture(request.openedOn, today, 'openedOn');
  const notes = checkNotes(request.notes);
  if (request.dueBy < request.openedOn)
    throw new RuleViolation(
      RuleCode.DATE_BEFORE_START,
      `dueBy ${request.dueBy} is before openedOn ${request.openedOn}`,
      ['dueBy'],
    );
  const review: DesignationReview = {
    ...request,
    notes,
    urn: school.urn,
    status: 'OPEN',
    outcome: null,
    decidedOn: null,
    decidedBy: null,
  };
  return {
    school: { ...school, designation: { ...school.designation!, status: 'UNDER_REVIEW' }, openReviewId: review.id },
    review,
  };
}

/** Concludes an open review. RETAINED restores DESIGNATED; DE_DESIGNATED or WITHDRAWN ends the designation. */
export function concludeReview(
  school: School,
  review: DesignationReview,
  decision: { outcome: ReviewOutcome; decidedOn: IsoDate; decidedBy: string; notes: string | null },
  today: IsoDate,
): { school: School; review: DesignationReview } {
  if (review.status !== 'OPEN')
    throw new RuleViolation(
      RuleCode.REVIEW_ALREADY_CONCLUDED,
      `Review ${review.id} was concluded on ${review.decidedOn}`,
      ['reviewId'],
    );
  notInFuture(decision.decidedOn, today, 'decidedOn');
  const notes = checkNotes(decision.notes);
  if (decision.decidedOn < review.openedOn) {
    throw new RuleViolation(
      RuleCode.DATE_BEFORE_START,
      `decidedOn ${decision.decidedOn} is before the review opened on ${review.openedOn}`,
      ['decidedOn'],
    );
  }
  const concluded: DesignationReview = {
    ...review,
    status: 'CONCLUDED',
    outcome: decision.outcome,
    decidedOn: decision.decidedOn,
    decidedBy: decision.decidedBy,
    notes: notes ?? review.notes,
  };
  const current = school.designation!;
  const designation: Designation =
    decision.outcome === 'RETAINED'
      ? { ...current, status: 'DESIGNATED' }
      : {
          ...current,
          status: 'DE_DESIGNATED',
          endedOn: decision.decidedOn,
          endReason:
            decision.outcome === 'WITHDRAWN' ? 'Withdrawn by the school' : `De-designated after review ${review.id}`,
        };
  return { school: { ...school, designation, openReviewId: null }, review: concluded };
}

/** The school gives up its designation; an open review concludes WITHDRAWN with it. */
export function withdrawDesignation(
  school: School,
  openReview: DesignationReview | null,
  on: IsoDate,
  by: string,
  today: IsoDate,
) {
  const status = school.designation?.status;
  if (status !== 'DESIGNATED' && status !== 'UNDER_REVIEW') {
    throw new RuleViolation(
      RuleCode.NOT_A_TEACHING_SCHOOL,
      `School ${school.urn} has no current designation to withdraw`,
      ['urn'],
    );
  }
  notInFuture(on, today, 'withdrawnOn');
  const { designatedOn } = school.designation!;
  if (designatedOn) notBeforeStart(on, { on: designatedOn, what: 'the school was designated' }, 'withdrawnOn');
  else notBeforeProgramme(on, 'withdrawnOn');
  if (openReview)
    return concludeReview(
      school,
      openReview,
      { outcome: 'WITHDRAWN', decidedOn: on, decidedBy: by, notes: null },
      today,
    );
  const designation: Designation = {
    ...school.designation!,
    status: 'DE_DESIGNATED',
    endedOn: on,
    endReason: 'Withdrawn by the school',
  };
  return { school: { ...school, designation }, review: null };
}

/**
 * Records an Ofsted inspection; one already recorded (same date and rating) returns the school itself, unchanged.
 * For a designated teaching school rated below Outstanding, it opens a review
 * (trigger OFSTED_BELOW_OUTSTANDING) in the same change, opened on the inspection's date and due
 * OFSTED_REVIEW_DAYS later, so an inspection recorded late shows as an overdue review.
 */
export function recordInspection(
  school: School,
  inspection: { rating: OfstedRating; inspectedOn: IsoDate },
  review: { id: string; openedBy: string },
  today: IsoDate,
): { school: School; review: DesignationReview | null } {
  notInFuture(inspection.inspectedOn, today, 'inspectedOn');
  // Already recorded (a retry, or the same report sent twice): nothing changes, and the school is answered as it is.
  if (school.lastInspectedOn === inspection.inspectedOn && school.ofstedRating === inspection.rating)
    return { school, review: null };
  if (school.lastInspectedOn && inspection.inspectedOn < school.lastInspectedOn) {
    throw new RuleViolation(
      RuleCode.INSPECTION_OLDER_THAN_LATEST,
      `The school's latest inspection, on ${school.lastInspectedOn}, is later than ${inspection.inspectedOn}`,
      ['inspectedOn'],
    );
  }
  const inspected: School = { ...school, ofstedRating: inspection.rating, lastInspectedOn: inspection.inspectedOn };
  if (inspection.rating === 'OUTSTANDING' || school.designation?.status !== 'DESIGNATED')
    return { school: inspected, review: null };
  return openReview(
    inspected,
    {
      id: review.id,
      trigger: 'OFSTED_BELOW_OUTSTANDING',
      openedOn: inspection.inspectedOn,
      dueBy: addDays(inspection.inspectedOn, OFSTED_REVIEW_DAYS),
      notes: `Ofsted rated the school ${inspection.rating} on ${inspection.inspectedOn}`,
      openedBy: review.openedBy,
    },
    today,
  );
}
