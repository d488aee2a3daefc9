import { notBeforeProgramme, notInFuture, type IsoDate } from './dates.js';
import { isOpen } from './establishment-status.js';
import { InvalidInput, RuleViolation } from './errors.js';
import { RuleCode } from './rule-code.js';
import type { School } from './school.js';

export type DesignationStatus = 'DESIGNATED' | 'UNDER_REVIEW' | 'DE_DESIGNATED';

/** A school's designation as a teaching school. */
export interface Designation {
  status: DesignationStatus;
  /** NCTL cohort (1, 2, 3, ...), where known. */
  cohort: number | null;
  designatedOn: IsoDate | null;
  endedOn: IsoDate | null;
  endReason: string | null;
}

/** The statuses of a teaching school: designated, including while under review. The one home of that rule. */
export const TEACHING_STATUSES: readonly DesignationStatus[] = ['DESIGNATED', 'UNDER_REVIEW'];

/** Whether a designation status (or none) is a teaching school's. */
export function isTeachingStatus(status: DesignationStatus | 'NONE' | null | undefined): boolean {
  return TEACHING_STATUSES.some((teaching) => teaching === status);
}

/** A teaching school, for coverage: designated, including while under review. */
export function isTeachingSchool(school: Pick<School, 'designation'>): boolean {
  return isTeachingStatus(school.designation?.status);
}

export interface DesignationRequest {
  cohort: number | null;
  designatedOn: IsoDate | null;
}

/**
 * Designates a school as a teaching school, or says which rule refuses it: the school must be open,
 * not currently designated, and rated Outstanding at its latest inspection. An ended designation
 * moves to the school's history.
 */
export function designate(school: School, request: DesignationRequest, today: IsoDate): School {
  if (isTeachingSchool(school)) {
    throw new RuleViolation(RuleCode.ALREADY_DESIGNATED, `School ${school.urn} is already a teaching school`, ['urn']);
  }
  if (!isOpen(school.status)) {
    throw new RuleViolation(RuleCode.SCHOOL_NOT_OPEN, `School ${school.urn} is not open`, ['urn']);
  }
  if (school.ofstedRating !== 'OUTSTANDING') {
    const rating = school.ofstedRating ?? 'not inspected';
    throw new RuleViolation(
      RuleCode.NOT_OUTSTANDING,
      `School ${school.urn} cannot be designated: its latest Ofsted rating is ${rating}, not OUTSTANDING`,
      ['urn'],
    );
  }
  if (request.cohort !== null && (!Number.isInteger(request.cohort) || request.cohort < 1 || request.cohort > 99)) {
    throw new InvalidInput('cohort', 'cohort must be a whole number from 1 to 99');
  }
  if (request.designatedOn !== null)
    notBeforeProgramme(notInFuture(request.designatedOn, today, 'designatedOn'), 'designatedOn');
  return {
    ...school,
    pastDesignations: school.designation ? [...school.pastDesignations, school.designation] : school.pastDesignations,
    designation: {
      status: 'DESIGNATED',
      cohort: request.cohort,
      designatedOn: request.designatedOn,
      endedOn: null,
      endReason: null,
    },
  };
}
