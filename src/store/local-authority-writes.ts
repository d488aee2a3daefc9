import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';
import { detailsUpdate, type LocalAuthorityDetails } from './local-authority-details.js';
import { bumpLocalAuthorityVersion } from './local-authority-version.js';
import type { Store } from './store.js';

/**
 * Creates a local authority or corrects its name and regions, leaving its coverage counts alone.
 * `rscRegion: undefined` keeps the one stored. The local authorities' version item takes the same details and goes
 * up in the same transaction, so every container's cache of their details (local-authority-cache.ts) sees the change.
 */
export async function saveLocalAuthorityDetails(store: Store, authority: LocalAuthorityDetails): Promise<void> {
  const { sets, remove, names, values } = detailsUpdate(authority, {
    name: 'name',
    region: 'region',
    rscRegion: 'rscRegion',
  });
  await store.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: store.tableName,
            Key: keys.localAuthority(authority.code),
            UpdateExpression: `SET #type = :type, #code = :code, ${sets.join(', ')}${remove}`,
            ExpressionAttributeNames: { ...names, '#type': 'type', '#code': 'code' },
            ExpressionAttributeValues: { ...values, ':type': 'LocalAuthority', ':code': authority.code },
          },
        },
        bumpLocalAuthorityVersion(store.tableName, authority),
      ],
    }),
  );
}
