import type { Alliance, AllianceMembership } from '../domain/alliance.js';
import { allianceNameKey } from '../domain/alliance.js';
import type { IsoDate } from '../domain/dates.js';
import type { GorRegion } from '../domain/region.js';
import type { School } from '../domain/school.js';
import type { Urn } from '../domain/urn.js';
import { keys } from './keys.js';

/** Where an alliance's leads are, kept on its item for place filters and coverage. */
export interface LeadPlaces {
  regions: GorRegion[];
  laCodes: string[];
  /** Each distinct (local authority, school region) of its leads, as `<laCode>#<region>`. */
  spots: string[];
}

/**
 * An alliance as read, with the version conditional writes compare against, where its leads are, and the
 * region rule's places for it: its leads' spots, or while it has no lead the spots of the leads it last had.
 */
export type StoredAlliance = Alliance & {
  readonly version: number;
  readonly leadPlaces: LeadPlaces;
  readonly lastLeadSpots: readonly string[];
  /** When it last changed (absent on items written before changes were timed). */
  readonly updatedAt?: string;
};

/** The region rule's spots for an alliance: its leads', or (with none) those it kept from its last leads. */
export function lastLeadSpotsOf(places: LeadPlaces, before: Pick<StoredAlliance, 'lastLeadSpots'> | null): string[] {
  return places.spots.length > 0 ? places.spots : [...(before?.lastLeadSpots ?? [])];
}

/** A spot (`<laCode>#<region>`) as the local authority and region it names. */
export function placeOfSpot(spot: string): { laCode: string; region: GorRegion } {
  const [laCode, region] = spot.split('#') as [string, GorRegion];
  return { laCode, region };
}

/** The places of a set of lead schools. */
export function leadPlacesOf(leads: readonly Pick<School, 'region' | 'laCode'>[]): LeadPlaces {
  return {
    regions: [...new Set(leads.map((lead) => lead.region))].sort(),
    laCodes: [...new Set(leads.map((lead) => lead.laCode))].sort(),
    spots: [...new Set(leads.map((lead) => `${lead.laCode}#${lead.region}`))].sort(),
  };
}

type Item = Record<string, unknown>;

/**
 * The alliance item carries its leads' regions and local authorities, so lists of alliances can be
 * narrowed to a place without reading the leads, and `needsRestructuring` for the flagged list.
 */
export function toAllianceItem(
  alliance: Alliance,
  version: number,
  updatedAt: string,
  places: LeadPlaces,
  lastLeadSpots: readonly string[],
): Item {
  const order = keys.allianceOrder(allianceNameKey(alliance.name), alliance.id);
  return {
    ...keys.alliance(alliance.id),
    type: 'Alliance',
    version,
    updatedAt,
    id: alliance.id,
    name: alliance.name,
    allianceType: alliance.type,
    leads: alliance.leads,
    accountableLeads: alliance.accountableLeads,
    deliverers: alliance.deliverers,
    networkId: alliance.networkId ?? undefined,
    memberCounts: alliance.memberCounts,
    restructuringReasons: alliance.restructuringReasons,
    needsRestructuring: alliance.restructuringReasons.length > 0,
    leadRegions: places.regions,
    leadLaCodes: places.laCodes,
    leadSpots: places.spots,
    lastLeadSpots,
    gsi1pk: keys.allAlliances,
    gsi1sk: order,
    gsi2pk: keys.alliancesOfType(alliance.type),
    gsi2sk: order,
    gsi3pk: alliance.networkId ? keys.networkAlliances(alliance.networkId) : undefined,
    gsi3sk: alliance.networkId ? order : undefined,
  };
}

/** The item that claims an alliance's name (its key is the name's key), naming the alliance that holds it. */
export function toAllianceNameItem(nameKey: string, allianceId: string): Item {
  return { ...keys.allianceName(nameKey), type: 'AllianceName', allianceId };
}

export function fromAllianceItem(item: Item): StoredAlliance {
  return {
    id: item.id as string,
    name: item.name as string,
    type: item.allianceType as Alliance['type'],
    leads: (item.leads as Urn[] | undefined) ?? [],
    accountableLeads: (item.accountableLeads as Alliance['accountableLeads'] | undefined) ?? {},
    deliverers: (item.deliverers as Alliance['deliverers'] | undefined) ?? [],
    networkId: (item.networkId as string | undefined) ?? null,
    memberCounts: (item.memberCounts as Alliance['memberCounts'] | undefined) ?? {},
    restructuringReasons: (item.restructuringReasons as Alliance['restructuringReasons'] | undefined) ?? [],
    version: item.version as number,
    updatedAt: item.updatedAt as string | undefined,
    leadPlaces: {
      regions: (item.leadRegions as GorRegion[] | undefined) ?? [],
      laCodes: (item.leadLaCodes as string[] | undefined) ?? [],
      spots: (item.leadSpots as string[] | undefined) ?? [],
    },
    lastLeadSpots: (item.lastLeadSpots as string[] | undefined) ?? (item.leadSpots as string[] | undefined) ?? [],
  };
}

export function toMembershipItem(membership: AllianceMembership): Item {
  const key = membership.leftOn
    ? keys.formerMember(membership.allianceId, membership.urn, membership.joinedOn, membership.leftOn)
    : keys.currentMember(membership.allianceId, membership.urn);
  return {
    ...key,
    type: 'AllianceMembership',
    allianceId: membership.allianceId,
    urn: membership.urn,
    role: membership.role,
    joinedOn: membership.joinedOn,
    leftOn: membership.leftOn ?? undefined,
    gsi1pk: keys.membershipsOf(membership.urn),
    gsi1sk: `${membership.joinedOn}#${membership.allianceId}#${membership.leftOn ?? 'current'}`,
  };
}

export function fromMembershipItem(item: Item): AllianceMembership {
  return {
    allianceId: item.allianceId as string,
    urn: item.urn as Urn,
    role: item.role as AllianceMembership['role'],
    joinedOn: item.joinedOn as IsoDate,
    leftOn: (item.leftOn as IsoDate | undefined) ?? null,
  };
}
