import { isAllianceId } from './alliance.js';
import { checkName } from './alliance-changes.js';
import { InvalidInput } from './errors.js';

/**
 * A teaching school network: alliances working together. Its id is made once and never changes; its name
 * is unique by `networkNameKey`, and only `renameNetwork` changes it (an alliance joining never does).
 */
export interface Network {
  id: string;
  name: string;
  /** The alliances in the network, in the order they joined. */
  allianceIds: string[];
}

/** Characters that show nothing: zero-width spaces and joiners, soft hyphens, variation selectors, BOMs. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * What two network names must not share: compatibility forms folded (NFKC), invisible characters removed,
 * case folded, spaces collapsed. Any script keeps its letters, so two Cyrillic names stay apart.
 */
export function networkNameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').toUpperCase().toLowerCase().trim().replace(/\s+/gu, ' ');
}

/** A network name from outside, checked as alliance names are and NFC-normalised; refused when nothing shows. */
export function checkNetworkName(name: string, field: string): string {
  const checked = checkName(name.normalize('NFC'), field);
  if (!networkNameKey(checked)) throw new InvalidInput(field, `${field} shows nothing (only invisible characters)`);
  return checked;
}

/** Network ids have the shape of alliance ids: UUIDs, or slugs of names from before ids were made once. */
export function isNetworkId(id: string): boolean {
  return isAllianceId(id);
}

/** A new network holding its first alliance. */
export function newNetwork(id: string, name: string, allianceId: string): Network {
  return { id, name, allianceIds: [allianceId] };
}

/** An alliance joins: the network keeps its name. */
export function withAlliance(network: Network, allianceId: string): Network {
  return { ...network, allianceIds: [...network.allianceIds.filter((id) => id !== allianceId), allianceId] };
}

/** An alliance leaves; the network stays, keeping its name, even when no alliance is left in it. */
export function withoutAlliance(network: Network, allianceId: string): Network {
  return { ...network, allianceIds: network.allianceIds.filter((id) => id !== allianceId) };
}

/** The network under a new name (checked by the caller for uniqueness). */
export function renamed(network: Network, name: string): Network {
  return { ...network, name: checkNetworkName(name, 'name') };
}
