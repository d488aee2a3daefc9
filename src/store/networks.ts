import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Network } from '../domain/network.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import type { Store } from './store.js';

export type { Network } from '../domain/network.js';

/** A network as read, with the version conditional writes compare against. */
export type StoredNetwork = Network & { readonly version: number };

type Item = Record<string, unknown>;

export function toNetworkItem(network: Network, version: number): Item {
  return {
    ...keys.network(network.id),
    type: 'Network',
    version,
    id: network.id,
    name: network.name,
    allianceIds: network.allianceIds,
  };
}

function fromNetworkItem(item: Item): StoredNetwork {
  return {
    id: item.id as string,
    name: item.name as string,
    allianceIds: (item.allianceIds as string[] | undefined) ?? [],
    version: (item.version as number | undefined) ?? 0,
  };
}

/** Networks by id, in the order asked, undefined where unknown. */
export async function getNetworksById(store: Store, ids: readonly string[]): Promise<(StoredNetwork | undefined)[]> {
  const items = await batchGet(
    store,
    ids.map((id) => keys.network(id)),
  );
  return items.map((item) => (item ? fromNetworkItem(item) : undefined));
}

/** A network read strongly consistently, as a change starts from it. */
export async function getNetworkForChange(store: Store, id: string): Promise<StoredNetwork | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.network(id), ConsistentRead: true }),
  );
  return result.Item ? fromNetworkItem(result.Item) : undefined;
}

/** The id of the network holding a name (by its uniquenessKey), if any. */
export async function networkIdByName(store: Store, nameKey: string): Promise<string | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.networkName(nameKey), ConsistentRead: true }),
  );
  return result.Item?.networkId as string | undefined;
}
