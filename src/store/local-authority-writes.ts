import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange } from '../domain/errors.js';
import { MAX_TRANSACTION_ACTIONS } from './change-set.js';
import { authorityDetailsUpdate, type LocalAuthorityDetails } from './local-authority-details.js';
import {
  readLocalAuthorityDetails,
  replaceLocalAuthorityDetails,
  type StoredDetails,
} from './local-authority-version.js';
import type { Store } from './store.js';

/** Attempts at a save whose version item another writer keeps moving before the save gives up. */
const SAVE_ATTEMPTS = 5;

/**
 * Creates local authorities or corrects their names and regions, leaving their coverage counts alone.
 * `rscRegion: undefined` keeps the one stored. The local authorities' version item takes the same details and goes
 * up in the same transaction, so every container's cache of their details (local-authority-cache.ts) sees the change.
 * The version item's details are read and written whole, on condition that the version did not move between: a
 * save that loses that race reads again and retries, and gives up with ConcurrentChange after SAVE_ATTEMPTS. As many
 * authorities as one transaction takes (99, with the version item) share one read and one write of it.
 */
export async function saveLocalAuthorityDetails(store: Store, ...authorities: LocalAuthorityDetails[]): Promise<void> {
  const perTransaction = MAX_TRANSACTION_ACTIONS - 1;
  for (let start = 0; start < authorities.length; start += perTransaction) {
    await saveInOneTransaction(store, authorities.slice(start, start + perTransaction));
  }
}

async function saveInOneTransaction(store: Store, authorities: readonly LocalAuthorityDetails[]): Promise<void> {
  const authorityUpdates = authorities.map((authority) => authorityDetailsUpdate(store.tableName, authority));
  for (let attempt = 1; ; attempt += 1) {
    const read = await readLocalAuthorityDetails(store, { consistent: true });
    const details = new Map<string, StoredDetails>(read.authorities.map((stored) => [stored.code, stored]));
    for (const authority of authorities) {
      const kept = details.get(authority.code)?.rscRegion ?? null;
      details.set(authority.code, {
        ...authority,
        rscRegion: authority.rscRegion === undefined ? kept : authority.rscRegion,
      });
    }
    try {
      await store.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...authorityUpdates,
            replaceLocalAuthorityDetails(store.tableName, read.version, [...details.values()]),
          ],
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (attempt === SAVE_ATTEMPTS) {
        const codes = authorities.map((authority) => authority.code).join(', ');
        throw new ConcurrentChange(`Local authorities' details (${codes}) kept changing while being saved`, {
          cause: error,
        });
      }
    }
  }
}
