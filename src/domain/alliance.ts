import type { IsoDate } from './dates.js';
import { uniquenessKey } from './text.js';
import type { Urn } from './urn.js';

export const ALLIANCE_TYPES = ['SINGLE', 'JOB_SHARE', 'MULTIPLE'] as const;
/** SINGLE: exactly 1 lead. JOB_SHARE: exactly 2, each small or special. MULTIPLE: 2 or more. */
export type AllianceType = (typeof ALLIANCE_TYPES)[number];

/** The "Big 3" an alliance delivers. */
export const DELIVERY_AREAS = [
  'INITIAL_TEACHER_TRAINING',
  'PROFESSIONAL_AND_LEADERSHIP_DEVELOPMENT',
  'SCHOOL_TO_SCHOOL_SUPPORT',
] as const;
export type DeliveryArea = (typeof DELIVERY_AREAS)[number];

export const MEMBER_ROLES = ['STRATEGIC_PARTNER', 'MEMBER', 'SUPPORTED'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const DELIVERER_KINDS = [
  'UNIVERSITY',
  'ACADEMY_TRUST',
  'LOCAL_AUTHORITY',
  'DIOCESE',
  'PRIVATE_SECTOR',
  'OTHER',
] as const;
export type DelivererKind = (typeof DELIVERER_KINDS)[number];

/** Why an alliance needs restructuring: its leads no longer fit its type. */
export type RestructuringReason = 'NO_LEADS' | 'TOO_FEW_LEADS' | 'TOO_MANY_LEADS' | 'LEAD_NOT_SMALL_OR_SPECIAL';

/** A partner that is not a school (a university, a diocese, ...). */
export interface Deliverer {
  id: string;
  name: string;
  kind: DelivererKind;
  joinedOn: IsoDate | null;
  leftOn: IsoDate | null;
}

/** A teaching school alliance. */
export interface Alliance {
  id: string;
  name: string;
  type: AllianceType;
  /** URNs of the lead teaching schools, in the order they joined. */
  leads: Urn[];
  /** The lead accountable for each delivery area, where one is named. With one lead, that lead answers for all. */
  accountableLeads: Partial<Record<DeliveryArea, Urn>>;
  deliverers: Deliverer[];
  /** The teaching school network the alliance belongs to. */
  networkId: string | null;
  /** Current alliance schools, per role. */
  memberCounts: Partial<Record<MemberRole, number>>;
  /** Empty while the alliance's leads fit its type. */
  restructuringReasons: RestructuringReason[];
}

/** A school's membership of an alliance; `leftOn` is set once it has left. */
export interface AllianceMembership {
  allianceId: string;
  urn: Urn;
  role: MemberRole;
  joinedOn: IsoDate;
  leftOn: IsoDate | null;
}

/** Alliance ids are UUIDs or slugs of NCTL names: anything else names no alliance (and must not reach a key). */
export function isAllianceId(id: string): boolean {
  return /^[a-z0-9-]{1,200}$/i.test(id);
}

/**
 * A name as an id: lower case, with runs of other characters as hyphens (NCTL alliances and networks are
 * known by theirs, stable across loads). Empty when the name has no letter or digit.
 */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** How an alliance is known in keys: its name's uniqueness key (invisible characters, case and spacing aside). */
export function allianceNameKey(name: string): string {
  return uniquenessKey(name);
}

/** A delivery area and the lead accountable for it (null where none is named). */
export interface DeliveryAreaLeadModel {
  area: DeliveryArea;
  accountableLead: Urn | null;
}
