import { InvalidInput } from './errors.js';

/** A school's Unique Reference Number: six digits, as GIAS prints it. */
export type Urn = string & { readonly __brand: 'Urn' };

const URN_PATTERN = /^\d{6}$/;

/** Checks a URN's shape (not whether the school exists). */
export function parseUrn(value: string, field = 'urn'): Urn {
  const trimmed = value.trim();
  if (!URN_PATTERN.test(trimmed)) {
    throw new InvalidInput(field, `${field} must be a 6-digit URN, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return trimmed as Urn;
}
