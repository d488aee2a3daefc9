import { isAllianceId } from './alliance.js';
import { checkName } from './alliance-changes.js';

/**
 * A teaching school network: alliances working together. Its id is made once and never changes; its name is
 * unique by its `uniquenessKey` (domain/text.ts), as alliance names are, and only `renameNetwork` changes it (an
 * alliance joining never does).
 */
export interface Network {
  id: string;
  name: string;
  /** The alliances in the network, in the order they joined. */
  allianceIds: string[];
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
  return { ...network, name: checkName(name, 'name') };
}
