import type { LocalAuthority } from '../domain/local-authority.js';
import { keys } from './keys.js';

/** An authority's details as a save gives them: `rscRegion: undefined` keeps the one stored, `null` removes it. */
export type LocalAuthorityDetails = Pick<LocalAuthority, 'code' | 'name' | 'region'> & {
  rscRegion: string | null | undefined;
};

/**
 * The update of an authority's own item, for a TransactWriteItems: its details set (its RSC region kept, set or
 * removed as `rscRegion` says), its coverage counts left alone.
 */
export function authorityDetailsUpdate(tableName: string, authority: LocalAuthorityDetails) {
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
  return {
    Update: {
      TableName: tableName,
      Key: keys.localAuthority(authority.code),
      UpdateExpression: `SET ${sets.join(', ')}${remove}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
