import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import type { Designation } from '../../src/domain/designation.js';
import { RuleViolation } from '../../src/domain/errors.js';
import {
  concludeReview,
  openReview,
  recordInspection,
  withdrawDesignation,
  type ReviewRequest,
} from '../../src/domain/review-lifecycle.js';
import type { DesignationReview } from '../../src/domain/review.js';
import type { School } from '../../src/domain/school.js';
import type { Urn } from '../../src/domain/urn.js';
import { school as fixtureSchool } from '../support/fixtures.js';

const TODAY = '2026-11-23' as IsoDate;
const DESIGNATED: Designation = {
  status: 'DESIGNATED',
  cohort: 2,
  designatedOn: '2012-04-01' as IsoDate,
  endedOn: null,
  endReason: null,
};

/** Harrington Nursery School, a teaching school in Derby. */
function school(overrides: Partial<School> = {}): School {
  return fixtureSchool({
    urn: '112474' as Urn,
    name: 'Harrington Nursery School',
    laCode: '831',
    region: 'EAST_MIDLANDS',
    phase: 'NURSERY',
    establishmentNumber: null,
    numberOfPupils: 100,
    lastInspectedOn: '2015-01-01' as IsoDate,
    designation: DESIGNATED,
    ...overrides,
  });
}

const request: ReviewRequest = {
  id: '112474-r1',
  trigger: 'PEER_REVIEW',
  openedOn: '2026-11-01' as IsoDate,
  dueBy: '2027-01-31' as IsoDate,
  notes: 'n',
  openedBy: 'staff',
};
const decision = { outcome: 'RETAINED' as const, decidedOn: '2026-11-20' as IsoDate, decidedBy: 'staff', notes: null };

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof RuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

function opened(): { school: School; review: DesignationReview } {
  return openReview(school(), request, TODAY);
}

describe('the designation life cycle', () => {
  it('DESIGNATED --open--> UNDER_REVIEW, still a teaching school', () => {
    const result = opened();

    expect(result.school.designation?.status).toBe('UNDER_REVIEW');
    expect(result.school.openReviewId).toBe('112474-r1');
    expect(result.review).toMatchObject({ status: 'OPEN', outcome: null, trigger: 'PEER_REVIEW' });
  });

  it('UNDER_REVIEW --RETAINED--> DESIGNATED', () => {
    const { school: reviewed, review } = opened();

    const result = concludeReview(reviewed, review, decision, TODAY);

    expect(result.school.designation).toEqual(DESIGNATED);
    expect(result.review).toMatchObject({ status: 'CONCLUDED', outcome: 'RETAINED', decidedOn: '2026-11-20' });
  });

  it.each(['DE_DESIGNATED', 'WITHDRAWN'] as const)('UNDER_REVIEW --%s--> DE_DESIGNATED, ended and dated', (outcome) => {
    const { school: reviewed, review } = opened();

    const result = concludeReview(reviewed, review, { ...decision, outcome }, TODAY);

    expect(result.school.designation).toMatchObject({ status: 'DE_DESIGNATED', endedOn: '2026-11-20', cohort: 2 });
    expect(result.school.openReviewId).toBeNull();
  });

  it('DESIGNATED --withdraw--> DE_DESIGNATED without a review', () => {
    const result = withdrawDesignation(school(), null, '2026-11-01' as IsoDate, 'staff', TODAY);

    expect(result.school.designation).toMatchObject({ status: 'DE_DESIGNATED', endReason: 'Withdrawn by the school' });
    expect(result.review).toBeNull();
  });

  it('UNDER_REVIEW --withdraw--> DE_DESIGNATED, concluding the open review WITHDRAWN', () => {
    const { school: reviewed, review } = opened();

    const result = withdrawDesignation(reviewed, review, '2026-11-20' as IsoDate, 'staff', TODAY);

    expect(result.review).toMatchObject({ status: 'CONCLUDED', outcome: 'WITHDRAWN' });
  });

  it('opens an Ofsted review for a designated school rated below Outstanding, dated from it, due in 90 days', () => {
    const result = recordInspection(
      school(),
      { rating: 'GOOD', inspectedOn: '2026-10-01' as IsoDate },
      { id: '112474-r2', openedBy: 'staff' },
      TODAY,
    );

    expect(result.school).toMatchObject({
      ofstedRating: 'GOOD',
      lastInspectedOn: '2026-10-01',
      designation: { status: 'UNDER_REVIEW' },
    });
    expect(result.review).toMatchObject({
      trigger: 'OFSTED_BELOW_OUTSTANDING',
      openedOn: '2026-10-01',
      dueBy: '2026-12-30',
    });
  });

  it.each([
    ['an Outstanding inspection', school(), 'OUTSTANDING'],
    ['a school that is not a teaching school', school({ designation: null }), 'GOOD'],
    ['a school already under review', school({ designation: { ...DESIGNATED, status: 'UNDER_REVIEW' } }), 'GOOD'],
  ] as const)('records %s without opening a review', (_what, subject, rating) => {
    const result = recordInspection(
      subject,
      { rating, inspectedOn: '2026-10-01' as IsoDate },
      { id: 'x', openedBy: 'staff' },
      TODAY,
    );

    expect(result.review).toBeNull();
    expect(result.school.designation?.status).toBe(subject.designation?.status);
  });

  it.each([
    [
      'concluding twice',
      () => {
        const { school: s, review } = opened();
        const once = concludeReview(s, review, decision, TODAY);
        concludeReview(once.school, once.review, decision, TODAY);
      },
      'REVIEW_ALREADY_CONCLUDED',
    ],
    [
      'a second open review',
      () => openReview(opened().school, { ...request, id: 'second' }, TODAY),
      'REVIEW_ALREADY_OPEN',
    ],
    [
      'reviewing a school that is not a teaching school',
      () => openReview(school({ designation: null }), request, TODAY),
      'NOT_A_TEACHING_SCHOOL',
    ],
    [
      'reviewing a de-designated school',
      () => openReview(school({ designation: { ...DESIGNATED, status: 'DE_DESIGNATED' } }), request, TODAY),
      'NOT_A_TEACHING_SCHOOL',
    ],
    [
      'a decision dated before the opening',
      () => {
        const { school: s, review } = opened();
        concludeReview(s, review, { ...decision, decidedOn: '2026-10-31' as IsoDate }, TODAY);
      },
      'DATE_BEFORE_START',
    ],
    [
      'a decision dated in the future',
      () => {
        const { school: s, review } = opened();
        concludeReview(s, review, { ...decision, decidedOn: '2026-11-24' as IsoDate }, TODAY);
      },
      'DATE_IN_FUTURE',
    ],
    [
      'a review due before it opens',
      () => openReview(school(), { ...request, dueBy: '2026-10-01' as IsoDate }, TODAY),
      'DATE_BEFORE_START',
    ],
    [
      'a review opened in the future',
      () => openReview(school(), { ...request, openedOn: '2026-12-01' as IsoDate }, TODAY),
      'DATE_IN_FUTURE',
    ],
    [
      'an inspection dated in the future',
      () =>
        recordInspection(
          school(),
          { rating: 'GOOD', inspectedOn: '2026-11-24' as IsoDate },
          { id: 'x', openedBy: 's' },
          TODAY,
        ),
      'DATE_IN_FUTURE',
    ],
    [
      'an inspection older than the latest',
      () =>
        recordInspection(
          school(),
          { rating: 'GOOD', inspectedOn: '2014-01-01' as IsoDate },
          { id: 'x', openedBy: 's' },
          TODAY,
        ),
      'INSPECTION_OLDER_THAN_LATEST',
    ],
    [
      'withdrawing a designation that has ended',
      () =>
        withdrawDesignation(
          school({ designation: { ...DESIGNATED, status: 'DE_DESIGNATED' } }),
          null,
          TODAY,
          's',
          TODAY,
        ),
      'NOT_A_TEACHING_SCHOOL',
    ],
  ])('refuses %s', (_what, action, code) => {
    expect(refusal(action)).toBe(code);
  });
});
