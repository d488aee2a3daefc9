import { sameData } from './same.js';

/**
 * The change feed's view of audit events: what kind of change each is, and the part of it partners may see
 * (the fields that changed, never notes or who made the change).
 */
export const CHANGE_KINDS = [
  'SCHOOL_UPDATED',
  'DESIGNATED',
  'DE_DESIGNATED',
  'REVIEW_OPENED',
  'REVIEW_CONCLUDED',
  'OFSTED_INSPECTION_RECORDED',
  'MEMBERSHIP_CHANGED',
  'ALLIANCE_CREATED',
  'ALLIANCE_CHANGED',
  'NETWORK_CHANGED',
  'REGISTRY_LOADED',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The action of the events a fresh load writes: one for the whole registry, not one per school. */
export const REGISTRY_LOADED_ACTION = 'loadRegistry';

const SCHOOL_KINDS: Readonly<Record<string, ChangeKind>> = {
  designateTeachingSchool: 'DESIGNATED',
  withdrawDesignation: 'DE_DESIGNATED',
  openDesignationReview: 'REVIEW_OPENED',
  concludeDesignationReview: 'REVIEW_CONCLUDED',
  recordOfstedInspection: 'OFSTED_INSPECTION_RECORDED',
  addAllianceMember: 'MEMBERSHIP_CHANGED',
  removeAllianceMember: 'MEMBERSHIP_CHANGED',
  changeAllianceMemberRole: 'MEMBERSHIP_CHANGED',
};

const ALLIANCE_KINDS: Readonly<Record<string, ChangeKind>> = {
  createAlliance: 'ALLIANCE_CREATED',
  joinNetwork: 'NETWORK_CHANGED',
  leaveNetwork: 'NETWORK_CHANGED',
};

/** The kind of change an audit event records, from its action and its subject (`SCHOOL#…` or `ALLIANCE#…`). */
export function changeKindOf(action: string, subject: string): ChangeKind {
  if (action === REGISTRY_LOADED_ACTION) return 'REGISTRY_LOADED';
  if (subject.startsWith('ALLIANCE#')) return ALLIANCE_KINDS[action] ?? 'ALLIANCE_CHANGED';
  return SCHOOL_KINDS[action] ?? 'SCHOOL_UPDATED';
}

/**
 * Fields of schools, alliances and memberships that anyone who may read the registry may read: a change's
 * public summary names only these. Anything else an audit event holds (such as notes) stays staff-only.
 */
const PUBLIC_FIELDS = new Set([
  'urn',
  'name',
  'laCode',
  'region',
  'phase',
  'status',
  'establishmentType',
  'establishmentNumber',
  'numberOfPupils',
  'ofstedRating',
  'lastInspectedOn',
  'easting',
  'northing',
  'designation',
  'pastDesignations',
  'nctlAllianceName',
  'leadsAllianceId',
  'openReviewId',
  'id',
  'type',
  'leads',
  'accountableLeads',
  'deliverers',
  'networkId',
  'memberCounts',
  'restructuringReasons',
  'allianceId',
  'role',
  'joinedOn',
  'leftOn',
]);

/** The public fields an audit event's before and after name, sorted. */
export function publicChangedFields(before: unknown, after: unknown): string[] {
  const names = new Set([...Object.keys(asRecord(before)), ...Object.keys(asRecord(after))]);
  return [...names].filter((name) => PUBLIC_FIELDS.has(name)).sort();
}

/** Fields that are bookkeeping, not data: never a change in themselves. */
const BOOKKEEPING_FIELDS = new Set(['version', 'updatedAt']);

/** The fields that differ between two states of a record (null for none), before and after. */
export function changedFields(
  before: object | null,
  after: object | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  const beforeFields = asRecord(before);
  const afterFields = asRecord(after);
  for (const field of new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])) {
    if (BOOKKEEPING_FIELDS.has(field)) continue;
    if (!sameData(beforeFields[field] ?? null, afterFields[field] ?? null)) {
      changedBefore[field] = beforeFields[field] ?? null;
      changedAfter[field] = afterFields[field] ?? null;
    }
  }
  return { before: before ? changedBefore : null, after: after ? changedAfter : null };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

const KIND_SUMMARIES: Readonly<Record<ChangeKind, string>> = {
  SCHOOL_UPDATED: 'School record updated',
  DESIGNATED: 'Designated a teaching school',
  DE_DESIGNATED: 'Designation given up',
  REVIEW_OPENED: 'Designation review opened',
  REVIEW_CONCLUDED: 'Designation review concluded',
  OFSTED_INSPECTION_RECORDED: 'Ofsted inspection recorded',
  MEMBERSHIP_CHANGED: 'Alliance membership changed',
  ALLIANCE_CREATED: 'Alliance created',
  ALLIANCE_CHANGED: 'Alliance changed',
  NETWORK_CHANGED: 'Teaching school network changed',
  REGISTRY_LOADED: 'Registry loaded into a fresh table',
};

/** What a change was, for people: its kind, its subject and the public fields that changed. */
export function changeSummary(kind: ChangeKind, subject: string | null, fields: readonly string[]): string {
  const about = subject ? ` (${subject})` : '';
  return fields.length > 0
    ? `${KIND_SUMMARIES[kind]}${about}: ${fields.join(', ')}`
    : `${KIND_SUMMARIES[kind]}${about}`;
}
