import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { designate, isTeachingSchool } from '../../src/domain/designation.js';
import { RuleViolation } from '../../src/domain/errors.js';
import { school } from '../support/fixtures.js';

const TODAY = '2026-11-23' as IsoDate;

function refusal(action: () => unknown): RuleViolation {
  try {
    action();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected the rule to refuse');
}

describe('designating a teaching school', () => {
  it('designates an open outstanding school with its cohort and date', () => {
    const designated = designate(school(), { cohort: 3, designatedOn: '2013-09-01' as IsoDate }, TODAY);

    expect(designated.designation).toEqual({
      status: 'DESIGNATED',
      cohort: 3,
      designatedOn: '2013-09-01',
      endedOn: null,
      endReason: null,
    });
    expect(isTeachingSchool(designated)).toBe(true);
  });

  it.each([
    ['GOOD', 'NOT_OUTSTANDING'],
    ['REQUIRES_IMPROVEMENT', 'NOT_OUTSTANDING'],
    [null, 'NOT_OUTSTANDING'],
  ] as const)('refuses a school rated %s', (rating, code) => {
    expect(
      refusal(() => designate(school({ ofstedRating: rating }), { cohort: null, designatedOn: null }, TODAY)).code,
    ).toBe(code);
  });

  it.each(['DESIGNATED', 'UNDER_REVIEW'] as const)('refuses a school whose designation is %s', (status) => {
    const current = { status, cohort: 1, designatedOn: null, endedOn: null, endReason: null };

    const error = refusal(() =>
      designate(school({ designation: current }), { cohort: null, designatedOn: null }, TODAY),
    );

    expect(error.code).toBe('ALREADY_DESIGNATED');
    expect(error.field).toEqual(['urn']);
  });

  it('designates a de-designated school again and keeps the ended designation as history', () => {
    const ended = {
      status: 'DE_DESIGNATED' as const,
      cohort: 1,
      designatedOn: '2011-09-01' as IsoDate,
      endedOn: '2015-01-01' as IsoDate,
      endReason: 'Review',
    };

    const designated = designate(school({ designation: ended }), { cohort: 5, designatedOn: null }, TODAY);

    expect(designated.designation?.status).toBe('DESIGNATED');
    expect(designated.pastDesignations).toEqual([ended]);
  });

  it('refuses a closed school', () => {
    expect(
      refusal(() => designate(school({ status: 'CLOSED' }), { cohort: null, designatedOn: null }, TODAY)).code,
    ).toBe('SCHOOL_NOT_OPEN');
  });

  it('refuses a designation dated in the future, naming the field', () => {
    const error = refusal(() => designate(school(), { cohort: null, designatedOn: '2026-11-24' as IsoDate }, TODAY));

    expect(error).toMatchObject({ code: 'DATE_IN_FUTURE', field: ['designatedOn'] });
  });

  it.each([0, -1, 100, 2.5])('refuses cohort %s as a malformed value naming the field', (cohort) => {
    expect(() => designate(school(), { cohort, designatedOn: null }, TODAY)).toThrow(
      expect.objectContaining({ name: 'InvalidInput', field: 'cohort' }),
    );
  });
});
