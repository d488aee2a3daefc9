import { isAllianceId } from '../../domain/alliance.js';
import { notInFuture, parseIsoDate, today, type IsoDate } from '../../domain/dates.js';
import { RuleViolation } from '../../domain/errors.js';
import { isNetworkId } from '../../domain/network.js';
import { RuleCode } from '../../domain/rule-code.js';
import { checkExpectedVersion } from '../../domain/version.js';
import { parseUrn } from '../../domain/urn.js';
import type { AllianceMembership } from '../../domain/alliance.js';
import { placeOfSpot, type StoredAlliance } from '../../store/alliance-item.js';
import { getAllianceForChange, getAlliancesById } from '../../store/alliances.js';
import { getNetworkForChange, type StoredNetwork } from '../../store/networks.js';
import { getCurrentMembership } from '../../store/memberships.js';
import type { StoredSchool } from '../../store/school-item.js';
import { getSchoolForChange, getSchoolsByUrn } from '../../store/schools.js';
import { authorizeChange } from '../auth.js';
import type { RequestContext } from '../context.js';

/**
 * Reading for a change: each function reads strongly consistently, refuses with the user error a caller
 * can act on (naming the input field), and checks the caller may change what it read.
 */

/**
 * Reads a school to change it: SCHOOL_NOT_FOUND (on `urn`) when the registry has none with the URN,
 * FORBIDDEN when the caller may not change its region, CONFLICT when it is no longer at the version read.
 */
export async function schoolToChange(
  context: RequestContext,
  urnInput: string,
  expectedVersion?: number | null,
): Promise<StoredSchool> {
  const urn = parseUrn(urnInput);
  const school = await getSchoolForChange(context.store, urn);
  if (!school) throw new RuleViolation(RuleCode.SCHOOL_NOT_FOUND, `No school has URN ${urn}`, ['urn']);
  await authorizeChange(context, [school], `school ${urn}`);
  checkExpectedVersion(`School ${urn}`, school.version, expectedVersion);
  return school;
}

/**
 * Reads an alliance to change it: ALLIANCE_NOT_FOUND (on `allianceId`) when none has the id, CONFLICT when it
 * is no longer at the version the caller read, FORBIDDEN when the caller may not change it.
 */
export async function allianceToChange(
  context: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<StoredAlliance> {
  const alliance = isAllianceId(id) ? await getAllianceForChange(context.store, id) : undefined;
  if (!alliance) {
    throw new RuleViolation(RuleCode.ALLIANCE_NOT_FOUND, `No alliance has id ${JSON.stringify(id.slice(0, 80))}`, [
      'allianceId',
    ]);
  }
  await authorizeChange(context, alliance.lastLeadSpots.map(placeOfSpot), `alliance ${alliance.name}`);
  checkExpectedVersion(`Alliance ${alliance.name}`, alliance.version, expectedVersion);
  return alliance;
}

/**
 * Reads a network to change it: NETWORK_NOT_FOUND (on `networkId`) when none has the id, FORBIDDEN when the
 * caller may not change every alliance in it (the region rule; a network with no alliance is DfE staff's),
 * CONFLICT when it is no longer at the version the caller read.
 */
export async function networkToChange(
  context: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<StoredNetwork> {
  const network = isNetworkId(id) ? await getNetworkForChange(context.store, id) : undefined;
  if (!network) {
    throw new RuleViolation(RuleCode.NETWORK_NOT_FOUND, `No network has id ${JSON.stringify(id.slice(0, 80))}`, [
      'networkId',
    ]);
  }
  const alliances = await getAlliancesById(context.store, network.allianceIds, { consistent: true });
  const places = alliances.flatMap((alliance) => alliance?.lastLeadSpots.map(placeOfSpot) ?? []);
  await authorizeChange(context, places, `network ${network.name}`);
  checkExpectedVersion(`Network ${network.name}`, network.version, expectedVersion);
  return network;
}

/**
 * Reads schools to change them (strongly consistent), in the order given: SCHOOL_NOT_FOUND names `field`;
 * FORBIDDEN when the caller may not change one of them (a lead, a member, a school losing its lead claim).
 */
export async function schoolsToChange(
  context: RequestContext,
  urnInputs: readonly string[],
  field: string,
): Promise<StoredSchool[]> {
  const urns = urnInputs.map((urn) => parseUrn(urn, field));
  const found = await getSchoolsByUrn(context.store, urns, { consistent: true });
  const schools = found.map((school, position) => {
    if (!school) throw new RuleViolation(RuleCode.SCHOOL_NOT_FOUND, `No school has URN ${urns[position]}`, [field]);
    return school;
  });
  if (schools.length > 0) await authorizeChange(context, schools, `school ${schools.map(({ urn }) => urn).join(', ')}`);
  return schools;
}

/**
 * Reads a school's current membership of an alliance to change it: NOT_A_MEMBER (on `urn`) when it has none,
 * FORBIDDEN when the caller may not change the member school.
 */
export async function membershipToChange(
  context: RequestContext,
  allianceId: string,
  urnInput: string,
): Promise<AllianceMembership> {
  const [school] = await schoolsToChange(context, [urnInput], 'urn');
  const urn = school!.urn;
  const membership = await getCurrentMembership(context.store, allianceId, urn);
  if (!membership) {
    throw new RuleViolation(RuleCode.NOT_A_MEMBER, `School ${urn} is not a current member of alliance ${allianceId}`, [
      'urn',
    ]);
  }
  return membership;
}

/** A date from the input (of what has happened, so not in the future), or today when not given. */
export function dateOrToday(context: RequestContext, value: string | null | undefined, field: string): IsoDate {
  return value ? notInFuture(parseIsoDate(value, field), today(context.now()), field) : today(context.now());
}
