import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange } from '../domain/errors.js';
import { keys } from './keys.js';
import { detailsUpdate, type LocalAuthorityDetails } from './local-authority-details.js';
import { readLocalAuthorityDetails, replaceLocalAuthorityDetails } from './local-authority-version.js';
import type { Store } from './store.js';

/** Attempts at a save whose version item another writer keeps moving before the save gives up. */
const SAVE_ATTEMPTS = 5;

/**
 * Creates a local authority or corrects its name and regions, leaving its coverage counts alone.
 * `rscRegion: undefined` keeps the one stored. The local authorities' version item takes the same details and goes
 * up in the same transaction, so every container's cache of their details (local-authority-cache.ts) sees the change.
 * The version item's details are read and written whole, on condition that the version did not move between: a
 * save that loses that race reads again and retries, and gives up with ConcurrentChange after SAVE_ATTEMPTS.
 */
export async function saveLocalAuthorityDetails(store: Store, authority: LocalAuthorityDetails): Promise<void> {
  const { sets, remove, names, values } = detailsUpdate(authority);
  const authorityUpdate = {
    Update: {
      TableName: store.tableName,
      Key: keys.localAuthority(authority.code),
      UpdateExpression: `SET #type = :type, #code = :code, ${sets.join(', ')}${remove}`,
      ExpressionAttributeNames: { ...names, '#type': 'type', '#code': 'code' },
      ExpressionAttributeValues: { ...values, ':type': 'LocalAuthority', ':code': authority.code },
    },
  };
  for (let attempt = 1; ; attempt += 1) {
    const read = await readLocalAuthorityDetails(store, { consistent: true });
    const stored = read.authorities.find((candidate) => candidate.code === authority.code);
    const rscRegion = authority.rscRegion === undefined ? (stored?.rscRegion ?? null) : authority.rscRegion;
    const others = read.authorities.filter((candidate) => candidate.code !== authority.code);
    try {
      await store.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            authorityUpdate,
            replaceLocalAuthorityDetails(store.tableName, read.version, [...others, { ...authority, rscRegion }]),
          ],
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (attempt === SAVE_ATTEMPTS) {
        throw new ConcurrentChange(`Local authority ${authority.code}'s details kept changing while being saved`, {
          cause: error,
        });
      }
    }
  }
}
