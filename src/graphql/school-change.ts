import type { AuditEvent } from '../domain/audit-event.js';
import { ConcurrentChange, RuleViolation } from '../domain/errors.js';
import { RuleCode } from '../domain/rule-code.js';
import { sameData } from '../domain/same.js';
import type { School } from '../domain/school.js';
import { parseUrn } from '../domain/urn.js';
import { commitSchoolChanges } from '../store/school-changes.js';
import type { StoredSchool } from '../store/school-item.js';
import { getSchoolForChange } from '../store/schools.js';
import type { RequestContext } from './context.js';
import { userErrorsFrom, type UserErrorShape } from './user-errors.js';

export interface SchoolChangePayload {
  school: StoredSchool | null;
  userErrors: UserErrorShape[];
}

/**
 * How many times a change is read and tried again when another writer got there first. Each try
 * re-reads the school, so the rules are checked against what is stored now.
 */
const MAX_ATTEMPTS = 3;

/**
 * Runs one change to one school: read it, let a domain rule produce its new state (or refuse), and
 * commit that state with its coverage counts and an audit event in one conditional transaction.
 */
export async function changeSchool(
  context: RequestContext,
  action: string,
  urnInput: string,
  change: (school: StoredSchool) => School,
): Promise<SchoolChangePayload> {
  try {
    const urn = parseUrn(urnInput);
    for (let attempt = 1; ; attempt += 1) {
      const before = await getSchoolForChange(context.store, urn);
      if (!before) throw new RuleViolation(RuleCode.SCHOOL_NOT_FOUND, `No school has URN ${urn}`, ['urn']);
      const after = change(before);
      try {
        const [stored] = await commitSchoolChanges(context.store, [{ before, after }], [auditEvent(context, action, urn, before, after)]);
        context.loaders.schoolByUrn.clear(urn).prime(urn, stored);
        return { school: stored ?? null, userErrors: [] };
      } catch (error) {
        if (!(error instanceof ConcurrentChange)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new RuleViolation(RuleCode.CONFLICT, error.message, ['urn'], { cause: error });
      }
    }
  } catch (error) {
    return { school: null, userErrors: userErrorsFrom(error) };
  }
}

function auditEvent(context: RequestContext, action: string, urn: string, before: StoredSchool, after: School): AuditEvent {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const field of Object.keys(after) as (keyof School)[]) {
    if (!sameData(before[field], after[field])) {
      changedBefore[field] = before[field];
      changedAfter[field] = after[field];
    }
  }
  return {
    subject: `SCHOOL#${urn}`,
    at: context.now().toISOString(),
    id: context.requestId,
    actor: { id: context.caller.id, role: context.caller.role },
    action,
    before: changedBefore,
    after: changedAfter,
  };
}
