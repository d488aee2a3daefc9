import type { GorRegion } from '../domain/region.js';

/** An item's key in the registry's table: its partition and sort key. */
export type ItemKey = { pk: string; sk: string };

/**
 * Key values of every item type. Sort keys that list schools share one place ordering,
 * `<region>#<laCode>#<urn>`, so a region or a local authority is a `begins_with` condition.
 */
const schoolPartition = (urn: string) => `SCHOOL#${urn}`;
const alliancePartition = (id: string) => `ALLIANCE#${id}`;

export const keys = {
  school: (urn: string) => ({ pk: schoolPartition(urn), sk: 'SCHOOL' }),
  localAuthority: (code: string) => ({ pk: 'LOCAL_AUTHORITIES', sk: code }),
  localAuthorityPartition: 'LOCAL_AUTHORITIES',
  auditEvent: (subject: string, at: string, id: string) => ({ pk: `AUDIT#${subject}`, sk: `${at}#${id}` }),
  allSchools: 'SCHOOLS',
  schoolsInPhase: (phase: string) => `PHASE#${phase}`,
  teachingSchools: 'TEACHING_SCHOOLS',
  untappedOutstanding: 'UNTAPPED_OUTSTANDING',
  place: (region: string, laCode: string, urn: string) => `${region}#${laCode}#${urn}`,
  alliance: (id: string) => ({ pk: alliancePartition(id), sk: 'ALLIANCE' }),
  allianceName: (nameKey: string) => ({ pk: `ALLIANCE_NAME#${nameKey}`, sk: 'ALLIANCE_NAME' }),
  allAlliances: 'ALLIANCES',
  alliancesOfType: (type: string) => `ALLIANCE_TYPE#${type}`,
  allianceOrder: (nameKey: string, id: string) => `${nameKey}#${id}`,
  alliancePartition,
  currentMember: (allianceId: string, urn: string) => ({ pk: alliancePartition(allianceId), sk: `MEMBER#${urn}` }),
  currentMemberPrefix: 'MEMBER#',
  formerMember: (allianceId: string, urn: string, joinedOn: string, leftOn: string) => ({
    pk: alliancePartition(allianceId),
    sk: `FORMER#${urn}#${joinedOn}#${leftOn}`,
  }),
  membershipsOf: (urn: string) => `MEMBERSHIPS#${urn}`,
  network: (id: string) => ({ pk: `NETWORK#${id}`, sk: 'NETWORK' }),
  networkName: (nameKey: string) => ({ pk: `NETWORK_NAME#${nameKey}`, sk: 'NETWORK_NAME' }),
  review: (urn: string, id: string) => ({ pk: schoolPartition(urn), sk: `REVIEW#${id}` }),
  reviewPrefix: 'REVIEW#',
  schoolPartition,
  reviewsWithStatus: (status: string) => `REVIEWS#${status}`,
  auditTrail: (subject: string) => `AUDIT#${subject}`,
  idempotency: (callerId: string, key: string) => ({ pk: `IDEMPOTENCY#${callerId}#${key}`, sk: 'IDEMPOTENCY' }),
  networkAlliances: (id: string) => `NETWORK#${id}`,
  nameWordShard: (word: string, shard: number) => ({
    pk: nameWordPartition(word),
    sk: `${word}#${String(shard).padStart(2, '0')}`,
  }),
  nameWordPartition: (wordOrPrefix: string) => nameWordPartition(wordOrPrefix),
  laestabs: (laCode: string) => ({ pk: `LAESTABS#${laCode}`, sk: 'LAESTABS' }),
  gridSquare: (column: number, row: number) => ({ pk: `GRID_SQUARE#${column}#${row}`, sk: 'GRID_SQUARE' }),
  reachPartition: 'REACH',
  reachArea: (laCode: string) => ({ pk: 'REACH', sk: `AREA#${laCode}` }),
  reachAreaPrefix: 'AREA#',
  reachState: { pk: 'REACH', sk: 'STATE' },
  streamCheckpoint: (consumer: string) => ({ pk: `STREAM_CHECKPOINT#${consumer}`, sk: 'CHECKPOINT' }),
} as const;

/** Name words are kept in partitions by their first two letters, so a prefix of 2 or more is one Query. */
function nameWordPartition(wordOrPrefix: string): string {
  return `NAME_WORD#${wordOrPrefix.slice(0, 2)}`;
}

/**
 * The `begins_with` prefixes of a place, in key order: everything, a region, or a local authority
 * (one prefix per region its schools are in), or both (nothing when they do not meet).
 */
export function placePrefixes(place: {
  region?: GorRegion | null;
  localAuthority?: { code: string; schoolRegions: readonly GorRegion[] } | null;
}): string[] {
  if (!place.localAuthority) return [place.region ? `${place.region}#` : ''];
  const { code, schoolRegions } = place.localAuthority;
  return schoolRegions
    .filter((region) => !place.region || region === place.region)
    .map((region) => `${region}#${code}#`);
}
