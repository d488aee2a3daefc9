import { isAllianceId } from './alliance.js';
import { checkName } from './alliance-changes.js';
import { uniquenessKey } from './text.js';

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

/** What two network names must not share: the names' uniqueness key (domain/text.ts), as for alliances. */
export function networkNameKey(name: string): string {
  return uniquenessKey(name);
}

/** A network name from outside, checked (NFC, no control characters, something visible) as alliance names are. */
export function checkNetworkName(name: string, field: string): string {
  return checkName(name, field);
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
