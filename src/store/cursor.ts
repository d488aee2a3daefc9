import { InvalidInput } from '../domain/errors.js';

/**
 * Opaque page cursors. A cursor names the list it belongs to and the position in it (a DynamoDB key,
 * or an offset for lists held in memory), so a cursor from one list is refused by another.
 */
export function encodeCursor(list: string, position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...position]), 'utf8').toString('base64url');
}

export function decodeCursor(list: string, cursor: string, field = 'after'): (string | number)[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    !Array.isArray(decoded) ||
    decoded[0] !== list ||
    decoded.length < 2 ||
    !decoded
      .slice(1)
      .every((part) => typeof part === 'string' || (typeof part === 'number' && Number.isSafeInteger(part)))
  ) {
    throw new InvalidInput(field, `${field} is not a cursor of this list; pass a cursor this list returned`);
  }
  return decoded.slice(1) as (string | number)[];
}
