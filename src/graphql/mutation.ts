import type { AuditEvent } from '../domain/audit-event.js';
import { ConcurrentChange, RuleViolation } from '../domain/errors.js';
import { RuleCode } from '../domain/rule-code.js';
import { sameData } from '../domain/same.js';
import { ChangeSet } from '../store/change-set.js';
import type { RequestContext } from './context.js';
import { userErrorsFrom, type UserErrorShape } from './user-errors.js';

/**
 * How many times a mutation reads and tries again when another writer got there first. Each try reads
 * afresh, so the rules are checked against what is stored now, and a lost race becomes the user error
 * the winner's change causes (ALREADY_DESIGNATED, say) rather than a failure.
 */
const MAX_ATTEMPTS = 3;

/**
 * Runs one mutation: `attempt` reads what it needs, applies domain rules, stages its writes on the change
 * set and returns the payload's objects; the change set then commits as one transaction. A rule refusal
 * answers `userErrors` with every payload object null, and nothing is written.
 */
export async function runMutation<Result extends Record<string, unknown>>(
  context: RequestContext,
  empty: { [Key in keyof Result]: null },
  attempt: (changes: ChangeSet) => Promise<Result>,
): Promise<(Result | typeof empty) & { userErrors: UserErrorShape[] }> {
  try {
    for (let tries = 1; ; tries += 1) {
      const changes = new ChangeSet(context.store);
      const result = await attempt(changes);
      try {
        await changes.commit();
        return { ...result, userErrors: [] };
      } catch (error) {
        if (!(error instanceof ConcurrentChange)) throw error;
        if (tries >= MAX_ATTEMPTS) throw new RuleViolation(RuleCode.CONFLICT, error.message, [], { cause: error });
      }
    }
  } catch (error) {
    return { ...empty, userErrors: userErrorsFrom(error) };
  }
}

/** An audit event for a change to one subject, recording only the fields that changed. */
export function auditEvent(context: RequestContext, action: string, subject: string, before: object | null, after: object | null): AuditEvent {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  const beforeFields = (before ?? {}) as Record<string, unknown>;
  const afterFields = (after ?? {}) as Record<string, unknown>;
  for (const field of new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])) {
    if (field === 'version') continue;
    if (!sameData(beforeFields[field] ?? null, afterFields[field] ?? null)) {
      changedBefore[field] = beforeFields[field] ?? null;
      changedAfter[field] = afterFields[field] ?? null;
    }
  }
  return {
    subject,
    at: context.now().toISOString(),
    id: `${context.requestId}#${subject}`,
    actor: { id: context.caller.id, role: context.caller.role },
    action,
    before: before ? changedBefore : null,
    after: after ? changedAfter : null,
  };
}
