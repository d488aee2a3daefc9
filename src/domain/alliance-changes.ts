import type {
  Alliance,
  AllianceMembership,
  AllianceType,
  Deliverer,
  DelivererKind,
  DeliveryArea,
  MemberRole,
} from './alliance.js';
import { DELIVERY_AREAS } from './alliance.js';
import { accountableLeadsAfter, accountableLeadsFor, checkLeads, restructuringReasons } from './alliance-rules.js';
import type { IsoDate } from './dates.js';
import { InvalidInput, RuleViolation } from './errors.js';
import { RuleCode } from './rule-code.js';
import type { RegistrySettings, School } from './school.js';
import { cleanName } from './text.js';
import type { Urn } from './urn.js';

/**
 * Alliance changes as pure functions: each takes the alliance and the schools it touches as read, checks
 * the alliance rules (alliance-rules.ts; schema/alliances.graphql describes them to callers), and returns the new
 * state (or throws RuleViolation naming the input field).
 */

const MAX_NAME_LENGTH = 200;

/** A name as stored: cleaned (domain/text.ts), not blank, at most MAX_NAME_LENGTH characters. */
export function checkName(name: string, field = 'name'): string {
  const trimmed = cleanName(name, field);
  if (trimmed.length > MAX_NAME_LENGTH)
    throw new InvalidInput(field, `${field} is longer than ${MAX_NAME_LENGTH} characters`);
  return trimmed;
}

/** A new alliance. With more than one lead, every delivery area must name its accountable lead. */
export function newAlliance(
  request: { id: string; name: string; type: AllianceType; accountableLeads: Partial<Record<DeliveryArea, Urn>> },
  leads: readonly School[],
  settings: RegistrySettings,
): Alliance {
  const name = checkName(request.name);
  checkLeads(request.type, leads, settings, null, ['leads']);
  const urns = leads.map((lead) => lead.urn);
  let accountableLeads = accountableLeadsAfter({}, urns, null);
  if (urns.length > 1) {
    for (const area of DELIVERY_AREAS) {
      const lead = request.accountableLeads[area];
      if (!lead) {
        throw new RuleViolation(
          RuleCode.DELIVERY_AREA_UNASSIGNED,
          `With more than one lead, name the lead accountable for ${area}`,
          ['deliveryAreaLeads'],
        );
      }
      if (!urns.includes(lead))
        throw new RuleViolation(RuleCode.NOT_A_LEAD, `School ${lead}, named for ${area}, is not one of the leads`, [
          'deliveryAreaLeads',
        ]);
    }
    accountableLeads = { ...request.accountableLeads };
  }
  return {
    id: request.id,
    name,
    type: request.type,
    leads: urns,
    accountableLeads,
    deliverers: [],
    networkId: null,
    memberCounts: {},
    restructuringReasons: [],
  };
}

/** Adds a lead, optionally changing the alliance's type in the same step (SINGLE to JOB_SHARE, say). */
export function addLead(
  alliance: Alliance,
  leads: readonly School[],
  newLead: School,
  type: AllianceType | null,
  settings: RegistrySettings,
): Alliance {
  const nextType = type ?? alliance.type;
  const nextLeads = [...leads, newLead];
  checkLeads(nextType, nextLeads, settings, alliance.id, ['urn']);
  const urns = nextLeads.map((lead) => lead.urn);
  return {
    ...alliance,
    type: nextType,
    leads: urns,
    accountableLeads: accountableLeadsAfter(alliance.accountableLeads, urns, null),
    restructuringReasons: [],
  };
}

/** Removes a lead; areas it answered for go to `reassignTo`. The remaining leads must fit the (new) type. */
export function removeLead(
  alliance: Alliance,
  leads: readonly School[],
  urn: Urn,
  type: AllianceType | null,
  reassignTo: Urn | null,
  settings: RegistrySettings,
): Alliance {
  if (!alliance.leads.includes(urn))
    throw new RuleViolation(RuleCode.NOT_A_LEAD, `School ${urn} is not a lead of alliance ${alliance.name}`, ['urn']);
  const nextType = type ?? alliance.type;
  const remaining = leads.filter((lead) => lead.urn !== urn);
  checkLeads(nextType, remaining, settings, alliance.id, ['urn']);
  const urns = remaining.map((lead) => lead.urn);
  return {
    ...alliance,
    type: nextType,
    leads: urns,
    accountableLeads: accountableLeadsAfter(alliance.accountableLeads, urns, reassignTo),
    restructuringReasons: [],
  };
}

/** Changes the type; the current leads must fit it. Clears a restructuring flag the new type resolves. */
export function changeType(
  alliance: Alliance,
  leads: readonly School[],
  type: AllianceType,
  settings: RegistrySettings,
): Alliance {
  checkLeads(type, leads, settings, alliance.id, ['type']);
  return { ...alliance, type, restructuringReasons: [] };
}

export function rename(alliance: Alliance, name: string): Alliance {
  return { ...alliance, name: checkName(name) };
}

/** A school joins as a partner. A lead of the alliance cannot also be one of its partners. */
export function newMembership(
  alliance: Alliance,
  school: School,
  role: MemberRole,
  joinedOn: IsoDate,
): AllianceMembership {
  if (alliance.leads.includes(school.urn)) {
    throw new RuleViolation(
      RuleCode.LEAD_CANNOT_BE_MEMBER,
      `School ${school.urn} leads alliance ${alliance.name}, so it cannot also be a partner`,
      ['urn'],
    );
  }
  return { allianceId: alliance.id, urn: school.urn, role, joinedOn, leftOn: null };
}

/** A school leaves; the membership is kept, dated. */
export function endMembership(membership: AllianceMembership, leftOn: IsoDate): AllianceMembership {
  if (leftOn < membership.joinedOn) {
    throw new RuleViolation(
      RuleCode.DATE_BEFORE_START,
      `leftOn ${leftOn} is before the school joined on ${membership.joinedOn}`,
      ['leftOn'],
    );
  }
  return { ...membership, leftOn };
}

/** Counts of current members per role after a change of one membership's role (null for none). */
export function memberCountsAfter(alliance: Alliance, from: MemberRole | null, to: MemberRole | null): Alliance {
  const counts = { ...alliance.memberCounts };
  if (from) counts[from] = Math.max(0, (counts[from] ?? 0) - 1);
  if (to) counts[to] = (counts[to] ?? 0) + 1;
  return { ...alliance, memberCounts: counts };
}

export function addDeliverer(
  alliance: Alliance,
  deliverer: { id: string; name: string; kind: DelivererKind; joinedOn: IsoDate | null },
): Alliance {
  const entry: Deliverer = { ...deliverer, name: checkName(deliverer.name), leftOn: null };
  return { ...alliance, deliverers: [...alliance.deliverers, entry] };
}

/** A deliverer leaves; it stays in the list, dated. */
export function removeDeliverer(alliance: Alliance, delivererId: string, leftOn: IsoDate): Alliance {
  const deliverer = alliance.deliverers.find((each) => each.id === delivererId && each.leftOn === null);
  if (!deliverer)
    throw new RuleViolation(
      RuleCode.DELIVERER_NOT_FOUND,
      `Alliance ${alliance.name} has no current deliverer ${delivererId}`,
      ['delivererId'],
    );
  if (deliverer.joinedOn && leftOn < deliverer.joinedOn) {
    throw new RuleViolation(
      RuleCode.DATE_BEFORE_START,
      `leftOn ${leftOn} is before the deliverer joined on ${deliverer.joinedOn}`,
      ['leftOn'],
    );
  }
  return {
    ...alliance,
    deliverers: alliance.deliverers.map((each) => (each === deliverer ? { ...each, leftOn } : each)),
  };
}

export function joinNetwork(alliance: Alliance, networkId: string): Alliance {
  if (alliance.networkId)
    throw new RuleViolation(RuleCode.ALREADY_IN_NETWORK, `Alliance ${alliance.name} already belongs to a network`, [
      'allianceId',
    ]);
  return { ...alliance, networkId };
}

export function leaveNetwork(alliance: Alliance): Alliance {
  if (!alliance.networkId)
    throw new RuleViolation(RuleCode.NOT_IN_NETWORK, `Alliance ${alliance.name} belongs to no network`, ['allianceId']);
  return { ...alliance, networkId: null };
}

/**
 * A lead lost its designation: it leaves the leads whatever the type says, and the alliance is flagged with
 * why it needs restructuring (a SINGLE with no lead, a JOB_SHARE with one) instead of being broken or deleted.
 * Areas the lead answered for are left unnamed, unless one lead remains to answer for all.
 */
export function dropDeDesignatedLead(
  alliance: Alliance,
  remainingLeads: readonly School[],
  urn: Urn,
  settings: RegistrySettings,
): Alliance {
  const urns = remainingLeads.map((lead) => lead.urn).filter((lead) => lead !== urn);
  const accountableLeads = accountableLeadsFor(urns, () =>
    Object.fromEntries(Object.entries(alliance.accountableLeads).filter(([, lead]) => lead !== urn)),
  );
  return {
    ...alliance,
    leads: urns,
    accountableLeads,
    restructuringReasons: restructuringReasons(
      alliance.type,
      remainingLeads.filter((lead) => lead.urn !== urn),
      settings,
    ),
  };
}
