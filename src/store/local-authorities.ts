import type { LocalAuthority } from '../domain/local-authority.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import { partitionItems } from './partition-items.js';
import { fromLocalAuthorityItem } from './local-authority-item.js';
import type { Store } from './store.js';

/** Local authorities by code, in the order asked, undefined where unknown. */
export async function getLocalAuthoritiesByCode(
  store: Store,
  codes: readonly string[],
): Promise<(LocalAuthority | undefined)[]> {
  const items = await batchGet(
    store,
    codes.map((code) => keys.localAuthority(code)),
  );
  return items.map((item) => (item ? fromLocalAuthorityItem(item) : undefined));
}

/**
 * Every local authority, in code order: one partition of about 150 small items, so one Query
 * (a second only if the partition ever passes DynamoDB's 1 MB page).
 */
export async function listLocalAuthorities(store: Store): Promise<LocalAuthority[]> {
  const authorities: LocalAuthority[] = [];
  for await (const item of partitionItems(store, keys.localAuthorityPartition)) {
    authorities.push(fromLocalAuthorityItem(item));
  }
  return authorities;
}
