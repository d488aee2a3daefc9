import type { ItemKey } from './keys.js';

/**
 * A read of one item that waits to go out with the next read by key (batch-get.ts) rather than as a request of its
 * own: at a cold start, the local authorities' details join the first school's read (local-authority-cache.ts).
 */
export interface WaitingRead {
  key: ItemKey;
  /** Takes what the read found: the item, or undefined where none exists. */
  found: (item: Record<string, unknown> | undefined) => void;
  /** Takes the error of the request that carried the read. */
  failed: (error: unknown) => void;
}
