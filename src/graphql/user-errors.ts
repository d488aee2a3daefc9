import { InvalidInput, RuleViolation } from '../domain/errors.js';
import { RuleCode } from '../domain/rule-code.js';

/** A `UserError` as the schema returns it. */
export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: RuleCode;
}

/**
 * Turns a refused change into the payload's `userErrors`; anything else is a fault and is thrown on.
 * Input errors inside a mutation's `input` are user errors too, naming the field.
 */
export function userErrorsFrom(error: unknown): UserErrorShape[] {
  if (error instanceof RuleViolation) {
    return [{ field: error.field.length > 0 ? [...error.field] : null, message: error.message, code: error.code }];
  }
  if (error instanceof InvalidInput)
    return [{ field: error.field.split('.'), message: error.message, code: RuleCode.INVALID_VALUE }];
  throw error;
}
