import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';
import { bumpLocalAuthorityVersion, type LocalAuthorityDetails } from './local-authority-version.js';
import type { Store } from './store.js';

/**
 * Creates a local authority or corrects its name and regions, leaving its coverage counts alone.
 * `rscRegion: undefined` keeps the one stored. The local authorities' version item takes the same details and goes
 * up in the same transaction, so every container's cache of their details (local-authority-cache.ts) sees the change.
 */
export async function saveLocalAuthorityDetails(store: Store, authority: LocalAuthorityDetails): Promise<void> {
  const sets = ['#type = :type', '#code = :code', '#name = :name', '#region = :region'];
  const names: Record<string, string> = { '#type': 'type', '#code': 'code', '#name': 'name', '#region': 'region' };
  const values: Record<string, unknown> = {
    ':type': 'LocalAuthority',
    ':code': authority.code,
    ':name': authority.name,
    ':region': authority.region,
  };
  let remove = '';
  if (authority.rscRegion) {
    sets.push('#rsc = :rsc');
    names['#rsc'] = 'rscRegion';
    values[':rsc'] = authority.rscRegion;
  } else if (authority.rscRegion === null) {
    remove = ' REMOVE #rsc';
    names['#rsc'] = 'rscRegion';
  }
  await store.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: store.tableName,
            Key: keys.localAuthority(authority.code),
            UpdateExpression: `SET ${sets.join(', ')}${remove}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        bumpLocalAuthorityVersion(store.tableName, authority),
      ],
    }),
  );
}
