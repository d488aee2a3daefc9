import { describe, expect, it } from 'vitest';
import {
  notBeforeProgramme,
  notBeforeStart,
  notInFuture,
  PROGRAMME_START,
  type IsoDate,
} from '../../src/domain/dates.js';
import { designate } from '../../src/domain/designation.js';
import { RuleViolation } from '../../src/domain/errors.js';
import { withdrawDesignation } from '../../src/domain/review-lifecycle.js';
import type { School } from '../../src/domain/school.js';
import { school } from '../support/fixtures.js';

const TODAY = '2026-11-23' as IsoDate;
const on = (date: string) => date as IsoDate;

function teachingSchool(designatedOn: string | null): School {
  return school({
    designation: {
      status: 'DESIGNATED',
      cohort: 1,
      designatedOn: designatedOn as IsoDate | null,
      endedOn: null,
      endReason: null,
    },
  });
}

const codeOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof RuleViolation) return { code: error.code, field: error.field };
    throw error;
  }
  return null;
};

describe('date rules', () => {
  it('refuse a date after today, and take today', () => {
    expect(codeOf(() => notInFuture(on('2026-11-24'), TODAY, 'joinedOn'))).toEqual({
      code: 'DATE_IN_FUTURE',
      field: ['joinedOn'],
    });
    expect(notInFuture(TODAY, TODAY, 'joinedOn')).toBe(TODAY);
  });

  it('refuse an end before its start, and take the same day', () => {
    const start = { on: on('2015-09-01'), what: 'the school was designated' };

    expect(codeOf(() => notBeforeStart(on('2015-08-31'), start, 'withdrawnOn'))).toEqual({
      code: 'DATE_BEFORE_START',
      field: ['withdrawnOn'],
    });
    expect(notBeforeStart(on('2015-09-01'), start, 'withdrawnOn')).toBe('2015-09-01');
  });

  it('refuse a designation date before the programme began in 2011', () => {
    expect(codeOf(() => notBeforeProgramme(on('2010-12-31'), 'designatedOn'))).toEqual({
      code: 'DATE_BEFORE_START',
      field: ['designatedOn'],
    });
    expect(notBeforeProgramme(PROGRAMME_START, 'designatedOn')).toBe('2011-01-01');
  });
});

describe('dates of designations', () => {
  const outstanding = { ...teachingSchool(null), designation: null };

  it('refuse a designation dated before 2011 or in the future', () => {
    expect(codeOf(() => designate(outstanding, { cohort: 1, designatedOn: on('2009-05-01') }, TODAY))?.code).toBe(
      'DATE_BEFORE_START',
    );
    expect(codeOf(() => designate(outstanding, { cohort: 1, designatedOn: on('2099-05-01') }, TODAY))?.code).toBe(
      'DATE_IN_FUTURE',
    );
  });

  it('refuse a withdrawal before the designation began, or before 2011 when its start is unknown', () => {
    expect(
      codeOf(() => withdrawDesignation(teachingSchool('2015-09-01'), null, on('2014-01-01'), 'staff', TODAY)),
    ).toEqual({ code: 'DATE_BEFORE_START', field: ['withdrawnOn'] });
    expect(codeOf(() => withdrawDesignation(teachingSchool(null), null, on('1899-01-01'), 'staff', TODAY))).toEqual({
      code: 'DATE_BEFORE_START',
      field: ['withdrawnOn'],
    });
    expect(
      withdrawDesignation(teachingSchool('2015-09-01'), null, on('2015-09-01'), 'staff', TODAY).school.designation
        ?.endedOn,
    ).toBe('2015-09-01');
  });
});
