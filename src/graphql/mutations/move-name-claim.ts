import type { ChangeSet } from '../../store/change-set.js';
import type { Store } from '../../store/store.js';

/** How one kind of uniquely named record holds its names: the key of a name, its holder, and claiming or releasing. */
export interface NameClaims {
  key(name: string): string;
  holder(store: Store, nameKey: string): Promise<string | undefined>;
  claim(changes: ChangeSet, nameKey: string, id: string): void;
  release(changes: ChangeSet, nameKey: string, id: string): void;
  /** The refusal when another record holds the name. */
  taken(name: string): Error;
}

/**
 * On a rename, stages claiming the new name and releasing the old one, unless both have the same key. Refused
 * when another record holds the new name; the claim's condition catches one taken after this read.
 */
export async function moveNameClaim(
  claims: NameClaims,
  store: Store,
  changes: ChangeSet,
  rename: { id: string; from: string; to: string },
): Promise<void> {
  const [oldKey, newKey] = [claims.key(rename.from), claims.key(rename.to)];
  if (oldKey === newKey) return;
  const holder = await claims.holder(store, newKey);
  if (holder && holder !== rename.id) throw claims.taken(rename.to);
  claims.claim(changes, newKey, rename.id);
  claims.release(changes, oldKey, rename.id);
}
