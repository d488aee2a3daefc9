import { RuleViolation } from '../domain/errors.js';
import { RuleCode } from '../domain/rule-code.js';
import { checkExpectedVersion } from '../domain/version.js';
import type { School } from '../domain/school.js';
import { parseUrn } from '../domain/urn.js';
import type { StoredSchool } from '../store/school-item.js';
import { getSchoolForChange } from '../store/schools.js';
import { authorizeChange } from './auth.js';
import type { RequestContext } from './context.js';
import { auditEvent, runMutation } from './mutation.js';

/**
 * Reads a school to change it: SCHOOL_NOT_FOUND (on `urn`) when the registry has none with the URN,
 * FORBIDDEN when the caller may not change its region, CONFLICT when it is no longer at the version read.
 */
export async function schoolToChange(context: RequestContext, urnInput: string, expectedVersion?: number | null): Promise<StoredSchool> {
  const urn = parseUrn(urnInput);
  const school = await getSchoolForChange(context.store, urn);
  if (!school) throw new RuleViolation(RuleCode.SCHOOL_NOT_FOUND, `No school has URN ${urn}`, ['urn']);
  authorizeChange(context, [school.region]);
  checkExpectedVersion(`School ${urn}`, school.version, expectedVersion);
  return school;
}

/** A mutation that changes one school: a domain rule turns the school as read into its new state. */
export function changeSchool(context: RequestContext, action: string, input: { urn: string; expectedVersion?: number | null }, change: (school: StoredSchool) => School) {
  return runMutation(context, { school: null }, async (changes) => {
    const before = await schoolToChange(context, input.urn, input.expectedVersion);
    const after = change(before);
    const school = changes.putSchool(before, after);
    changes.audit(auditEvent(context, action, `SCHOOL#${school.urn}`, before, after));
    return { school };
  });
}
