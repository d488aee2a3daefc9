import { RuleViolation } from './errors.js';
import { RuleCode } from './rule-code.js';

/**
 * Optimistic concurrency for callers: a change that names the version it read is refused with CONFLICT
 * when the record has moved on since, so nobody overwrites a change they have not seen.
 */
export function checkExpectedVersion(what: string, actual: number, expected: number | null | undefined): void {
  if (expected === null || expected === undefined || expected === actual) return;
  throw new RuleViolation(
    RuleCode.CONFLICT,
    `${what} is at version ${actual}, not ${expected}: someone changed it since you read it; read it again`,
    ['expectedVersion'],
  );
}
