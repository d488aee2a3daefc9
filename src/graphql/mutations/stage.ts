import { dropDeDesignatedLead } from '../../domain/alliance-changes.js';
import type { Alliance, AllianceMembership } from '../../domain/alliance.js';
import { auditSubject, type AuditEvent } from '../../domain/audit-event.js';
import { changedFields } from '../../domain/change.js';
import type { Network } from '../../domain/network.js';
import type { School } from '../../domain/school.js';
import type { StoredAlliance } from '../../store/alliance-item.js';
import { type ChangeSet, schoolPlaces } from '../../store/change-set.js';
import type { StoredNetwork } from '../../store/networks.js';
import type { StoredSchool } from '../../store/school-item.js';
import type { RequestContext } from '../context.js';
import { allianceToChange, schoolsToChange } from './read-for-change.js';

/**
 * Staging: each function puts a record's new state on the change set together with its audit event, so
 * the change and its audit commit in the same transaction (or neither does).
 */

/** Stages a school's new state with its audit event. */
export function stageSchool(
  changes: ChangeSet,
  context: RequestContext,
  action: string,
  before: StoredSchool,
  after: School,
): StoredSchool {
  const stored = changes.putSchool(before, after);
  changes.audit(
    auditEvent(context, action, auditSubject.school(before.urn), before, after),
    schoolPlaces([before, after]),
  );
  return stored;
}

/**
 * Stages a school's change of designation. When the designation ends and the school led an alliance, the
 * school leaves the leads and the alliance is flagged for restructuring, in the same transaction.
 */
export async function stageDesignationChange(
  changes: ChangeSet,
  context: RequestContext,
  action: string,
  before: StoredSchool,
  after: School,
): Promise<StoredSchool> {
  let next = after;
  if (after.designation?.status === 'DE_DESIGNATED' && before.leadsAllianceId) {
    const alliance = await allianceToChange(context, before.leadsAllianceId);
    const leads = await schoolsToChange(context, alliance.leads, 'urn');
    const remaining = leads.filter((lead) => lead.urn !== before.urn);
    const flagged = dropDeDesignatedLead(alliance, leads, before.urn, context.settings);
    stageAlliance(changes, context, action, alliance, flagged, remaining);
    next = { ...after, leadsAllianceId: null };
  }
  return stageSchool(changes, context, action, before, next);
}

/** Stages an alliance's new state with its audit event. */
export function stageAlliance(
  changes: ChangeSet,
  context: RequestContext,
  action: string,
  before: StoredAlliance | null,
  after: Alliance,
  leads?: readonly School[],
): StoredAlliance {
  const stored = changes.putAlliance(before, after, leads);
  const places = [stored.leadPlaces, before?.leadPlaces ?? stored.leadPlaces];
  changes.audit(auditEvent(context, action, auditSubject.alliance(after.id), before, after), {
    regions: [...new Set(places.flatMap((place) => place.regions))],
    laCodes: [...new Set(places.flatMap((place) => place.laCodes))],
  });
  return stored;
}

/** Stages a network's new state with its audit event. */
export function stageNetwork(
  changes: ChangeSet,
  context: RequestContext,
  action: string,
  before: StoredNetwork | null,
  after: Network,
): StoredNetwork {
  const stored = changes.putNetwork(before, after);
  changes.audit(auditEvent(context, action, auditSubject.network(after.id), before, after));
  return stored;
}

/** Stages a school's change of lead claim (which alliance it leads), with its audit event. */
export function stageLeadClaim(
  changes: ChangeSet,
  context: RequestContext,
  action: string,
  school: StoredSchool,
  allianceId: string | null,
): void {
  stageSchool(changes, context, action, school, { ...school, leadsAllianceId: allianceId });
}

/** Stages a membership's audit event (its items are staged by the change set's membership methods). */
export function auditMembership(
  changes: ChangeSet,
  context: RequestContext,
  action: string,
  before: AllianceMembership | null,
  after: AllianceMembership,
): void {
  changes.audit(auditEvent(context, action, auditSubject.school(after.urn), before, after));
}

/** An audit event for a change to one subject, recording only the fields that changed. */
export function auditEvent(
  context: RequestContext,
  action: string,
  subject: string,
  before: object | null,
  after: object | null,
): AuditEvent {
  const changed = changedFields(before, after);
  return {
    subject,
    at: context.now().toISOString(),
    id: `${context.requestId}#${subject}`,
    actor: { id: context.caller.id, role: context.caller.role },
    action,
    before: changed.before,
    after: changed.after,
  };
}
