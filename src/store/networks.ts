import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import type { Store } from './store.js';

/** A teaching school network. */
export interface Network {
  id: string;
  name: string;
}

/** Networks by id, in the order asked, undefined where unknown. */
export async function getNetworksById(store: Store, ids: readonly string[]): Promise<(Network | undefined)[]> {
  const items = await batchGet(store, ids.map((id) => keys.network(id)));
  return items.map((item) => (item ? { id: item.id as string, name: item.name as string } : undefined));
}
