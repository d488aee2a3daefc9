import { InvalidInput } from '../domain/errors.js';

/** The most items one page may hold. */
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Items a page holds when `first` is not given (the schema's default for every `first`). */
export const DEFAULT_PAGE_SIZE = 20;

/** Checks `first` (0 to 100; 20 when not given) and passes `after` on. */
export function pageArgs(args: PageArgs): { first: number; after: string | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidInput('first', `first must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return { first, after: args.after ?? null };
}
