import { createHash } from 'node:crypto';
import { ConcurrentChange, InvalidInput, RuleViolation } from '../../domain/errors.js';
import { RuleCode } from '../../domain/rule-code.js';
import { ChangeSet } from '../../store/change-set.js';
import { getIdempotencyRecord } from '../../store/idempotency.js';
import type { RequestContext } from '../context.js';
import { userErrorsFrom, type UserErrorShape } from '../user-errors.js';

/**
 * How many times a mutation reads and tries again when another writer got there first. Each try reads
 * afresh, so the rules are checked against what is stored now, and a lost race becomes the user error
 * the winner's change causes (ALREADY_DESIGNATED, say) rather than a failure.
 */
const MAX_ATTEMPTS = 5;

/**
 * Runs one mutation: `attempt` reads what it needs, applies domain rules, stages its writes on the change
 * set and returns the payload's objects; the change set then commits as one transaction. A rule refusal
 * answers `userErrors` with every payload object null, and nothing is written.
 */
export async function runMutation<Result extends Record<string, unknown>>(
  context: RequestContext,
  empty: { [Key in keyof Result]: null },
  attempt: (changes: ChangeSet) => Promise<Result>,
  idempotency?: Idempotency<Result>,
): Promise<Nullable<Result> & { userErrors: UserErrorShape[] }> {
  try {
    for (let tries = 1; ; tries += 1) {
      if (idempotency?.key != null) {
        const first = await firstResult(context, idempotency);
        if (first) return { ...first, userErrors: [] };
      }
      const changes = new ChangeSet(context.store, context.now());
      let result: Result;
      try {
        result = await attempt(changes);
      } catch (error) {
        // A duplicate that lost the race can be refused by the winner's change (ALLIANCE_NAME_TAKEN, say)
        // before it reaches the key's claim: the first result, once there, is its answer.
        const first =
          error instanceof RuleViolation && idempotency?.key != null ? await firstResult(context, idempotency) : null;
        if (first) return { ...first, userErrors: [] };
        throw error;
      }
      if (idempotency?.key != null) {
        changes.claimIdempotencyKey(
          context.caller.id,
          idempotency.key,
          {
            mutation: idempotency.mutation,
            inputHash: inputHash(idempotency.input),
            result: idempotency.remember(result),
          },
          context.now(),
        );
      }
      try {
        await changes.commit();
        return { ...result, userErrors: [] };
      } catch (error) {
        if (!(error instanceof ConcurrentChange)) throw error;
        if (tries >= MAX_ATTEMPTS) throw new RuleViolation(RuleCode.CONFLICT, error.message, [], { cause: error });
        await backOff(tries);
      }
    }
  } catch (error) {
    return { ...empty, userErrors: userErrorsFrom(error) };
  }
}

/** Waits a random time that grows with each try, so writers that collided do not collide again. */
function backOff(tries: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** tries));
}

/**
 * Makes a create-type mutation safe to retry. The key is claimed in the same transaction as the change; a
 * retry (or a concurrent duplicate, whose transaction then fails on the claim) answers the first result.
 */
export interface Idempotency<Result> {
  key: string | null | undefined;
  mutation: string;
  /** The mutation's input, whose hash must match on a retry. */
  input: Record<string, unknown>;
  /** The ids a retry needs to answer the first result. */
  remember: (result: Result) => Record<string, string>;
  /** The first result, read again from its ids (null where what it made has gone since). */
  recall: (kept: Record<string, string>) => Promise<Nullable<Result>>;
}

type Nullable<Result> = { [Key in keyof Result]: Result[Key] | null };

const MAX_KEY_LENGTH = 200;

async function firstResult<Result>(
  context: RequestContext,
  idempotency: Idempotency<Result>,
): Promise<Nullable<Result> | null> {
  const key = idempotency.key!;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new InvalidInput('idempotencyKey', `idempotencyKey must be 1 to ${MAX_KEY_LENGTH} characters`);
  const record = await getIdempotencyRecord(context.store, context.caller.id, key);
  if (!record) return null;
  if (record.mutation !== idempotency.mutation || record.inputHash !== inputHash(idempotency.input)) {
    throw new RuleViolation(
      RuleCode.IDEMPOTENCY_KEY_REUSED,
      `idempotencyKey ${JSON.stringify(key.slice(0, 40))} was used for a different request`,
      ['idempotencyKey'],
    );
  }
  return idempotency.recall(record.result);
}

/** A hash of the input without its idempotency key, independent of key order. */
function inputHash(input: Record<string, unknown>): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .filter((key) => key !== 'idempotencyKey' && (value as Record<string, unknown>)[key] != null)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('base64url');
}
