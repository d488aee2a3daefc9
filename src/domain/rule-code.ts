/**
 * Codes of business-rule failures, reported in a payload's `userErrors`.
 * The GraphQL enum `UserErrorCode` lists the same values.
 */
export enum RuleCode {
  SCHOOL_NOT_FOUND = 'SCHOOL_NOT_FOUND',
  NOT_OUTSTANDING = 'NOT_OUTSTANDING',
  ALREADY_DESIGNATED = 'ALREADY_DESIGNATED',
  SCHOOL_NOT_OPEN = 'SCHOOL_NOT_OPEN',
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  INVALID_VALUE = 'INVALID_VALUE',
  CONFLICT = 'CONFLICT',
}
